package fr.passerelle.platform.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every error answer of the four services goes through here: it gets an id, and that id is in the log
 * with what happened (a refusal at INFO, an unexpected failure at ERROR with its stack trace), so the id
 * a person quotes leads the operators to the line.
 */
public final class ErrorAnswers {

    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class);

    static final ApiError INTERNAL = new ApiError("internal-error", "Une erreur interne a empêché de traiter la demande.",
            "Réessayez ; si l'erreur persiste, signalez-la à l'exploitation de Passerelle avec l'identifiant d'erreur.");

    private ErrorAnswers() {
    }

    /** A refusal the caller can act on (4xx, or a 503 to retry): logged at INFO with its id. */
    public static Response refusal(int status, ApiError error, String why) {
        return builder(status, logged(status, error, why, null)).build();
    }

    /** As {@link #refusal} but the builder, to add headers ({@code Retry-After}, {@code WWW-Authenticate}). */
    public static Response.ResponseBuilder refusalBuilder(int status, ApiError error, String why) {
        return builder(status, logged(status, error, why, null));
    }

    /** A failure nobody expected: 500, logged at ERROR with its stack trace under the answer's id. */
    public static Response failure(Throwable cause, String where) {
        return builder(500, logged(500, INTERNAL, where, cause)).build();
    }

    /** {@code error} under a new id, logged: INFO for a refusal, ERROR (with the cause's trace) for a 5xx. */
    public static ApiError logged(int status, ApiError error, String why, Throwable cause) {
        String id = UUID.randomUUID().toString();
        if (status >= 500 && cause != null) {
            LOG.errorf(cause, "Answered %d %s, error id %s: %s", status, error.code(), id, why);
        } else if (status >= 500) {
            LOG.errorf("Answered %d %s, error id %s: %s", status, error.code(), id, why);
        } else {
            LOG.infof("Answered %d %s, error id %s: %s", status, error.code(), id, why);
        }
        return error.withId(id);
    }

    private static Response.ResponseBuilder builder(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error);
    }
}
