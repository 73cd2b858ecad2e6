package fr.passerelle.staff.report;

import fr.passerelle.staff.services.QualityApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.PageProblem;
import fr.passerelle.staff.web.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Le rapport: what quality found in an upload. */
@Path("/rapports/{id}")
@Produces(MediaType.TEXT_HTML)
public class ReportResource {

    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance rapport(ReportPage report);
    }

    @Inject
    Person person;

    @Inject
    @RestClient
    QualityApi quality;

    @GET
    public TemplateInstance report(@PathParam("id") String uploadId) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw new PageProblem(404, "Introuvable", "Nous ne trouvons pas le rapport de ce dépôt dans votre organisation.",
                    "Vérifiez le lien, ou retrouvez-le depuis le tableau de bord.");
        }
        String bearer = person.bearer();
        return Templates.rapport(ReportPage.of(ServiceCalls.call("quality", "le rapport de ce dépôt",
                () -> quality.report(bearer, uploadId))));
    }
}
