package fr.passerelle.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.passerelle.platform.storage.StorageException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns failures into clear JSON answers in French, never a stack trace nor an HTML page: the
 * caller's refusals, the HTTP layer's own (404, 405, 415, unreadable JSON) and, last, anything
 * unexpected (500). Each answer carries an {@code errorId} that is in the log ({@link ErrorAnswers}).
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return ErrorAnswers.refusal(e.status(), e.error(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response storageDown(StorageException e) {
        LOG.warnf("Object storage unavailable: %s", e.getMessage());
        return storageUnavailable(e.getMessage());
    }

    private static Response storageUnavailable(String why) {
        return ErrorAnswers.refusalBuilder(503, new ApiError("storage-unavailable",
                        "Le stockage des fichiers est momentanément indisponible.",
                        "Réessayez dans quelques instants ; rien n'a été enregistré."), why)
                .header("Retry-After", "30").build();
    }

    /**
     * A multipart body the parser cannot read (a part header broken by control characters in a file
     * name, a truncated boundary…): the sender's request is wrong, not the service.
     */
    @ServerExceptionMapper
    public Response malformedMultipart(org.jboss.resteasy.reactive.server.core.multipart.MultipartParser.MalformedMessageException e) {
        return ErrorAnswers.refusal(400, MALFORMED_FORM, "malformed multipart request: " + e.getMessage());
    }

    static final ApiError MALFORMED_FORM = new ApiError("malformed-request",
            "Le formulaire envoyé est mal formé : il n'a pas pu être lu.",
            "Envoyez le fichier dans le champ « file » d'un formulaire multipart/form-data, avec un nom "
                    + "de fichier sans caractères de contrôle (retour à la ligne, tabulation…).");

    /**
     * PostgreSQL unreachable or restarting (SQL states 08xxx, 57P0x): nothing was recorded, and the
     * client may send again shortly. Any other database failure is a bug: a 500, logged with its cause.
     */
    @ServerExceptionMapper
    public Response databaseDown(fr.passerelle.platform.db.Database.DatabaseException e) {
        if (!fr.passerelle.platform.resilience.TransientFailures.isOutage(e)) {
            return ErrorAnswers.failure(e, "database failure");
        }
        String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        LOG.warnf("Database unavailable: %s", cause);
        return databaseUnavailable(cause);
    }

    private static Response databaseUnavailable(String why) {
        return ErrorAnswers.refusalBuilder(503, new ApiError("database-unavailable",
                        "La base de données de Passerelle est momentanément indisponible.",
                        "Réessayez dans quelques secondes ; rien n'a été enregistré."), why)
                .header("Retry-After", "5").build();
    }

    /** A body that is no JSON, or JSON of the wrong shape (a text where a number is expected…). */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonGenerator) {
            return ErrorAnswers.failure(e, "an answer could not be written as JSON"); // ours, not the caller's
        }
        return ErrorAnswers.refusal(400, INVALID_JSON, "unreadable JSON body: " + e.getOriginalMessage());
    }

    // The same, named for the exact types RESTEasy Reactive's own mappers answer with a bare 400.
    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    static final ApiError INVALID_JSON = new ApiError("invalid-json",
            "Le corps de la demande n'est pas un JSON lisible ou n'a pas la forme attendue.",
            "Envoyez un objet JSON valide avec l'en-tête « Content-Type: application/json » ; les champs attendus "
                    + "sont décrits dans /q/swagger-ui.");

    /** The HTTP layer's own refusals (no such path, wrong method or content type…) in the house's words. */
    @ServerExceptionMapper
    public Response httpRefusal(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return ErrorAnswers.failure(e, "web application exception " + status);
        }
        // RESTEasy Reactive wraps some JSON reading errors in a bare 400.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
        }
        return ErrorAnswers.refusal(status, HttpRefusals.of(status, null), e.getClass().getSimpleName() + ": "
                + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
    }

    /**
     * Whatever nobody expected: a 500 whose id leads to the stack trace in the log. Unless an outage
     * hides inside it: a commit that fails because PostgreSQL restarted comes out of the transaction
     * manager as its own exception, with the SQL state only in a cause or a suppressed exception (the
     * fault harness met one such 500 while PostgreSQL restarted); that is a 503 to retry like the others.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (fr.passerelle.platform.resilience.TransientFailures.isOutage(e)) {
            boolean storage = fr.passerelle.platform.resilience.TransientFailures.isStorageOutage(e);
            LOG.warnf("%s unavailable (%s: %s)", storage ? "Object storage" : "Database", e.getClass().getName(),
                    e.getMessage());
            return storage ? storageUnavailable(e.getMessage()) : databaseUnavailable(e.getMessage());
        }
        return ErrorAnswers.failure(e, "unexpected " + e.getClass().getName());
    }
}
