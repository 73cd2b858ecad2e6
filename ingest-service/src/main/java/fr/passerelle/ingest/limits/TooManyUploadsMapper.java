package fr.passerelle.ingest.limits;

import fr.passerelle.platform.web.ErrorAnswers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 with {@code Retry-After}, the French error as body. */
public class TooManyUploadsMapper {

    @ServerExceptionMapper
    public Response tooMany(TooManyUploadsException e) {
        return ErrorAnswers.refusalBuilder(429, e.error(), "too many uploads")
                .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
    }
}
