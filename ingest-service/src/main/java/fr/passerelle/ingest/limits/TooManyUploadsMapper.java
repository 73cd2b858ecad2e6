package fr.passerelle.ingest.limits;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 with {@code Retry-After}, the French error as body. */
public class TooManyUploadsMapper {

    @ServerExceptionMapper
    public Response tooMany(TooManyUploadsException e) {
        return Response.status(429).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .type(MediaType.APPLICATION_JSON_TYPE).entity(e.error()).build();
    }
}
