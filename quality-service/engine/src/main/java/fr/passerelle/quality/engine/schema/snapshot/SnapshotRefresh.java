package fr.passerelle.quality.engine.schema.snapshot;

import fr.passerelle.quality.engine.schema.CatalogueFetch;
import fr.passerelle.quality.engine.schema.CatalogueVersions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.schema.CatalogueNames;
import fr.passerelle.quality.engine.schema.SchemaCatalog;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refreshes the schema snapshot shipped in the engine's resources from the schema.data.gouv.fr catalogue, for a
 * release: {@code ./passerelle schemas refresh [CATALOGUE_URL]}. For each schema of the snapshot's index, the latest
 * version the catalogue lists replaces {@code schema.json} when it reads as a schema of the same kind, and a line is
 * added to its SOURCE.txt. Schemas the catalogue does not list (catalogue-donnees, inclusion-numerique) and the
 * example files (taken from each schema's own repository) are left as they are. Run it, read its report, run the
 * tests (ShippedSnapshotTest then says what differs from the reference copy), commit.
 *
 * <p>Arguments: {@code [--catalogue URL] [--dir SNAPSHOT_FOLDER]}. Exit 0 when the catalogue was read, 1 when it
 * could not be (nothing is changed then), 2 on a usage error.
 */
public final class SnapshotRefresh {

    public static final URI DEFAULT_CATALOGUE = URI.create("https://schema.data.gouv.fr/schemas/schemas.json");
    public static final Path DEFAULT_DIR = Path.of("quality-service/engine/src/main/resources")
            .resolve(SchemaCatalog.SHIPPED_ROOT);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    /** What became of one schema of the snapshot. */
    public enum Outcome { UPDATED, UNCHANGED, KEPT }

    /** One line of the report. */
    public record Result(String name, Outcome outcome, String detail) {
    }

    private final CatalogueFetch fetch;

    public SnapshotRefresh(Duration timeout) {
        this.fetch = new CatalogueFetch(timeout);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        URI catalogue = DEFAULT_CATALOGUE;
        Path dir = DEFAULT_DIR;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--catalogue") && i + 1 < args.length) {
                catalogue = URI.create(args[++i]);
            } else if (args[i].equals("--dir") && i + 1 < args.length) {
                dir = Path.of(args[++i]);
            } else {
                err.println("usage: SnapshotRefresh [--catalogue URL] [--dir SNAPSHOT_FOLDER]; unknown: " + args[i]);
                return 2;
            }
        }
        if (!Files.isRegularFile(dir.resolve("index.txt"))) {
            err.println("No snapshot index at " + dir.resolve("index.txt") + ": run from the repository's root, or --dir");
            return 2;
        }
        try {
            List<Result> results = new SnapshotRefresh(Duration.ofSeconds(20)).refresh(catalogue, dir);
            results.forEach(result -> out.printf("%-24s %-9s %s%n", result.name(), result.outcome(), result.detail()));
            out.printf("%d updated, %d unchanged, %d kept as they were. Run the tests, then commit.%n",
                    count(results, Outcome.UPDATED), count(results, Outcome.UNCHANGED), count(results, Outcome.KEPT));
            return 0;
        } catch (IOException e) {
            err.println("The catalogue " + catalogue + " could not be read, nothing changed: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static long count(List<Result> results, Outcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }

    /**
     * @throws IOException when the catalogue cannot be fetched or is not one: the snapshot is left untouched
     */
    public List<Result> refresh(URI catalogueUrl, Path dir) throws IOException, InterruptedException {
        Map<String, JsonNode> entries = entries(fetch(catalogueUrl));
        List<Result> results = new ArrayList<>();
        for (String name : Files.readAllLines(dir.resolve("index.txt"), StandardCharsets.UTF_8)) {
            name = name.strip();
            if (!name.isEmpty()) {
                results.add(refreshOne(name, entries.get(name), dir));
            }
        }
        return results;
    }

    private Result refreshOne(String name, JsonNode entry, Path dir) throws InterruptedException {
        if (entry == null) {
            return new Result(name, Outcome.KEPT, "not in the catalogue");
        }
        Optional<JsonNode> latest = CatalogueVersions.latest(entry.path("versions"));
        String version = latest.map(v -> v.path("version_name").asText()).orElse("latest");
        String url = latest.map(v -> v.path("schema_url").asText()).orElse(entry.path("schema_url").asText());
        try {
            byte[] schema = fetch(URI.create(url));
            Path current = dir.resolve(name).resolve("schema.json");
            if (Arrays.equals(schema, Files.readAllBytes(current))) {
                return new Result(name, Outcome.UNCHANGED, version + " " + url);
            }
            String problem = problem(name, schema, current);
            if (problem != null) {
                return new Result(name, Outcome.KEPT, url + ": " + problem);
            }
            Path temporary = Files.createTempFile(current.getParent(), "schema.json", ".part");
            Files.write(temporary, schema);
            Files.move(temporary, current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve(name).resolve("SOURCE.txt"), "refreshed: " + LocalDate.now() + " from " + url
                    + " (catalogue version " + version + "); examples unchanged\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new Result(name, Outcome.UPDATED, version + " " + url);
        } catch (IOException | IllegalArgumentException e) {
            return new Result(name, Outcome.KEPT, url + ": " + e.getMessage());
        }
    }

    /** Why the fetched schema cannot replace the current one (unreadable, or of another kind); null when it can. */
    private static String problem(String name, byte[] fetched, Path current) throws IOException {
        Path trial = Files.createTempDirectory("schema-refresh");
        try {
            Files.createDirectories(trial.resolve(name));
            Files.write(trial.resolve(name).resolve("schema.json"), fetched);
            SchemaCatalog fresh = SchemaCatalog.fromDirectory(trial);
            if (!fresh.rejectedSchemas().isEmpty()) {
                return "not a usable schema (" + fresh.rejectedSchemas().get(name) + ")";
            }
            SchemaCatalog old = SchemaCatalog.fromDirectory(current.getParent().getParent());
            boolean wasGeoJson = old.findGeoJson(name).isPresent();
            if (wasGeoJson != fresh.findGeoJson(name).isPresent()) {
                return "not the same kind of schema as the shipped one";
            }
            return null;
        } finally {
            try (var files = Files.walk(trial)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The catalogue's entries by snapshot name: "etalab/schema-irve-statique" is irve-statique. */
    private static Map<String, JsonNode> entries(byte[] catalogue) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(catalogue);
        } catch (IOException e) {
            throw new IOException("not JSON", e);
        }
        JsonNode schemas = root == null ? null : root.path("schemas");
        if (schemas == null || !schemas.isArray()) {
            throw new IOException("not a schema catalogue: no \"schemas\" array");
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (JsonNode schema : schemas) {
            entries.putIfAbsent(CatalogueNames.registryName(schema.path("name").asText("")), schema);
        }
        return entries;
    }

    private byte[] fetch(URI url) throws IOException, InterruptedException {
        return fetch.get(url, MAX_BYTES);
    }
}
