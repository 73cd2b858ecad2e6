package fr.passerelle.quality.schema;

import fr.passerelle.quality.engine.schema.GeoJsonSchema;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.SchemaSummary;
import fr.passerelle.quality.engine.schema.TableSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The registry of schemas files can be checked against: the national schemas shipped with the engine (a snapshot of
 * schema.data.gouv.fr, see the engine's README), replaced by those of the schema.data.gouv.fr catalogue once it has
 * been fetched, an optional extra folder ({@code passerelle.schemas.dir}, which wins on a shared name), and each
 * organisation's own schemas, visible to that organisation only. National names are reserved, so a name never means
 * two schemas for one organisation.
 */
@ApplicationScoped
public class Schemas {

    private static final Logger LOG = Logger.getLogger(Schemas.class);

    private final SchemaCatalog extra;
    private final SchemaCatalog shipped;
    private final OrganisationSchemas custom;
    /** Extra folder first, then the catalogue's, then the shipped snapshot: replaced whole at each catalogue refresh. */
    private volatile SchemaCatalog national;

    /**
     * The registry of the service: national schemas only. An organisation's own are read reactively (their
     * repository) before a check, and given to the copy {@link #forOrganisation} makes for that check: a check runs on
     * a worker thread, where no reactive session is.
     */
    @Inject
    public Schemas(@ConfigProperty(name = "passerelle.schemas.dir") Optional<Path> extraDirectory) throws IOException {
        this(extraDirectory.isPresent() ? readFolder(extraDirectory.get()) : SchemaCatalog.of(List.of()),
                SchemaCatalog.shipped(), NOT_READ);
    }

    /** An organisation's schemas asked of the service's registry: a bug (read them first), never "it has none". */
    private static final OrganisationSchemas NOT_READ = organization -> {
        if (organization == null || organization.isBlank()) {
            return List.of();
        }
        throw new IllegalStateException("The schemas of " + organization + " were not read before the check:"
                + " Schemas.forOrganisation");
    };

    /** A copy for one check: the national schemas as they are now, and {@code organization}'s own, already read. */
    public Schemas forOrganisation(String organization, List<TableSchema> own) {
        return new Schemas(extra, shipped, national,
                asked -> asked != null && asked.equals(organization) ? own : List.of());
    }

    private Schemas(SchemaCatalog extra, SchemaCatalog shipped, SchemaCatalog national, OrganisationSchemas custom) {
        this.extra = extra;
        this.shipped = shipped;
        this.national = national;
        this.custom = custom;
    }

    /** For tests and tools: the shipped snapshot only. */
    public Schemas(OrganisationSchemas custom) {
        this(SchemaCatalog.of(List.of()), SchemaCatalog.shipped(), custom);
    }

    /** For tests and tools: an extra folder's catalogue already read, and the snapshot it comes before. */
    public Schemas(SchemaCatalog extra, SchemaCatalog shipped, OrganisationSchemas custom) {
        this.extra = extra;
        this.shipped = shipped;
        SchemaCatalog base = extra.joinedWith(shipped);
        this.custom = custom;
        this.national = base;
        LOG.infof("Schema registry: %d national schemas (%d shipped, %d from the extra folder)", base.list().size(),
                shipped.list().size(), extra.list().size());
        base.rejectedSchemas().forEach((name, reason) -> LOG.warnf("Schema %s ignored: %s", name, reason));
    }

    private static SchemaCatalog readFolder(Path directory) throws IOException {
        Path folder = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            // An optional extra: the national schemas ship in the engine jar and serve without it.
            LOG.warnf("Extra schema folder %s does not exist: the shipped national schemas serve alone", folder);
            return SchemaCatalog.of(List.of());
        }
        SchemaCatalog catalog = SchemaCatalog.fromDirectory(folder);
        LOG.infof("Extra schema folder %s: %d schemas", folder, catalog.list().size());
        return catalog;
    }

    /** The schemas of the national catalogue replace the shipped ones of the same name; the extra folder's stay. */
    public void useCatalogueSchemas(Collection<TableSchema> catalogue) {
        national = extra.joinedWith(SchemaCatalog.of(catalogue)).joinedWith(shipped);
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
        return national.find(name).isPresent() || national.findGeoJson(name).isPresent();
    }

    /** A national GeoJSON schema (e.g. amenagements-cyclables): known and listed, its files not checked yet. */
    public Optional<GeoJsonSchema> findGeoJson(String name) {
        return national.findGeoJson(name);
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
