package fr.passerelle.staff.communes;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The current communes (resources/communes/communes.csv, see its SOURCE.md), searched by name whatever
 * the accents, hyphens or apostrophes a person types (« saint etienne » finds Saint-Étienne), or by INSEE code.
 * In memory: 35 000 lines, about 4 MB.
 */
// Read at boot, not on the first search a person makes.
@io.quarkus.runtime.Startup
@ApplicationScoped
public class Communes {

    private static final String FILE = "/communes/communes.csv";

    private record Indexed(Commune commune, String folded) {
    }

    private final List<Indexed> all;

    public Communes() {
        this(Communes.class.getResourceAsStream(FILE));
    }

    Communes(InputStream csv) {
        if (csv == null) {
            throw new IllegalStateException("the communes list " + FILE + " is missing from the application");
        }
        List<Indexed> read = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            lines.readLine(); // code_insee;nom;departement;population
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(";", -1);
                Commune commune = new Commune(cells[0], cells[1], cells[2], cells[3].isEmpty() ? 0 : Long.parseLong(cells[3]));
                read.add(new Indexed(commune, fold(commune.name())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all = List.copyOf(read);
    }

    /**
     * Up to {@code limit} communes matching {@code query}: the exact name first, then names that start with
     * it, then names with a word that starts with it; the most populated first within each.
     */
    public List<Commune> search(String query, int limit) {
        String folded = fold(query == null ? "" : query);
        if (folded.length() < 2) {
            return List.of();
        }
        if (folded.matches("\\d[0-9ab]\\d{0,3}")) {
            String code = folded.toUpperCase(Locale.ROOT);
            return all.stream().map(Indexed::commune).filter(c -> c.code().startsWith(code)).limit(limit).toList();
        }
        record Match(Commune commune, int rank) {
        }
        List<Match> matches = new ArrayList<>();
        for (Indexed entry : all) {
            int rank = entry.folded().equals(folded) ? 0
                    : entry.folded().startsWith(folded) ? 1
                    : entry.folded().contains(" " + folded) ? 2 : -1;
            if (rank >= 0) {
                matches.add(new Match(entry.commune(), rank));
            }
        }
        return matches.stream()
                .sorted(Comparator.comparingInt(Match::rank)
                        .thenComparing(Comparator.comparingLong((Match m) -> m.commune().population()).reversed()))
                .limit(limit).map(Match::commune).toList();
    }

    public Optional<Commune> byCode(String code) {
        return all.stream().map(Indexed::commune).filter(c -> c.code().equals(code)).findFirst();
    }

    /** Lower case, no accents, hyphens and apostrophes as spaces: how names are compared. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('œ', 'o').replaceAll("[-'’ ]+", " ").strip();
    }
}
