package fr.passerelle.staff.upload;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.CatalogApi;
import fr.passerelle.staff.services.IngestApi;
import fr.passerelle.staff.services.PublishApi;
import fr.passerelle.staff.portals.TargetStatus;
import fr.passerelle.staff.services.QualityApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.Labels;
import fr.passerelle.staff.web.PageProblem;
import fr.passerelle.staff.web.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Déposer: choose a file, a dataset and a schema; then follow the upload's stages until the verdict. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class UploadResource {

    private static final Pattern DATASET = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance deposer(String formKey, List<SchemaChoice> schemas, List<String> datasets,
                                               String dataset, String schema, Map<String, String> errors);

        static native TemplateInstance depot(UploadPage upload);

        static native TemplateInstance depotEtapes(UploadPage upload);
    }

    @Inject
    Person person;

    @Inject
    SubmittedUploads submitted;

    @Inject
    @RestClient
    IngestApi ingest;

    @Inject
    @RestClient
    QualityApi quality;

    @Inject
    @RestClient
    CatalogApi catalog;

    @Inject
    @RestClient
    PublishApi publish;

    @GET
    @Path("deposer")
    public TemplateInstance form(@org.jboss.resteasy.reactive.RestQuery String jeu) {
        // « Déposer de nouveau » from the dashboard names the dataset; anything else is ignored, not echoed.
        return form(jeu != null && DATASET.matcher(jeu).matches() ? jeu : null, null, Map.of());
    }

    private TemplateInstance form(String dataset, String schema, Map<String, String> errors) {
        String organization = organization();
        String bearer = person.bearer();
        List<SchemaChoice> schemas = new ArrayList<>();
        for (Api.Schema own : ServiceCalls.call("quality", "les schémas de votre organisation",
                () -> quality.ownSchemas(bearer, organization))) {
            schemas.add(new SchemaChoice(own.name(), (own.title() == null ? own.name() : own.title()) + " (schéma de l'organisation)"));
        }
        for (Api.Schema national : ServiceCalls.call("quality", "la liste des schémas nationaux",
                () -> quality.nationalSchemas(bearer))) {
            schemas.add(new SchemaChoice(national.name(), national.title() == null ? national.name() : national.title()));
        }
        List<String> datasets = ServiceCalls.call("catalog", "les jeux de données de votre organisation",
                () -> catalog.datasets(bearer)).stream().map(Api.Dataset::dataset).toList();
        return Templates.deposer(UUID.randomUUID().toString(), schemas, datasets, dataset, schema, errors);
    }

    @POST
    @Path("deposer")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm String dataset, @RestForm String schema, @RestForm String formKey,
                           @RestForm("fichier") FileUpload file) {
        String organization = organization();
        String slug = dataset == null ? "" : dataset.strip();
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (!DATASET.matcher(slug).matches()) {
            errors.put("dataset", slug.isEmpty() ? "Indiquez le jeu de données auquel ce fichier appartient."
                    : "L'identifiant du jeu de données ne peut contenir que des minuscules sans accent, des chiffres et des tirets (ex. : stationnements-velos).");
        }
        if (file == null || file.fileName() == null || file.fileName().isBlank() || file.size() == 0) {
            errors.put("fichier", "Choisissez un fichier non vide (CSV, XLSX, XLS, JSON ou GeoJSON).");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(form(slug, schema, errors)).type(MediaType.TEXT_HTML_TYPE).build();
        }
        String key = person.subject() + "/" + (formKey == null || formKey.isBlank() ? UUID.randomUUID() : formKey);
        String bearer = person.bearer();
        String uploadId = submitted.once(key, () -> {
            ClientMultipartForm form = ClientMultipartForm.create()
                    .binaryFileUpload("file", file.fileName(), file.uploadedFile().toString(),
                            file.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : file.contentType());
            if (schema != null && !schema.isBlank()) {
                form.attribute("schema", schema.strip(), null);
            }
            // The form's key goes to ingest too: a form sent again after a lost answer, to this instance or another,
            // or after ingest stopped between its commit and its answer, is the same upload there.
            return ServiceCalls.call("ingest", "ce dépôt", () -> ingest.upload(bearer, idempotencyKeyOf(formKey),
                    organization, slug, form)).uploadId();
        });
        return Response.seeOther(URI.create("/depots/" + uploadId)).build();
    }

    /** The form's random key (a UUID the page was rendered with), or none when the form came without a valid one. */
    private static String idempotencyKeyOf(String formKey) {
        try {
            return formKey == null ? null : UUID.fromString(formKey.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @GET
    @Path("depots/{id}")
    public TemplateInstance upload(@PathParam("id") String uploadId) {
        return Templates.depot(page(uploadId));
    }

    /** The stages alone, polled by suivi.js until the verdict. */
    @GET
    @Path("depots/{id}/etapes")
    public TemplateInstance stages(@PathParam("id") String uploadId) {
        return Templates.depotEtapes(page(uploadId));
    }

    private UploadPage page(String uploadId) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw new PageProblem(404, "Introuvable", "Nous ne trouvons pas ce dépôt dans votre organisation.",
                    "Vérifiez le lien, ou retrouvez-le depuis le tableau de bord.");
        }
        String bearer = person.bearer();
        Api.Upload upload = ServiceCalls.call("ingest", "ce dépôt", () -> ingest.upload(bearer, uploadId));
        List<TargetStatus> portals = List.of();
        // Published on Passerelle's portal does not mean published everywhere: each remote portal says where it stands.
        if (upload.version() != null && PUBLISHED_OR_AFTER.contains(upload.status())) {
            portals = ServiceCalls.call("publish", "les portails de ce jeu de données",
                    () -> publish.targets(bearer, upload.organization(), upload.dataset())).stream()
                    .map(target -> TargetStatus.ofVersion(target, upload.version())).toList();
        }
        return UploadPage.of(upload, portals, person.isPublisher(), java.time.Instant.now());
    }

    private static final java.util.Set<String> PUBLISHED_OR_AFTER = java.util.Set.of("PUBLISHING", "PUBLISHED", "FAILED");

    private String organization() {
        return person.organization().orElseThrow(() -> new PageProblem(403, "Aucune organisation",
                "Votre compte n'est rattaché à aucune organisation : il ne peut pas déposer de fichier.",
                "Demandez à l'administrateur de votre organisation de vous y rattacher."));
    }

    /** An upload as its page shows it. */
    public record UploadPage(String uploadId, String dataset, String filename, String status, boolean done,
                             boolean rejected, String validity, String summary, List<StageLine> stages,
                             String received, List<TargetStatus> portals, boolean publisher, boolean settled) {

        /** How long after its last stage the page keeps asking for the portals' pushes. */
        static final java.time.Duration PORTALS_FOLLOWED = java.time.Duration.ofMinutes(5);

        static UploadPage of(Api.Upload upload) {
            return of(upload, List.of(), false, java.time.Instant.now());
        }

        static UploadPage of(Api.Upload upload, List<TargetStatus> portals, boolean publisher, java.time.Instant now) {
            List<StageLine> stages = upload.stages() == null ? List.of() : upload.stages().stream()
                    .map(stage -> new StageLine(Labels.stage(stage.stage()), "ok".equals(stage.outcome()),
                            stage.detail(), Labels.when(stage.at())))
                    .toList();
            return new UploadPage(upload.uploadId(), upload.dataset(), upload.filename(), Labels.uploadStatus(upload.status()),
                    Labels.isFinal(upload.status()),
                    REFUSALS.contains(upload.status()),
                    Labels.percent(upload.validityPercent()), upload.summary(), stages, Labels.when(upload.receivedAt()),
                    portals, publisher, settled(upload, portals, now));
        }

        /** Done, and no portal push to wait for any more: the page stops asking. */
        static boolean settled(Api.Upload upload, List<TargetStatus> portals, java.time.Instant now) {
            if (!Labels.isFinal(upload.status())) {
                return false;
            }
            java.time.Instant last = upload.stages() == null ? null : upload.stages().stream().map(Api.Stage::at)
                    .filter(java.util.Objects::nonNull).max(java.time.Instant::compareTo).orElse(null);
            boolean recent = last != null && last.plus(PORTALS_FOLLOWED).isAfter(now);
            return portals.stream().noneMatch(TargetStatus::sending)
                    && !(recent && portals.stream().anyMatch(portal -> "attente".equals(portal.state())));
        }
    }

    /** The endings that are no success: the page shows them as errors. */
    private static final java.util.Set<String> REFUSALS = java.util.Set.of("REJECTED", "BLOCKED", "REFUSED", "FAILED");

    public record StageLine(String label, boolean ok, String detail, String when) {
    }
}
