package fr.passerelle.quality.engine.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Common French first names, from the resource {@code prenoms.txt} (a few hundred: a small, fixed set). */
final class FirstNames {

    private static final Set<String> NAMES = load();

    private FirstNames() {
    }

    /** True for a common first name, whatever its case and accents; "Jean-Pierre" counts by its first half. */
    static boolean isFirstName(String word) {
        String folded = FoldedText.fold(word);
        if (NAMES.contains(folded)) {
            return true;
        }
        int dash = folded.indexOf('-');
        return dash > 0 && NAMES.contains(folded.substring(0, dash));
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = FirstNames.class.getResourceAsStream("prenoms.txt")) {
            if (in == null) {
                throw new IllegalStateException("prenoms.txt missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(FoldedText.fold(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
