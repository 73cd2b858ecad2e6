package fr.passerelle.notification.outcome;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of e-mail Passerelle sends, each to the people who must act on it. The code is what preferences and
 * unsubscribe links name (never renamed); the label is what a person reads on « Mes notifications ».
 */
public enum MessageKind {
    UPLOAD_REJECTED("upload.rejected", Audience.CONTRIBUTORS, "Un fichier est refusé au contrôle"),
    UPLOAD_BLOCKED("upload.blocked", Audience.CONTRIBUTORS, "Un fichier est bloqué : une décision vous attend"),
    UPLOAD_FAILED("upload.failed", Audience.CONTRIBUTORS, "Le traitement d'un fichier s'est interrompu"),
    APPROVAL_AWAITING("approval.awaiting", Audience.PUBLISHERS, "Une version attend votre approbation"),
    PUBLICATION_FAILED("publication.failed", Audience.PUBLISHERS, "Une publication a échoué"),
    WEBHOOK_DISABLED("webhook.disabled", Audience.ADMINS, "Un webhook de l'organisation est désactivé"),
    DEAD_LETTER("dead-letter", Audience.OPS, "Un message n'a pas pu être traité (lettre morte)");

    /** Who receives a kind: the dataset's contributors, the organisation's publishers or admins, the operators. */
    public enum Audience { CONTRIBUTORS, PUBLISHERS, ADMINS, OPS }

    private final String code;
    private final Audience audience;
    private final String label;

    MessageKind(String code, Audience audience, String label) {
        this.code = code;
        this.audience = audience;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public Audience audience() {
        return audience;
    }

    public String label() {
        return label;
    }

    public static Optional<MessageKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }

    /** The role that receives this kind (what « Mes notifications » offers a person with that role). */
    public String role() {
        return switch (audience) {
            case CONTRIBUTORS -> "contributor";
            case PUBLISHERS -> "publisher";
            case ADMINS -> "admin";
            case OPS -> "ops";
        };
    }
}
