package fr.passerelle.quality.schema.remote;

import fr.passerelle.quality.engine.schema.CatalogueFetch;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Table Schemas of the schema.data.gouv.fr catalogue, fetched over HTTP and kept in a cache folder laid out
 * like the schemas folder ({@code <cache>/<name>/schema.json}), so that a restart without network still has them.
 * Plain Java: the service schedules it and logs what it reports.
 */
public final class RemoteCatalogue {

    /** The real catalogue weighs about a megabyte; a larger answer is not a catalogue. */
    static final int MAX_CATALOGUE_BYTES = 16 * 1024 * 1024;
    /** National schemas weigh tens of kilobytes. */
    static final int MAX_SCHEMA_BYTES = 4 * 1024 * 1024;
    private static final String SCHEMA_FILE = "schema.json";

    private final URI catalogueUrl;
    private final Path cacheDir;
    private final CatalogueFetch fetch;

    public RemoteCatalogue(URI catalogueUrl, Path cacheDir, Duration timeout) {
        this.catalogueUrl = catalogueUrl;
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
        this.fetch = new CatalogueFetch(timeout);
    }

    /**
     * What a refresh did, for the log.
     *
     * @param fetched  the schemas fetched and cached, by name, with their version
     * @param failures the schemas left as they were in the cache, by name, with the reason (English)
     * @param removed  the cached schemas no longer in the catalogue
     */
    public record Refresh(Map<String, String> fetched, Map<String, String> failures, Set<String> removed) {
    }

    /** The schemas cached by earlier refreshes; none when the cache is empty or unreadable. */
    public SchemaCatalog cached() throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return SchemaCatalog.of(List.of());
        }
        return SchemaCatalog.fromDirectory(cacheDir);
    }

    /**
     * Fetches the catalogue, then the latest version of each Table Schema it lists, into the cache. A schema that
     * cannot be fetched or read keeps its cached copy; one the catalogue no longer lists leaves the cache.
     *
     * @throws IOException when the catalogue itself cannot be fetched or read: the cache is left untouched
     */
    public Refresh refresh() throws IOException, InterruptedException {
        List<CatalogueEntry> entries = CatalogueReader.read(fetch(catalogueUrl, MAX_CATALOGUE_BYTES));
        Files.createDirectories(cacheDir);
        Map<String, String> fetched = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (CatalogueEntry entry : entries) {
            try {
                byte[] schema = fetch(entry.schemaUrl(), MAX_SCHEMA_BYTES);
                // Read before it replaces the cached copy: a broken publication must not evict a good schema.
                TableSchema.parse(new ByteArrayInputStream(schema));
                write(entry.name(), schema);
                fetched.put(entry.name(), entry.version());
            } catch (IOException e) {
                failures.put(entry.name(), entry.schemaUrl() + ": " + e.getMessage());
            }
        }
        Set<String> listed = entries.stream().map(CatalogueEntry::name).collect(Collectors.toSet());
        return new Refresh(fetched, failures, removeUnlisted(listed));
    }

    private byte[] fetch(URI url, int maxBytes) throws IOException, InterruptedException {
        return fetch.get(url, maxBytes);
    }

    private void write(String name, byte[] schema) throws IOException {
        Path folder = Files.createDirectories(cacheDir.resolve(name));
        Path temporary = Files.createTempFile(folder, SCHEMA_FILE, ".part");
        try {
            Files.write(temporary, schema);
            Files.move(temporary, folder.resolve(SCHEMA_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Set<String> removeUnlisted(Set<String> listed) throws IOException {
        Set<String> removed = new java.util.TreeSet<>();
        try (Stream<Path> folders = Files.list(cacheDir)) {
            for (Path folder : (Iterable<Path>) folders::iterator) {
                String name = folder.getFileName().toString();
                Path schema = folder.resolve(SCHEMA_FILE);
                if (!listed.contains(name) && Files.isRegularFile(schema)) {
                    Files.delete(schema);
                    try (Stream<Path> rest = Files.list(folder)) {
                        if (rest.findAny().isEmpty()) {
                            Files.delete(folder);
                        }
                    }
                    removed.add(name);
                }
            }
        }
        return removed;
    }
}
