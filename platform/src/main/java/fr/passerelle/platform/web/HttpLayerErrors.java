package fr.passerelle.platform.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The house's JSON error for what fails below JAX-RS, in the Vert.x layer: a body over the size limit
 * or a form field over {@code quarkus.http.limits.max-form-attribute-size} (413), a body shorter or
 * longer than its {@code Content-Length}, a path no route serves (404). Without this, Vert.x and Quarkus
 * answer an empty body, an HTML page, or a JSON of their own whose error id is not always logged.
 */
@ApplicationScoped
public class HttpLayerErrors {

    private static final Logger LOG = Logger.getLogger(HttpLayerErrors.class);

    void install(@Observes Router router) {
        // First of the failure handlers, before Quarkus's own; last of the handlers, after static resources.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.route().last().handler(this::notFound);
    }

    private void notFound(RoutingContext context) {
        answer(context, 404, ErrorAnswers.logged(404, HttpRefusals.of(404, null), describe(context, null), null));
    }

    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().ended() || context.response().closed()) {
            LOG.debugf("Failure after the answer was sent on %s: %s", context.request().path(), failure);
            return;
        }
        if (context.response().headWritten()) {
            // Half an answer is out: nothing better than cutting it, so the client sees it incomplete.
            ApiError logged = ErrorAnswers.logged(500, ErrorAnswers.INTERNAL, describe(context, failure), failure);
            LOG.infof("Connection reset after a partial answer, error id %s", logged.errorId());
            context.response().reset();
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            answer(context, 401, ErrorAnswers.logged(401, fr.passerelle.platform.security.SecurityAnswers.UNAUTHORIZED,
                    describe(context, failure), null));
            return;
        }
        if (failure instanceof ForbiddenException) {
            answer(context, 403, ErrorAnswers.logged(403, fr.passerelle.platform.security.SecurityAnswers.FORBIDDEN,
                    describe(context, failure), null));
            return;
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        if (status < 400 || status > 599) {
            status = 500;
        }
        ApiError error = status >= 500 ? ErrorAnswers.INTERNAL : HttpRefusals.of(status, context.request().method().name());
        answer(context, status, ErrorAnswers.logged(status, error, describe(context, failure), status >= 500 ? failure : null));
    }

    private static void answer(RoutingContext context, int status, ApiError error) {
        var response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (status == 413 || status == 400) {
            // The rest of the body may still be coming: the connection cannot be reused.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Json.encode(error));
    }

    private static String describe(RoutingContext context, Throwable failure) {
        String request = context.request().method() + " " + context.request().path();
        return failure == null ? request : request + ": " + failure;
    }
}
