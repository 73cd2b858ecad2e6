package fr.passerelle.quality.schema.custom;

import fr.passerelle.platform.web.ApiError;
import fr.passerelle.platform.web.ErrorAnswers;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Refuses an organisation's schema over {@link CustomSchemaRules#MAX_BYTES} before its body is read. The resource's
 * methods return {@code Uni}, so RESTEasy Reactive hands them the body whole, buffered up to
 * {@code quarkus.http.limits.max-body-size} (512 MB, the uploads' limit): without this check, one large PUT would
 * fill quality's heap before the resource could count its bytes. A body without a {@code Content-Length} (chunked)
 * is refused too, for the same reason: its size is known only once it is all in memory.
 */
@ApplicationScoped
public class CustomSchemaBodyLimit {

    private static final Pattern SCHEMA_PATHS = Pattern.compile("/api/v1/organizations/[^/]+/schemas(/[^/]+)?/?");

    void install(@Observes Router router) {
        // Before RESTEasy Reactive's route, which would start reading the body.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpMethod method = context.request().method();
        if ((method != HttpMethod.POST && method != HttpMethod.PUT) || !SCHEMA_PATHS.matcher(context.request().path()).matches()) {
            context.next();
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            refuse(context, 411, new ApiError("length-required", "La longueur du schéma envoyé (Content-Length) manque.",
                    "Envoyez le schéma avec son en-tête Content-Length (1 Mo au plus)."));
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            bytes = Long.MAX_VALUE;
        }
        if (bytes > CustomSchemaRules.MAX_BYTES) {
            refuse(context, 413, CustomSchemaRules.TOO_LARGE);
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, ApiError error) {
        ApiError logged = ErrorAnswers.logged(status, error,
                context.request().method() + " " + context.request().path() + " with Content-Length "
                        + context.request().getHeader(HttpHeaders.CONTENT_LENGTH), null);
        // The body may still be coming: the connection cannot be reused.
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(logged));
    }
}
