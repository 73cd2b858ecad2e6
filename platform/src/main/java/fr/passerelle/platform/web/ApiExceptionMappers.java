package fr.passerelle.platform.web;

import fr.passerelle.platform.storage.StorageException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns failures into clear JSON answers in French, never a stack trace. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.error()).build();
    }

    @ServerExceptionMapper
    public Response storageDown(StorageException e) {
        LOG.warnf("Object storage unavailable: %s", e.getMessage());
        return Response.status(503).header("Retry-After", "30").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("storage-unavailable",
                        "Le stockage des fichiers est momentanément indisponible.",
                        "Réessayez dans quelques instants ; rien n'a été enregistré."))
                .build();
    }

    /**
     * A multipart body the parser cannot read (a part header broken by control characters in a file
     * name, a truncated boundary…): the sender's request is wrong, not the service.
     */
    @ServerExceptionMapper
    public Response malformedMultipart(org.jboss.resteasy.reactive.server.core.multipart.MultipartParser.MalformedMessageException e) {
        LOG.infof("Malformed multipart request refused: %s", e.getMessage());
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("malformed-request",
                        "Le formulaire envoyé est mal formé : il n'a pas pu être lu.",
                        "Envoyez le fichier dans le champ « file » d'un formulaire multipart/form-data, avec un nom "
                                + "de fichier sans caractères de contrôle (retour à la ligne, tabulation…)."))
                .build();
    }

    /**
     * PostgreSQL unreachable or restarting (SQL states 08xxx, 57P0x): nothing was recorded, and the
     * client may send again shortly. Any other database failure is a bug: a 500, logged with its cause.
     */
    @ServerExceptionMapper
    public Response databaseDown(fr.passerelle.platform.db.Database.DatabaseException e) {
        if (!fr.passerelle.platform.resilience.TransientFailures.isOutage(e)) {
            LOG.error("Database failure", e);
            return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("internal-error", "Une erreur interne a empêché de traiter la demande.",
                            "Réessayez ; si l'erreur persiste, signalez-la à l'exploitation de Passerelle."))
                    .build();
        }
        LOG.warnf("Database unavailable: %s", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        return Response.status(503).header("Retry-After", "5").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("database-unavailable",
                        "La base de données de Passerelle est momentanément indisponible.",
                        "Réessayez dans quelques secondes ; rien n'a été enregistré."))
                .build();
    }
}
