package fr.passerelle.staff.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The answers that leave the app without a page of ours: a form sent with an expired CSRF token (the
 * CSRF filter answers a bare 400), a body over the size limit, the identity provider unreachable at
 * login. A person would see a blank page or a server's English text; they get a French page instead.
 */
public class BareErrorPages {

    private static final Logger LOG = Logger.getLogger(BareErrorPages.class);

    @CheckedTemplate(basePath = "", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance panne(String title, String message, String advice);
    }

    /** JAX-RS answers without a body (the CSRF filter's 400, a 405): the French page of their status. */
    @ServerResponseFilter
    public void withPage(ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.hasEntity()) {
            return;
        }
        Page page = Page.of(response.getStatus());
        response.setEntity(ErrorPages.Templates.erreur(page.title(), page.message(), page.advice()).render(),
                null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /**
     * Failures below JAX-RS (the HTTP layer's size limit, the OIDC login): rendered without the person's session,
     * which may be what failed.
     */
    void onStart(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        Throwable failure = context.failure();
        if (failure != null && status >= 500) {
            // The provider down is the usual cause: worth a line, not a stack trace per request.
            LOG.warnf("Request %s failed: %s", context.request().path(), describe(failure));
        }
        if (failure instanceof io.quarkus.security.AuthenticationRedirectException
                || failure instanceof io.quarkus.security.AuthenticationFailedException && status == 401
                || failure instanceof io.quarkus.security.UnauthorizedException) {
            // The login flow's own redirects and challenges: Quarkus answers them.
            context.next();
            return;
        }
        Page page = failure != null && status >= 500 && isLogin(failure) ? Page.LOGIN_DOWN : Page.of(status);
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Templates.panne(page.title(), page.message(), page.advice()).render());
    }

    private static boolean isLogin(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (type.contains("oidc") || type.contains("Authentication") || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return failure.getClass().getSimpleName() + (root == failure ? "" : " caused by " + root.getClass().getSimpleName())
                + ": " + root.getMessage();
    }

    /** What the person reads, by status. */
    record Page(String title, String message, String advice) {

        static final Page LOGIN_DOWN = new Page("Connexion momentanément impossible",
                "Le service d'identification ne répond pas : Passerelle ne peut pas vous connecter pour l'instant.",
                "Réessayez dans quelques minutes ; si cela dure, prévenez l'équipe d'exploitation.");

        static Page of(int status) {
            return switch (status) {
                case 400 -> new Page("Le formulaire a expiré",
                        "Passerelle n'a pas pu reconnaître ce formulaire : il a sans doute été ouvert il y a longtemps, "
                                + "ou dans un autre onglet avant une déconnexion. Rien n'a été enregistré.",
                        "Revenez à la page précédente, rechargez-la, puis recommencez.");
                case 401, 403 -> new Page("Accès refusé", "Vous n'avez pas accès à cette page.",
                        "Si vous pensez que c'est une erreur, demandez à l'administrateur de votre organisation.");
                case 404 -> new Page("Page introuvable", "Cette page n'existe pas.", "Revenez au tableau de bord.");
                case 405 -> new Page("Page introuvable", "Cette adresse ne s'ouvre pas ainsi.", "Revenez au tableau de bord.");
                case 413 -> new Page("Fichier trop volumineux",
                        "Le fichier dépasse la taille que l'espace agent accepte.",
                        "Envoyez-le en CSV (plus léger qu'un classeur), ou découpez-le, ou déposez-le dans la zone de "
                                + "dépôt automatique du jeu de données.");
                default -> new Page("Une erreur est survenue", "Passerelle n'a pas pu afficher cette page.",
                        "Réessayez dans quelques minutes ; si cela dure, prévenez l'équipe d'exploitation.");
            };
        }
    }
}
