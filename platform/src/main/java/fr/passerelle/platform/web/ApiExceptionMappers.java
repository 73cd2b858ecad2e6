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
}
