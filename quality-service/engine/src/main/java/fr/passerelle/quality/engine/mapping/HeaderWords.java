package fr.passerelle.quality.engine.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header or field name read as French words: « Nombre de points de charge » and {@code nbre_pdc} are both
 * {nombre, point, charge}. Articles and prepositions are dropped, abbreviations spelt out
 * ({@code header-abbreviations.txt}), plurals made singular, camelCase split, and what is in parentheses —
 * a unit or a format, « Puissance (kW) », « Date MAJ (jj/mm/aaaa) » — kept apart as a hint.
 *
 * @param words the meaningful words, in order, without repeats
 * @param hints the words found in parentheses
 */
public record HeaderWords(List<String> words, List<String> hints) {

    /** French fillers that carry no meaning in a column name (l' and d' are split off as l and d). */
    private static final Set<String> FILLERS = Set.of("de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux",
            "en", "et", "n", "un", "une", "pour", "par", "sur", "dans", "avec");
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^)]*)\\)");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll}{2})(?=\\p{Lu})");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, List<String>> ABBREVIATIONS = loadAbbreviations();

    public HeaderWords {
        words = List.copyOf(words);
        hints = List.copyOf(hints);
    }

    public static HeaderWords of(String label) {
        if (label == null || label.isBlank()) {
            return new HeaderWords(List.of(), List.of());
        }
        List<String> hints = new ArrayList<>();
        Matcher parentheses = PARENTHESES.matcher(label);
        while (parentheses.find()) {
            hints.addAll(split(parentheses.group(1), false));
        }
        return new HeaderWords(split(PARENTHESES.matcher(label).replaceAll(" "), true), hints);
    }

    /** The words as one key, like {@link LooseKey}: "adressestation". */
    public String key() {
        return String.join("", words);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    private static List<String> split(String text, boolean meaningfulOnly) {
        String spaced = CAMEL.matcher(text.replace('°', ' ').replace('’', ' ').replace('\'', ' ')).replaceAll(" ");
        String plain = MARKS.matcher(Normalizer.normalize(spaced, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        Set<String> words = new LinkedHashSet<>();
        for (String word : NOT_WORD.split(plain)) {
            if (word.isEmpty() || meaningfulOnly && FILLERS.contains(word)) {
                continue;
            }
            for (String spelt : ABBREVIATIONS.getOrDefault(word, List.of(word))) {
                words.add(singular(spelt));
            }
        }
        return List.copyOf(words);
    }

    /** Points → point, coordonnées → coordonnee; short words (bus, gps) and digits stay as they are. */
    private static String singular(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !Character.isDigit(word.charAt(0))
                ? word.substring(0, word.length() - 1) : word;
    }

    private static Map<String, List<String>> loadAbbreviations() {
        Map<String, List<String>> abbreviations = new HashMap<>();
        try (InputStream in = HeaderWords.class.getResourceAsStream("header-abbreviations.txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource header-abbreviations.txt");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("=", 2);
                if (parts.length != 2) {
                    throw new IllegalStateException("header-abbreviations.txt: expected 'abbreviation = words': " + text);
                }
                abbreviations.put(parts[0].strip(), Arrays.asList(parts[1].strip().split("\\s+")));
            }
            return Map.copyOf(abbreviations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
