package fr.passerelle.quality.schema;

import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.SchemaSummary;
import fr.passerelle.quality.engine.schema.TableSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The registry of Table Schemas files can be checked against: the national schemas of the configured folder,
 * those of the schema.data.gouv.fr catalogue (the folder wins when a name is in both), and each organisation's
 * own schemas, visible to that organisation only. National names are reserved, so a name never means two
 * schemas for one organisation.
 */
@ApplicationScoped
public class Schemas {

    private static final Logger LOG = Logger.getLogger(Schemas.class);

    private final SchemaCatalog folder;
    private final OrganisationSchemas custom;
    /** Folder first, then the catalogue's: replaced whole at each catalogue refresh. */
    private volatile SchemaCatalog national;

    @Inject
    public Schemas(@ConfigProperty(name = "passerelle.schemas.dir") Path directory, OrganisationSchemas custom)
            throws IOException {
        this(readFolder(directory), custom);
    }

    /** For tests and tools: a folder catalogue already read. */
    public Schemas(SchemaCatalog folder, OrganisationSchemas custom) {
        this.folder = folder;
        this.custom = custom;
        this.national = folder;
    }

    private static SchemaCatalog readFolder(Path directory) throws IOException {
        Path folder = directory.toAbsolutePath().normalize();
        SchemaCatalog catalog = SchemaCatalog.fromDirectory(folder);
        LOG.infof("Schema folder %s: %d schemas", folder, catalog.list().size());
        catalog.rejectedSchemas().forEach((name, reason) -> LOG.warnf("Schema %s ignored: %s", name, reason));
        return catalog;
    }

    /** Adds (or replaces) the schemas of the national catalogue; the folder's keep their names. */
    public void useCatalogueSchemas(Collection<TableSchema> catalogue) {
        List<TableSchema> all = new ArrayList<>(folder.schemas());
        all.addAll(catalogue);
        national = SchemaCatalog.of(all);
    }

    /** The national schemas, e.g. for {@code SchemaDetector} when no organisation is known. */
    public SchemaCatalog catalog() {
        return national;
    }

    /** The national schemas and the organisation's own, for schema detection. */
    public SchemaCatalog catalog(String organization) {
        SchemaCatalog nationalNow = national;
        List<TableSchema> own = ownSchemas(organization);
        if (own.isEmpty()) {
            return nationalNow;
        }
        List<TableSchema> all = new ArrayList<>(nationalNow.schemas());
        all.addAll(own);
        return SchemaCatalog.of(all);
    }

    /** The national schemas. */
    public List<SchemaSummary> list() {
        return national.list();
    }

    public boolean isNational(String name) {
        return national.find(name).isPresent();
    }

    /** A national schema. */
    public Optional<TableSchema> find(String name) {
        return name == null ? Optional.empty() : national.find(name);
    }

    /** A national schema, else one of the organisation's own; another organisation's schema is never found. */
    public Optional<TableSchema> find(String organization, String name) {
        Optional<TableSchema> found = find(name);
        if (found.isPresent() || name == null) {
            return found;
        }
        return ownSchemas(organization).stream().filter(schema -> name.equals(schema.name())).findFirst();
    }

    /** For messages: "a, b, c", the national schemas. */
    public String names() {
        return names(null);
    }

    /** For messages: "a, b, c", the national schemas then the organisation's own. */
    public String names(String organization) {
        return catalog(organization).list().stream().map(SchemaSummary::name).collect(Collectors.joining(", "));
    }

    private List<TableSchema> ownSchemas(String organization) {
        return organization == null || organization.isBlank() ? List.of() : custom.latest(organization);
    }
}
