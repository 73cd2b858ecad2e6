package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The national schemas and their example files, read where they live (never copied into the
 * project): the directory in system property {@code passerelle.shared.dir} (set by Surefire from
 * the root pom), else the first {@code shared/schemas} found walking up from the working directory.
 */
final class SharedSchemas {

    private static SchemaCatalog catalog;

    private SharedSchemas() {
    }

    static Path schemasDir() {
        String configured = System.getProperty("passerelle.shared.dir");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "schemas"))) {
            return Path.of(configured, "schemas").toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("schemas");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No shared/schemas directory: set -Dpasserelle.shared.dir");
    }

    static synchronized SchemaCatalog catalog() {
        if (catalog == null) {
            try {
                catalog = SchemaCatalog.fromDirectory(schemasDir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return catalog;
    }

    static TableSchema schema(String name) {
        return catalog().find(name).orElseThrow(() -> new IllegalStateException("No schema " + name));
    }

    static Path example(String schemaName, String fileName) {
        return schemasDir().resolve(schemaName).resolve("examples").resolve(fileName);
    }
}
