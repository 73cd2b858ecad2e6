package fr.passerelle.quality.engine.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The national schemas available, read once from a directory laid out as
 * {@code <dir>/<name>/schema.json}. Build a new catalog to pick up schemas added later.
 */
public final class SchemaCatalog {

    /** Folder names, and the only names {@link #find} accepts: no dots, no slashes. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final String SCHEMA_FILE = "schema.json";

    private final Map<String, TableSchema> schemas;
    private final Map<String, String> rejected;

    private SchemaCatalog(Map<String, TableSchema> schemas, Map<String, String> rejected) {
        this.schemas = Collections.unmodifiableMap(schemas);
        this.rejected = Collections.unmodifiableMap(rejected);
    }

    /**
     * Reads every {@code <name>/schema.json} under {@code dir}. A schema that cannot be parsed is
     * left out and listed in {@link #rejectedSchemas()}, so one bad file does not hide the others.
     *
     * @throws IOException when the directory itself cannot be listed
     */
    public static SchemaCatalog fromDirectory(Path dir) throws IOException {
        Map<String, TableSchema> schemas = new TreeMap<>();
        Map<String, String> rejected = new TreeMap<>();
        for (Path schemaFile : schemaFiles(dir)) {
            String name = schemaFile.getParent().getFileName().toString();
            try (InputStream json = Files.newInputStream(schemaFile)) {
                schemas.put(name, TableSchema.parse(json).withName(name));
            } catch (IOException e) {
                rejected.put(name, e.getMessage());
            }
        }
        return new SchemaCatalog(schemas, rejected);
    }

    /**
     * A catalog of schemas already read, e.g. the national ones joined with an organisation's own. A name
     * given twice keeps its first schema, so callers put the schemas that win first.
     */
    public static SchemaCatalog of(Collection<TableSchema> schemas) {
        Map<String, TableSchema> byName = new TreeMap<>();
        for (TableSchema schema : schemas) {
            byName.putIfAbsent(schema.name(), schema);
        }
        return new SchemaCatalog(byName, Map.of());
    }

    private static List<Path> schemaFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path schemaFile = entry.resolve(SCHEMA_FILE);
                if (NAME.matcher(entry.getFileName().toString()).matches() && Files.isRegularFile(schemaFile)) {
                    files.add(schemaFile);
                }
            }
        }
        return files;
    }

    /** The schemas, sorted by name. */
    public List<SchemaSummary> list() {
        return schemas.values().stream()
                .map(schema -> new SchemaSummary(schema.name(), schema.title(), schema.version(), schema.fields().size()))
                .toList();
    }

    /** The schemas themselves, sorted by name. */
    public List<TableSchema> schemas() {
        return List.copyOf(schemas.values());
    }

    /** @param name a catalog name such as {@code irve-statique}; anything else finds nothing */
    public Optional<TableSchema> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(schemas.get(name));
    }

    /** Schemas left out, by name, with the reason (for operators, in English). */
    public Map<String, String> rejectedSchemas() {
        return rejected;
    }
}
