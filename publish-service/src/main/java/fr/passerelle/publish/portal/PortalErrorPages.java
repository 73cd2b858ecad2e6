package fr.passerelle.publish.portal;

import fr.passerelle.platform.resilience.TransientFailures;
import fr.passerelle.platform.storage.StorageException;
import fr.passerelle.platform.web.ApiError;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.ErrorAnswers;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * The portal's pages answer a person, so their failures are French pages with the portal's header and footer: an
 * unknown dataset or address (404), the storage or the database away for a moment (503), anything else (500, with
 * the id of the log line). No status code, JSON or stack trace shown. The downloads keep the house's JSON errors:
 * scripts read them. Every answer is logged with its id by {@link ErrorAnswers}, as the JSON ones are.
 */
final class PortalErrorPages {

    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private PortalErrorPages() {
    }

    /** The page, rendered here so that a failure while rendering gets its page too. */
    static Response render(Supplier<TemplateInstance> page) {
        try {
            return Response.ok(page.get().render(), HTML).build();
        } catch (RuntimeException e) {
            return answer(e);
        }
    }

    /** The page once its data is read (reactively), rendered here so that a failure while rendering gets its page too. */
    static Uni<Response> render(Uni<TemplateInstance> page) {
        return page.map(template -> Response.ok(template.render(), HTML).build())
                .onFailure().recoverWithItem(failure -> failure instanceof RuntimeException e ? answer(e)
                        : answer(new IllegalStateException(failure)));
    }

    private static Response answer(RuntimeException failure) {
        if (failure instanceof ApiException e) {
            ErrorAnswers.logged(e.status(), e.error(), e.getMessage(), null);
            // An identifier that is no slug is an address nobody could have published: the same page as unknown.
            return page(404, "Page introuvable", e.status() == 404 ? e.getMessage()
                            : "Cette adresse ne correspond à aucun jeu de données publié.",
                    "Vérifiez l'adresse, ou cherchez le jeu de données depuis l'accueil du portail.", null);
        }
        if (failure instanceof StorageException e) {
            return unavailable(e, "storage-unavailable", "Le fichier de ce jeu de données est momentanément indisponible.");
        }
        // The reactive PostgreSQL client's outages (connection refused or lost, the server shutting down).
        if (TransientFailures.isOutage(failure)) {
            return unavailable(failure, "database-unavailable", "Le portail est momentanément indisponible.");
        }
        return failure(failure);
    }

    private static Response unavailable(RuntimeException e, String code, String message) {
        String advice = "Réessayez dans quelques minutes.";
        ErrorAnswers.logged(503, new ApiError(code, message, advice), e.getMessage(), null);
        return Response.fromResponse(page(503, "Service momentanément indisponible", message, advice, null))
                .header("Retry-After", "30").build();
    }

    private static Response failure(RuntimeException e) {
        ApiError logged = ErrorAnswers.logged(500, new ApiError("internal-error", "portal page failed", null),
                "portal page: " + e, e);
        return page(500, "Une erreur est survenue", "Le portail n'a pas pu afficher cette page.",
                "Réessayez dans quelques minutes ; si cela dure, signalez-le à l'organisation qui publie ces données"
                        + " en citant l'identifiant ci-dessous.", logged.errorId());
    }

    static Response page(int status, String title, String message, String advice, String errorId) {
        return Response.status(status).type(HTML)
                .entity(PortalTemplates.erreur(title, message, advice, errorId).render()).build();
    }
}
