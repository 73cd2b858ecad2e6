package fr.passerelle.staff.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure becomes a French page with the app's header and footer: no stack trace, no code. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance erreur(String title, String message, String advice);
    }

    @ServerExceptionMapper
    public Response problem(PageProblem problem) {
        return page(problem.status(), problem.title(), problem.getMessage(), problem.advice());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Page introuvable", "Cette page n'existe pas.", "Revenez au tableau de bord.");
    }

    /** A method the page does not take (405), a type it does not read (415)…: the French page of that status. */
    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        BareErrorPages.Page page = BareErrorPages.Page.of(status);
        return page(status, page.title(), page.message(), page.advice());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return page(500, "Une erreur est survenue", "Passerelle n'a pas pu afficher cette page.",
                "Réessayez dans quelques minutes ; si cela dure, prévenez l'équipe d'exploitation.");
    }

    static Response page(int status, String title, String message, String advice) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.erreur(title, message, advice).render()).build();
    }
}
