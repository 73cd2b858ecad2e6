package fr.passerelle.ingest.upload;

import java.text.Normalizer;

/**
 * A file name as staff sent it, made safe to be part of an object key: no directories, no control
 * characters, no accents, bounded length, extension kept.
 */
final class SafeFilename {

    private static final int MAX_LENGTH = 120;

    private SafeFilename() {
    }

    static String of(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        name = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return name.isEmpty() ? "fichier" : name;
    }
}
