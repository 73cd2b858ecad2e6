package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * The national schemas available: the snapshot shipped inside the engine ({@link #shipped()}), or a directory laid
 * out as {@code <dir>/<name>/schema.json}. Table Schemas are checked and detected; GeoJSON schemas (a JSON Schema
 * over a FeatureCollection) are held beside them and listed. Build a new catalog to pick up schemas added later.
 */
public final class SchemaCatalog {

    /** Folder names, and the only names {@link #find} accepts: no dots, no slashes. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final String SCHEMA_FILE = "schema.json";
    /**
     * The shipped snapshot on the classpath: {@code index.txt} lists the schema folders, one name a line (a jar
     * cannot be listed), each holding schema.json, SOURCE.txt and its official examples.
     */
    public static final String SHIPPED_ROOT = "fr/passerelle/quality/engine/schemas/";

    private final Map<String, TableSchema> schemas;
    private final Map<String, GeoJsonSchema> geoJsonSchemas;
    private final Map<String, String> rejected;

    private SchemaCatalog(Map<String, TableSchema> schemas, Map<String, GeoJsonSchema> geoJsonSchemas,
                          Map<String, String> rejected) {
        this.schemas = Collections.unmodifiableMap(schemas);
        this.geoJsonSchemas = Collections.unmodifiableMap(geoJsonSchemas);
        this.rejected = Collections.unmodifiableMap(rejected);
    }

    /**
     * The national schemas shipped with the engine (see {@code schemas/README.md} in its resources), read from the
     * classpath: no file beside the jar is needed.
     */
    public static SchemaCatalog shipped() {
        ClassLoader loader = SchemaCatalog.class.getClassLoader();
        Builder builder = new Builder();
        try {
            for (String name : shippedNames(loader)) {
                try (InputStream json = loader.getResourceAsStream(SHIPPED_ROOT + name + "/" + SCHEMA_FILE)) {
                    if (json == null) {
                        builder.rejected.put(name, "listed in index.txt but has no schema.json");
                    } else {
                        builder.add(name, json);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped schema snapshot cannot be read", e);
        }
        return builder.build();
    }

    /** The names listed in the shipped snapshot's index, in its order. */
    public static List<String> shippedNames() {
        try {
            return shippedNames(SchemaCatalog.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> shippedNames(ClassLoader loader) throws IOException {
        try (InputStream index = loader.getResourceAsStream(SHIPPED_ROOT + "index.txt")) {
            if (index == null) {
                throw new IOException("No " + SHIPPED_ROOT + "index.txt on the classpath");
            }
            List<String> names = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                if (NAME.matcher(name).matches()) {
                    names.add(name);
                }
            }
            return names;
        }
    }

    /**
     * Reads every {@code <name>/schema.json} under {@code dir}. A schema that cannot be parsed is
     * left out and listed in {@link #rejectedSchemas()}, so one bad file does not hide the others.
     *
     * @throws IOException when the directory itself cannot be listed
     */
    public static SchemaCatalog fromDirectory(Path dir) throws IOException {
        Builder builder = new Builder();
        for (Path schemaFile : schemaFiles(dir)) {
            String name = schemaFile.getParent().getFileName().toString();
            try (InputStream json = Files.newInputStream(schemaFile)) {
                builder.add(name, json);
            }
        }
        return builder.build();
    }

    /**
     * Only the schema named {@code name} of {@link #fromDirectory(Path)} (a Table Schema or a GeoJSON one): checking a
     * file against one schema needs not read the others, a tenth of a second at the command line's start. Empty when
     * {@code name} is no catalog name or {@code dir} has no {@code name/schema.json}; a schema that cannot be parsed is
     * in {@link #rejectedSchemas()}, as there.
     */
    public static Optional<SchemaCatalog> fromDirectory(Path dir, String name) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path schemaFile = dir.resolve(name).resolve(SCHEMA_FILE);
        if (!Files.isRegularFile(schemaFile)) {
            return Optional.empty();
        }
        Builder builder = new Builder();
        try (InputStream json = Files.newInputStream(schemaFile)) {
            builder.add(name, json);
        }
        return Optional.of(builder.build());
    }

    /** Only the shipped schema named {@code name} ({@link #shipped()}); empty when none is. */
    public static Optional<SchemaCatalog> shipped(String name) {
        ClassLoader loader = SchemaCatalog.class.getClassLoader();
        try {
            if (name == null || !shippedNames(loader).contains(name)) {
                return Optional.empty();
            }
            try (InputStream json = loader.getResourceAsStream(SHIPPED_ROOT + name + "/" + SCHEMA_FILE)) {
                if (json == null) {
                    return Optional.empty();
                }
                Builder builder = new Builder();
                builder.add(name, json);
                return Optional.of(builder.build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped schema snapshot cannot be read", e);
        }
    }

    /**
     * A catalog of schemas already read, e.g. the national ones joined with an organisation's own. A name
     * given twice keeps its first schema, so callers put the schemas that win first.
     */
    public static SchemaCatalog of(Collection<TableSchema> schemas) {
        return of(schemas, List.of());
    }

    /** Table Schemas and GeoJSON schemas already read; a name taken by a Table Schema is not taken again. */
    public static SchemaCatalog of(Collection<TableSchema> schemas, Collection<GeoJsonSchema> geoJsonSchemas) {
        Map<String, TableSchema> byName = new TreeMap<>();
        for (TableSchema schema : schemas) {
            byName.putIfAbsent(schema.name(), schema);
        }
        Map<String, GeoJsonSchema> geoJson = new TreeMap<>();
        for (GeoJsonSchema schema : geoJsonSchemas) {
            if (!byName.containsKey(schema.name())) {
                geoJson.putIfAbsent(schema.name(), schema);
            }
        }
        return new SchemaCatalog(byName, geoJson, Map.of());
    }

    /** This catalog's schemas first, then those of {@code other} whose names are not taken. */
    public SchemaCatalog joinedWith(SchemaCatalog other) {
        Map<String, TableSchema> tables = new TreeMap<>(schemas);
        Map<String, GeoJsonSchema> geoJson = new TreeMap<>(geoJsonSchemas);
        other.schemas.forEach((name, schema) -> {
            if (!tables.containsKey(name) && !geoJson.containsKey(name)) {
                tables.put(name, schema);
            }
        });
        other.geoJsonSchemas.forEach((name, schema) -> {
            if (!tables.containsKey(name) && !geoJson.containsKey(name)) {
                geoJson.put(name, schema);
            }
        });
        Map<String, String> rejections = new TreeMap<>(other.rejected);
        rejections.putAll(rejected);
        return new SchemaCatalog(tables, geoJson, rejections);
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

    /** Every schema, Table Schemas and GeoJSON ones, sorted by name. */
    public List<SchemaSummary> list() {
        Map<String, SchemaSummary> all = new TreeMap<>();
        schemas.values().forEach(schema -> all.put(schema.name(),
                new SchemaSummary(schema.name(), schema.title(), schema.version(), schema.fields().size())));
        geoJsonSchemas.values().forEach(schema -> all.put(schema.name(), schema.summary()));
        return List.copyOf(all.values());
    }

    /** The Table Schemas themselves, sorted by name. */
    public List<TableSchema> schemas() {
        return List.copyOf(schemas.values());
    }

    /** The GeoJSON schemas, sorted by name. */
    public List<GeoJsonSchema> geoJsonSchemas() {
        return List.copyOf(geoJsonSchemas.values());
    }

    /** @param name a catalog name such as {@code irve-statique}; anything else finds nothing */
    public Optional<TableSchema> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(schemas.get(name));
    }

    /** A GeoJSON schema such as {@code amenagements-cyclables}; a Table Schema's name finds nothing here. */
    public Optional<GeoJsonSchema> findGeoJson(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(geoJsonSchemas.get(name));
    }

    /** Schemas left out, by name, with the reason (for operators, in English). */
    public Map<String, String> rejectedSchemas() {
        return rejected;
    }

    /** Sorts each schema.json into its kind; a file of no known kind is rejected with the reason. */
    private static final class Builder {
        private final Map<String, TableSchema> schemas = new TreeMap<>();
        private final Map<String, GeoJsonSchema> geoJson = new TreeMap<>();
        private final Map<String, String> rejected = new TreeMap<>();

        void add(String name, InputStream json) {
            try {
                JsonNode root = TableSchemaReader.tree(json);
                Optional<GeoJsonSchema> geo = root != null && root.isObject() && !root.has("fields")
                        ? GeoJsonSchema.of(name, root) : Optional.empty();
                if (geo.isPresent()) {
                    geoJson.put(name, geo.get());
                } else {
                    schemas.put(name, TableSchemaReader.read(root).withName(name));
                }
            } catch (IOException e) {
                rejected.put(name, e.getMessage());
            }
        }

        SchemaCatalog build() {
            return new SchemaCatalog(schemas, geoJson, rejected);
        }
    }
}
