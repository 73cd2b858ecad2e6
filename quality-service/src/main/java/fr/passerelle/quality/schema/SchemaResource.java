package fr.passerelle.quality.schema;

import jakarta.annotation.security.PermitAll;
import fr.passerelle.quality.engine.schema.SchemaSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/schemas")
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {

    private final Schemas schemas;

    public SchemaResource(Schemas schemas) {
        this.schemas = schemas;
    }

    @GET
    @PermitAll
    @Operation(summary = "Lister les schémas selon lesquels un fichier peut être contrôlé")
    public List<SchemaSummary> list() {
        return schemas.list();
    }
}
