package fr.passerelle.quality.schema.custom;

import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.ApiError;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import fr.passerelle.quality.schema.Schemas;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An organisation's own Table Schemas, for data that has no national standard. Files are then uploaded with
 * {@code schema=NAME} as for a national schema. Another organisation gets 404 for them, as for a name nobody
 * uses.
 */
@Path("/api/v1/organizations/{org}/schemas")
@Produces(MediaType.APPLICATION_JSON)
public class CustomSchemaResource {

    private static final String TYPES_HINT = "Un schéma Table Schema est un objet JSON avec « name » et une liste"
            + " « fields » de colonnes ({\"name\": \"…\", \"type\": \"string\", \"constraints\": {…}}) ; types : "
            + String.join(", ", CustomSchemaRules.TYPES) + ".";

    private final CustomSchemaStore store;
    private final CustomSchemas changes;
    private final Schemas schemas;

    public CustomSchemaResource(CustomSchemaStore store, CustomSchemas changes, Schemas schemas) {
        this.store = store;
        this.changes = changes;
        this.schemas = schemas;
    }

    /** What a write answers. */
    public record Stored(String organization, String name, int version, String title, int fieldCount) {
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Lister les schémas propres à une organisation (dernière version de chacun)")
    public Uni<List<CustomSchemaSummary>> list(@PathParam("org") String organization) {
        return store.list(Slugs.require(organization, "l'organisation"));
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Path("{name}")
    @Operation(summary = "Le schéma Table Schema propre à l'organisation, dans sa dernière version, tel que déposé")
    public Uni<Response> get(@PathParam("org") String organization, @PathParam("name") String name) {
        String org = Slugs.require(organization, "l'organisation");
        return store.latestJson(org, slug(name)).map(json -> Response.ok(json.orElseThrow(() -> notFound(org, name)),
                MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build());
    }

    @POST
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Déposer un nouveau schéma Table Schema propre à l'organisation (1 Mo au plus) ; son nom"
            + " ne peut pas être celui d'un schéma national")
    public Uni<Response> create(@PathParam("org") String organization, InputStream body) throws IOException {
        String org = Slugs.require(organization, "l'organisation");
        // Read from the buffered body (a method returning Uni gets it whole): no I/O wait on the event loop.
        CustomSchemaRules.Checked checked = checked(body, null);
        refuseNationalName(checked.name());
        return store.count(org).chain(count -> {
            if (count >= CustomSchemaStore.MAX_SCHEMAS_PER_ORGANIZATION) {
                throw new ApiException(409, "too-many-schemas", "L'organisation « " + org + " » a déjà "
                        + CustomSchemaStore.MAX_SCHEMAS_PER_ORGANIZATION + " schémas propres.",
                        "Supprimez un schéma qui ne sert plus, ou déposez une nouvelle version d'un schéma existant.");
            }
            return changes.create(org, checked);
        }).map(created -> {
            if (!created) {
                throw new ApiException(409, "schema-exists", "L'organisation a déjà un schéma « " + checked.name()
                        + " ».", "Pour le modifier, déposez-en une nouvelle version : PUT /api/v1/organizations/" + org
                        + "/schemas/" + checked.name() + ".");
            }
            return Response.created(URI.create("/api/v1/organizations/" + org + "/schemas/" + checked.name()))
                    .entity(stored(org, checked, 1)).build();
        });
    }

    @PUT
    @RolesAllowed(Roles.PUBLISHER)
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Déposer une nouvelle version d'un schéma propre à l'organisation : elle s'applique aux"
            + " fichiers suivants, les versions précédentes sont gardées")
    public Uni<Stored> update(@PathParam("org") String organization, @PathParam("name") String name, InputStream body)
            throws IOException {
        String org = Slugs.require(organization, "l'organisation");
        String slug = slug(name);
        CustomSchemaRules.Checked checked = checked(body, slug);
        return store.latestJson(org, slug).chain(latest -> {
            if (latest.isEmpty()) {
                throw notFound(org, slug);
            }
            return changes.addVersion(org, checked);
        }).map(added -> stored(org, checked, added.orElseThrow(() -> new ApiException(409, "schema-changed",
                "Une autre version du schéma « " + slug + " » a été déposée au même moment.",
                "Consultez le schéma (GET), puis déposez de nouveau votre version."))));
    }

    @DELETE
    @RolesAllowed(Roles.PUBLISHER)
    @Path("{name}")
    @Operation(summary = "Supprimer un schéma propre à l'organisation, avec toutes ses versions")
    public Uni<Response> delete(@PathParam("org") String organization, @PathParam("name") String name) {
        String org = Slugs.require(organization, "l'organisation");
        String slug = slug(name);
        return changes.delete(org, slug).map(deleted -> {
            if (!deleted) {
                throw notFound(org, name);
            }
            return Response.noContent().build();
        });
    }

    private CustomSchemaRules.Checked checked(InputStream body, String expectedName) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(CustomSchemaRules.MAX_BYTES + 1);
        if (bytes.length > CustomSchemaRules.MAX_BYTES) {
            ApiError tooLarge = CustomSchemaRules.TOO_LARGE;
            throw new ApiException(413, tooLarge.code(), tooLarge.message(), tooLarge.hint());
        }
        if (bytes.length == 0) {
            throw ApiException.badRequest("schema-required", "Le corps de la demande est vide.", TYPES_HINT);
        }
        try {
            return CustomSchemaRules.check(bytes, expectedName);
        } catch (CustomSchemaRules.InvalidCustomSchema e) {
            throw ApiException.badRequest("invalid-schema", "Le schéma n'est pas valide : " + e.getMessage() + ".",
                    TYPES_HINT);
        }
    }

    private void refuseNationalName(String name) {
        if (schemas.isNational(name)) {
            throw new ApiException(409, "national-schema-name", "« " + name + " » est le nom d'un schéma national.",
                    "Choisissez un autre nom pour le schéma de l'organisation ; pour des données de ce type,"
                            + " déposez les fichiers avec schema=" + name + ".");
        }
    }

    /** A name that is no slug cannot exist: refused (400) naming the rule, which tells nothing of other organisations. */
    private static String slug(String name) {
        return Slugs.require(name, "schéma");
    }

    private static ApiException notFound(String organization, String name) {
        return ApiException.notFound("unknown-schema", "L'organisation « " + organization
                + " » n'a pas de schéma « " + name + " ».");
    }

    private static Stored stored(String organization, CustomSchemaRules.Checked checked, int version) {
        return new Stored(organization, checked.name(), version, checked.schema().title(),
                checked.schema().fields().size());
    }
}
