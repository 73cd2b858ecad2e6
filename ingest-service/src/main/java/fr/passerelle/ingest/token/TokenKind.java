package fr.passerelle.ingest.token;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who a token is for. A person's token is short-lived (they ask again); a machine's (an automated drop,
 * a script) lives longer, as nobody is there to renew it every day.
 */
public enum TokenKind {

    PERSONNE("personne", 1, 30),
    MACHINE("machine", 90, 365);

    private final String label;
    private final int defaultValidityDays;
    private final int maxValidityDays;

    TokenKind(String label, int defaultValidityDays, int maxValidityDays) {
        this.label = label;
        this.defaultValidityDays = defaultValidityDays;
        this.maxValidityDays = maxValidityDays;
    }

    /** The name in requests, answers and the database. */
    public String label() {
        return label;
    }

    public int defaultValidityDays() {
        return defaultValidityDays;
    }

    public int maxValidityDays() {
        return maxValidityDays;
    }

    public static Optional<TokenKind> of(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
    }
}
