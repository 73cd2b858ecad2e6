package fr.passerelle.quality.schema;

import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.SchemaSummary;
import fr.passerelle.quality.engine.schema.TableSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The Table Schemas files can be checked against, read from a configured folder. */
@ApplicationScoped
public class Schemas {

    private static final Logger LOG = Logger.getLogger(Schemas.class);

    private final SchemaCatalog catalog;

    public Schemas(@ConfigProperty(name = "passerelle.schemas.dir") Path directory) throws IOException {
        Path folder = directory.toAbsolutePath().normalize();
        this.catalog = SchemaCatalog.fromDirectory(folder);
        LOG.infof("Schema catalogue %s: %d schemas", folder, catalog.list().size());
        catalog.rejectedSchemas().forEach((name, reason) ->
                LOG.warnf("Schema %s ignored: %s", name, reason));
    }

    /** The catalogue itself, e.g. for {@code SchemaDetector}. */
    public SchemaCatalog catalog() {
        return catalog;
    }

    public List<SchemaSummary> list() {
        return catalog.list();
    }

    public Optional<TableSchema> find(String name) {
        return name == null ? Optional.empty() : catalog.find(name);
    }

    /** For messages: "a, b, c". */
    public String names() {
        return list().stream().map(SchemaSummary::name).collect(Collectors.joining(", "));
    }
}
