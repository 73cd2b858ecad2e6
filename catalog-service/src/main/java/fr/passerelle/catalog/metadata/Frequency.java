package fr.passerelle.catalog.metadata;

import java.util.Arrays;
import java.util.Optional;

/** Update frequencies, mapped to the EU vocabulary that DCAT-AP uses for accrualPeriodicity. */
public enum Frequency {
    CONTINUOUS("continuous", "CONT"),
    DAILY("daily", "DAILY"),
    WEEKLY("weekly", "WEEKLY"),
    MONTHLY("monthly", "MONTHLY"),
    QUARTERLY("quarterly", "QUARTERLY"),
    ANNUAL("annual", "ANNUAL"),
    IRREGULAR("irregular", "IRREG"),
    UNKNOWN("unknown", "UNKNOWN");

    private static final String EU_VOCABULARY = "http://publications.europa.eu/resource/authority/frequency/";

    private final String id;
    private final String euCode;

    Frequency(String id, String euCode) {
        this.id = id;
        this.euCode = euCode;
    }

    public String id() {
        return id;
    }

    public String uri() {
        return EU_VOCABULARY + euCode;
    }

    public static Optional<Frequency> byId(String id) {
        return Arrays.stream(values()).filter(frequency -> frequency.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Frequency::id).toList());
    }
}
