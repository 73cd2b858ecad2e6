package fr.passerelle.staff.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The pages outside the login: legal notice, accessibility, after logout; and / to the dashboard. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance mentionsLegales();

        static native TemplateInstance accessibilite();

        static native TemplateInstance auRevoir();
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/tableau-de-bord")).build();
    }

    @GET
    @Path("mentions-legales")
    public TemplateInstance legal() {
        return Templates.mentionsLegales();
    }

    @GET
    @Path("accessibilite")
    public TemplateInstance accessibility() {
        return Templates.accessibilite();
    }

    @GET
    @Path("au-revoir")
    public TemplateInstance loggedOut() {
        return Templates.auRevoir();
    }
}
