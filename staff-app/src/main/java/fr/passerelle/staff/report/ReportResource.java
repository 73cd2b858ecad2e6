package fr.passerelle.staff.report;

import fr.passerelle.staff.services.QualityApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.PageProblem;
import fr.passerelle.staff.web.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
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
        requireUploadId(uploadId, "le rapport de ce dépôt");
        String bearer = person.bearer();
        return Templates.rapport(ReportPage.of(ServiceCalls.call("quality", "le rapport de ce dépôt",
                () -> quality.report(bearer, uploadId))));
    }

    /**
     * The annotated XLSX or the full error list, made by quality with the person's token and handed on as a
     * download; a missing one (or another organisation's) is the French « Introuvable » page.
     */
    @GET
    @Path("{file}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String uploadId, @PathParam("file") String name) {
        ReportFile file = ReportFile.byAppName(name).orElseThrow(() -> new NotFoundException());
        requireUploadId(uploadId, file.what());
        String bearer = person.bearer();
        Response answer = ServiceCalls.call("quality", file.what(),
                () -> quality.reportFile(bearer, uploadId, file.qualityName()));
        return Response.ok(answer.readEntity(InputStream.class), answer.getMediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        file.contentDisposition(answer.getHeaderString(HttpHeaders.CONTENT_DISPOSITION), uploadId))
                .build();
    }

    private static void requireUploadId(String uploadId, String what) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw new PageProblem(404, "Introuvable", "Nous ne trouvons pas " + what + " dans votre organisation.",
                    "Vérifiez le lien, ou retrouvez-le depuis le tableau de bord.");
        }
    }
}
