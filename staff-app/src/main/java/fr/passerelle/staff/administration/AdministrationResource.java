package fr.passerelle.staff.administration;

import fr.passerelle.staff.dataset.DatasetPages;
import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.IngestApi;
import fr.passerelle.staff.services.QualityApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.Labels;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Administration (admin role): the organisation's machine and people's tokens, its audit log, its own
 * schemas. Anyone else gets a French « accès réservé » page.
 */
@Path("/administration")
@Produces(MediaType.TEXT_HTML)
public class AdministrationResource {

    static final int AUDIT_PAGE = 30;
    static final long MAX_SCHEMA_BYTES = 1024 * 1024;
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z0-9]+([-_.][a-z0-9]+)*");
    private static final Pattern TOKEN_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance administration(AdministrationPage page);

        static native TemplateInstance nouveauJeton(Api.NewToken token, String roles, String expires);
    }

    public record AdministrationPage(String organization, List<TokenLine> tokens, TokenForm tokenForm, String formKey,
                                     List<AuditLine> audit, String nextAuditPage, boolean olderPage,
                                     List<SchemaLine> schemas, boolean publisher, Map<String, String> schemaErrors,
                                     String notice) {
    }

    public record SchemaLine(String name, String title, String version, Integer fieldCount, String updated) {
    }

    @Inject
    Person person;

    @Inject
    FreshTokens fresh;

    @Inject
    @RestClient
    IngestApi ingest;

    @Inject
    @RestClient
    QualityApi quality;

    @GET
    public TemplateInstance page(@QueryParam("avant") String before, @QueryParam("fait") String done) {
        String notice = switch (done == null ? "" : done) {
            case "revoque" -> "Le jeton est révoqué : il est refusé partout dans les secondes qui suivent.";
            case "schema-ajoute" -> "Le schéma est ajouté : il est proposé au dépôt des fichiers.";
            case "schema-supprime" -> "Le schéma est supprimé, avec toutes ses versions.";
            default -> null;
        };
        return Templates.administration(page(TokenForm.empty(), before, Map.of(), notice));
    }

    @POST
    @Path("jetons")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(@RestForm String subject, @RestForm String kind, @RestForm("roles") List<String> roles,
                          @RestForm String validityDays, @RestForm String formKey) {
        String organization = requireAdmin();
        TokenForm form = TokenForm.of(subject, kind, roles, validityDays);
        if (!form.valid()) {
            return refused(form, Map.of());
        }
        String key = person.subject() + "/" + (formKey == null || formKey.isBlank() ? UUID.randomUUID() : formKey.strip());
        String bearer = person.bearer();
        ServiceCalls.Refusal[] refusal = new ServiceCalls.Refusal[1];
        try {
            fresh.once(key, () -> {
                var answer = ServiceCalls.submit("ingest", "ce jeton", () -> ingest.issueToken(bearer, organization, form.request()));
                if (answer.refused()) {
                    refusal[0] = answer.refusal();
                    throw new RefusedToken();
                }
                return answer.value();
            });
        } catch (RefusedToken e) {
            return refused(form.refused(refusal[0].code(), refusal[0].message()), Map.of());
        }
        return Response.seeOther(URI.create("/administration/jetons/nouveau?cle="
                + URLEncoder.encode(key.substring(key.lastIndexOf('/') + 1), StandardCharsets.UTF_8))).build();
    }

    /** The token just issued, shown this once. */
    @GET
    @Path("jetons/nouveau")
    public TemplateInstance issued(@QueryParam("cle") String formKey) {
        requireAdmin();
        Api.NewToken token = fresh.takeForDisplay(person.subject() + "/" + (formKey == null ? "" : formKey))
                .orElseThrow(() -> new fr.passerelle.staff.web.PageProblem(410, "Jeton déjà affiché",
                        "Un jeton n'est montré qu'une fois, juste après sa création : celui-ci a déjà été affiché.",
                        "Si vous ne l'avez pas copié, révoquez-le dans la liste des jetons et créez-en un autre."));
        return Templates.nouveauJeton(token, TokenLine.roles(token.roles()), Labels.when(token.expiresAt()));
    }

    @POST
    @Path("jetons/{id}/revoquer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String tokenId) {
        String organization = requireAdmin();
        if (!TOKEN_ID.matcher(tokenId).matches()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        String bearer = person.bearer();
        // Idempotent at ingest: a second click revokes nothing more.
        ServiceCalls.call("ingest", "ce jeton", () -> {
            ingest.revokeToken(bearer, organization, tokenId);
            return null;
        });
        return Response.seeOther(URI.create("/administration?fait=revoque#jetons")).build();
    }

    @POST
    @Path("schemas")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addSchema(@RestForm("fichier") FileUpload file) {
        String organization = requireAdmin();
        requirePublisher();
        Map<String, String> errors = new LinkedHashMap<>();
        String schema = null;
        if (file == null || file.fileName() == null || file.fileName().isBlank() || file.size() == 0) {
            errors.put("fichier", "Choisissez le fichier JSON du schéma (Table Schema).");
        } else if (file.size() > MAX_SCHEMA_BYTES) {
            errors.put("fichier", "Le fichier dépasse 1 Mo : un schéma de données est bien plus petit.");
        } else {
            try {
                schema = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                errors.put("fichier", "Le fichier n'a pas pu être lu : enregistrez-le en UTF-8, puis choisissez-le de nouveau.");
            }
        }
        if (errors.isEmpty()) {
            String bearer = person.bearer();
            String body = schema;
            var answer = ServiceCalls.submit("quality", "ce schéma", () -> {
                quality.createSchema(bearer, organization, body);
                return Boolean.TRUE;
            });
            if (!answer.refused()) {
                return Response.seeOther(URI.create("/administration?fait=schema-ajoute#schemas")).build();
            }
            errors.put("fichier", answer.refusal().message()
                    + (answer.refusal().hint() == null ? "" : " " + answer.refusal().hint()));
        }
        return refused(TokenForm.empty(), errors);
    }

    @POST
    @Path("schemas/{name}/supprimer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteSchema(@PathParam("name") String name) {
        String organization = requireAdmin();
        requirePublisher();
        if (!SCHEMA_NAME.matcher(name).matches()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        String bearer = person.bearer();
        ServiceCalls.optional("quality", "ce schéma", () -> {
            quality.deleteSchema(bearer, organization, name);
            return Boolean.TRUE;
        });
        return Response.seeOther(URI.create("/administration?fait=schema-supprime#schemas")).build();
    }

    private Response refused(TokenForm form, Map<String, String> schemaErrors) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.administration(page(form, null, schemaErrors, null))).build();
    }

    private AdministrationPage page(TokenForm form, String before, Map<String, String> schemaErrors, String notice) {
        String organization = requireAdmin();
        String bearer = person.bearer();
        Instant now = Instant.now();
        List<TokenLine> tokens = ServiceCalls.call("ingest", "les jetons de votre organisation",
                () -> ingest.tokens(bearer, organization)).stream().map(token -> TokenLine.of(token, now)).toList();
        String from = validInstant(before);
        List<Api.AuditEntry> entries = ServiceCalls.call("ingest", "le journal d'audit de votre organisation",
                () -> ingest.audit(bearer, organization, AUDIT_PAGE, from));
        String next = entries.size() == AUDIT_PAGE
                ? "/administration?avant=" + URLEncoder.encode(entries.get(entries.size() - 1).occurredAt().toString(),
                StandardCharsets.UTF_8) + "#journal"
                : null;
        List<SchemaLine> schemas = ServiceCalls.call("quality", "les schémas de votre organisation",
                () -> quality.ownSchemaDetails(bearer, organization)).stream()
                .map(s -> new SchemaLine(s.name(), s.title() == null ? s.name() : s.title(), s.version(), s.fieldCount(),
                        Labels.when(s.updatedAt()))).toList();
        return new AdministrationPage(organization, tokens, form, UUID.randomUUID().toString(),
                entries.stream().map(AuditLine::of).toList(), next, from != null, schemas, person.isPublisher(),
                new LinkedHashMap<>(schemaErrors), notice);
    }

    private static String validInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String requireAdmin() {
        String organization = person.organization().orElse(null);
        if (!person.isAdmin() || organization == null) {
            throw DatasetPages.reserved("L'administration (jetons, journal d'audit, schémas de l'organisation) est"
                    + " réservée aux administrateurs de votre organisation.");
        }
        return organization;
    }

    private void requirePublisher() {
        if (!person.isPublisher()) {
            throw DatasetPages.reserved("Ajouter ou supprimer un schéma de l'organisation est réservé aux publieurs.");
        }
    }

    /** A token request ingest refused: the form comes back with the reason. */
    private static final class RefusedToken extends RuntimeException {
        RefusedToken() {
            super(null, null, false, false);
        }
    }
}
