package fr.passerelle.quality.schema;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The national schemas where they live (never copied into the project): {@code passerelle.shared.dir} set by
 * Surefire from the root pom, else the first {@code shared/schemas} found walking up.
 */
public final class SharedFolder {

    private SharedFolder() {
    }

    public static Path schemas() {
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
}
