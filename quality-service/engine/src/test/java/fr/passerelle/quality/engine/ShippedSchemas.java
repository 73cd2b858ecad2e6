package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The national schemas and their example files as the engine ships them (its resources, see
 * {@link SchemaCatalog#SHIPPED_ROOT}): what the product runs with, with nothing beside the repository. The
 * reference copy in {@code ../shared/schemas} is only compared with it ({@link ShippedSnapshotTest}).
 */
final class ShippedSchemas {

    private static SchemaCatalog catalog;

    private ShippedSchemas() {
    }

    /** The shipped snapshot's folder: tests run from the module's classes folder, not from the jar. */
    static Path schemasDir() {
        URL index = ShippedSchemas.class.getClassLoader().getResource(SchemaCatalog.SHIPPED_ROOT + "index.txt");
        if (index == null) {
            throw new IllegalStateException("No shipped schema snapshot on the classpath");
        }
        try {
            return Path.of(index.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized SchemaCatalog catalog() {
        if (catalog == null) {
            catalog = SchemaCatalog.shipped();
        }
        return catalog;
    }

    static TableSchema schema(String name) {
        return catalog().find(name).orElseThrow(() -> new IllegalStateException("No schema " + name));
    }

    /** Every example CSV published with a shipped national schema ({@code <schema>/examples/*.csv}), sorted. */
    static List<Path> nationalExamples() throws IOException {
        try (Stream<Path> files = Files.walk(schemasDir(), 3)) {
            return files.filter(file -> file.getParent().getFileName().toString().equals("examples"))
                    .filter(file -> file.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
    }

    static Path example(String schemaName, String fileName) {
        return schemasDir().resolve(schemaName).resolve("examples").resolve(fileName);
    }

    /**
     * The reference copy the snapshot was taken from, when this machine has one: the folder in system property
     * {@code passerelle.shared.dir} (set by Surefire from the root pom), else the first {@code shared/schemas}
     * found walking up from the working directory.
     */
    static Optional<Path> referenceCopy() {
        String configured = System.getProperty("passerelle.shared.dir");
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured, "schemas");
            return Files.isDirectory(dir) ? Optional.of(dir.toAbsolutePath().normalize()) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("schemas");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
