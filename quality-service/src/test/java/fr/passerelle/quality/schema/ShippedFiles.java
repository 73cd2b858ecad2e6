package fr.passerelle.quality.schema;

import fr.passerelle.quality.engine.schema.SchemaCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The files of the national schema snapshot shipped inside the engine jar, read from the classpath as the service does. */
public final class ShippedFiles {

    private ShippedFiles() {
    }

    /** @param path relative to the snapshot, e.g. {@code lieux-stationnement/schema.json} */
    public static byte[] read(String path) {
        try (InputStream in = ShippedFiles.class.getClassLoader().getResourceAsStream(SchemaCatalog.SHIPPED_ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("Not in the shipped schema snapshot: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
