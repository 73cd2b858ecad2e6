package fr.passerelle.ingest.limits;

import fr.passerelle.platform.web.ApiError;
import fr.passerelle.platform.web.ErrorAnswers;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared length exceeds {@code passerelle.upload.max-size} before a single
 * byte of its body is read, with a French 413 instead of the bare one of the HTTP layer. A body sent
 * without a length (chunked) is still cut by {@code quarkus.http.limits.max-body-size}, set to the
 * same value, as it streams: neither way does a limit cost memory.
 */
@ApplicationScoped
public class UploadSizeLimit {

    /** Before Quarkus's own length check (order -2), so this answer is the one sent. */
    private static final int ROUTE_ORDER = -10;

    private final long maxBytes;

    public UploadSizeLimit(@ConfigProperty(name = "passerelle.upload.max-size", defaultValue = "512M") MemorySize maxSize) {
        this.maxBytes = maxSize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBytes) {
            ApiError answer = ErrorAnswers.logged(413, error(maxBytes), context.request().method() + " "
                    + context.request().path() + ": " + length + " bytes over the " + maxBytes + "-byte limit", null);
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    // The body is not read: the connection cannot be reused.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(io.vertx.core.json.Json.encode(answer));
            return;
        }
        context.next();
    }

    /** The header's value, or {@link Long#MAX_VALUE} for a value no number fits (refused as too large). */
    static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return header.trim().matches("\\d+") ? Long.MAX_VALUE : -1;
        }
    }

    /** The French answer for a file over {@code maxBytes}. */
    static ApiError error(long maxBytes) {
        return new ApiError("file-too-large", "Le fichier dépasse la taille maximale acceptée de " + readable(maxBytes) + ".",
                "Découpez le fichier (par année ou par commune, par exemple) ou enregistrez-le en CSV, souvent bien plus "
                        + "léger qu'un classeur, puis envoyez-le de nouveau.");
    }

    static String readable(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " Go";
        }
        if (bytes >= 1024L * 1024) {
            return bytes / (1024L * 1024) + " Mo";
        }
        return bytes / 1024 + " ko";
    }
}
