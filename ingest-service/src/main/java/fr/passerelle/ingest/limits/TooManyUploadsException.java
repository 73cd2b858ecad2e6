package fr.passerelle.ingest.limits;

import fr.passerelle.platform.web.ApiException;

/** An organisation sent more uploads in a minute than allowed; says when to try again. */
public class TooManyUploadsException extends ApiException {

    private final long retryAfterSeconds;

    public TooManyUploadsException(String organization, int perMinute, long retryAfterSeconds) {
        super(429, "too-many-uploads", "L'organisation « " + organization + " » a déjà envoyé " + perMinute
                        + " fichiers dans la dernière minute, le maximum autorisé.",
                "Réessayez dans " + retryAfterSeconds + " seconde" + (retryAfterSeconds > 1 ? "s" : "")
                        + " ; pour envoyer de nombreux fichiers automatiquement, déposez-les plutôt dans le bucket dropzone.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
