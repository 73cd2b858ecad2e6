package fr.passerelle.quality.engine.mapping;

import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Decides which file column feeds which schema field, level by level, from the surest to the least
 * sure: the caller's mapping, the exact name, the name but for case, accents and punctuation, the
 * field's title, the same French words (articles dropped, abbreviations spelt out, see {@link HeaderWords}),
 * a known synonym, then a close spelling. A level only uses the columns and fields
 * the levels above left, so a column feeds at most one field and a field is fed by at most one column.
 *
 * <pre>{@code
 * HeaderMatch match = ColumnMatcher.match(List.of("Lat", "Lon", "Nom"), schema, ColumnOverrides.none());
 * }</pre>
 */
public final class ColumnMatcher {

    /**
     * The least similarity (1 − Levenshtein distance / longer length, on loose keys) for a close spelling
     * to count: one typo in five letters. "lattitude" → "latitude" scores 0.89; unrelated names of the
     * national schemas score below 0.7.
     */
    public static final double FUZZY_MIN_SIMILARITY = 0.8;
    /** Shorter keys are never matched by spelling: "x" and "id" differ from everything by one letter. */
    static final int FUZZY_MIN_LENGTH = 4;
    /** Longer labels are sentences, not misspelt names; the bound also keeps the work per header small. */
    static final int FUZZY_MAX_LENGTH = 60;

    private final List<String> labels;
    private final List<Field> fields;
    private final ColumnOverrides overrides;
    private final ColumnSynonyms synonyms;
    private final int[] fieldOfColumn;
    private final MatchKind[] kindOfColumn;
    private final Double[] scoreOfColumn;
    private final boolean[] eligible;
    private final boolean[] fieldTaken;
    private final String[] labelKeys;
    private final String[] nameKeys;
    private final String[] titleKeys;
    private final HeaderWords[] labelWords;
    private final HeaderWords[] nameWords;
    private final HeaderWords[] titleWords;
    private final Set<String>[] describingWords;

    private ColumnMatcher(List<String> labels, TableSchema schema, ColumnOverrides overrides, ColumnSynonyms synonyms) {
        this.labels = labels;
        this.fields = schema.fields();
        this.overrides = overrides;
        this.synonyms = synonyms;
        int width = labels.size();
        this.fieldOfColumn = new int[width];
        this.kindOfColumn = new MatchKind[width];
        this.scoreOfColumn = new Double[width];
        this.eligible = new boolean[width];
        this.fieldTaken = new boolean[fields.size()];
        this.labelKeys = new String[width];
        this.nameKeys = fields.stream().map(field -> LooseKey.of(field.name())).toArray(String[]::new);
        this.titleKeys = fields.stream().map(field -> field.title() == null ? "" : LooseKey.of(field.title()))
                .toArray(String[]::new);
        this.labelWords = labels.stream().map(HeaderWords::of).toArray(HeaderWords[]::new);
        this.nameWords = fields.stream().map(field -> HeaderWords.of(field.name())).toArray(HeaderWords[]::new);
        this.titleWords = fields.stream().map(field -> HeaderWords.of(field.title())).toArray(HeaderWords[]::new);
        @SuppressWarnings("unchecked")
        Set<String>[] describing = new Set[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Set<String> words = new HashSet<>(titleWords[i].words());
            words.addAll(HeaderWords.of(fields.get(i).description()).words());
            describing[i] = words;
        }
        this.describingWords = describing;
        Set<String> seen = new HashSet<>();
        boolean sheetIsAField = schema.fieldNames().contains(TableSource.SHEET_COLUMN);
        for (int column = 0; column < width; column++) {
            String label = labels.get(column);
            fieldOfColumn[column] = -1;
            kindOfColumn[column] = MatchKind.NONE;
            labelKeys[column] = LooseKey.of(label);
            // Blank and repeated labels are reported by the caller; the workbook's sheet column is not the clerk's.
            eligible[column] = !label.isEmpty() && seen.add(label)
                    && (sheetIsAField || !label.equals(TableSource.SHEET_COLUMN));
        }
    }

    /**
     * @param labels    the header's cells, trimmed
     * @param overrides the caller's mapping, checked against {@code schema}
     */
    public static HeaderMatch match(List<String> labels, TableSchema schema, ColumnOverrides overrides) {
        return new ColumnMatcher(labels, schema, overrides, ColumnSynonyms.builtIn()).run();
    }

    private HeaderMatch run() {
        List<String> unused = applyOverrides();
        matchByKey(MatchKind.EXACT, field -> fields.get(field).name(), column -> labels.get(column));
        matchByKey(MatchKind.NORMALISED, field -> nameKeys[field], column -> labelKeys[column]);
        matchByKey(MatchKind.TITLE, field -> titleKeys[field], column -> labelKeys[column]);
        matchByWords();
        matchBySynonym();
        matchBySpelling();
        List<ColumnMatch> columns = new ArrayList<>(labels.size());
        for (int column = 0; column < labels.size(); column++) {
            int field = fieldOfColumn[column];
            columns.add(new ColumnMatch(column + 1, labels.get(column), field < 0 ? null : fields.get(field).name(),
                    kindOfColumn[column], scoreOfColumn[column]));
        }
        return new HeaderMatch(columns, unused);
    }

    /** @return the override labels no column carries */
    private List<String> applyOverrides() {
        Set<String> unused = new LinkedHashSet<>(overrides.asMap().keySet());
        if (overrides.isEmpty()) {
            return List.of();
        }
        for (int column = 0; column < labels.size(); column++) {
            if (!eligible[column]) {
                continue;
            }
            Optional<Map.Entry<String, String>> override = overrides.forLabel(labels.get(column));
            if (override.isEmpty() || !unused.remove(override.get().getKey())) {
                continue;
            }
            String fieldName = override.get().getValue();
            int field = fieldName.isEmpty() ? -1 : indexOf(fieldName);
            if (fieldName.isEmpty() || field >= 0) {
                assign(column, field, MatchKind.USER, null);
            }
        }
        return List.copyOf(unused);
    }

    private int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    /** Columns in file order take the first free field with the same key. */
    private void matchByKey(MatchKind kind, IntFunction<String> fieldKey, IntFunction<String> labelKey) {
        for (int column = 0; column < labels.size(); column++) {
            if (!free(column)) {
                continue;
            }
            String key = labelKey.apply(column);
            if (key.isEmpty()) {
                continue;
            }
            for (int field = 0; field < fields.size(); field++) {
                if (!fieldTaken[field] && key.equals(fieldKey.apply(field))) {
                    assign(column, field, kind, null);
                    break;
                }
            }
        }
    }

    /**
     * Same words first (the label's words are the name's or the title's), then a label that holds all the
     * name's words and whose other words the field's title or description uses (« Date de mise en service de
     * la station » for {@code date_mise_en_service}). Each only when exactly one free field answers.
     */
    private void matchByWords() {
        matchByWords((column, field) -> !nameWords[field].isEmpty()
                && (sameWords(labelWords[column], nameWords[field]) || sameWords(labelWords[column], titleWords[field])));
        matchByWords((column, field) -> {
            List<String> name = nameWords[field].words();
            List<String> label = labelWords[column].words();
            return !name.isEmpty() && label.size() > name.size() && label.containsAll(name)
                    && label.stream().filter(word -> !name.contains(word)).allMatch(describingWords[field]::contains);
        });
    }

    private void matchByWords(java.util.function.BiPredicate<Integer, Integer> same) {
        for (int column = 0; column < labels.size(); column++) {
            if (!free(column) || labelWords[column].isEmpty()) {
                continue;
            }
            int found = -1;
            int count = 0;
            for (int field = 0; field < fields.size(); field++) {
                if (!fieldTaken[field] && same.test(column, field)) {
                    found = field;
                    count++;
                }
            }
            if (count == 1) {
                assign(column, found, MatchKind.WORDS, null);
            }
        }
    }

    private static boolean sameWords(HeaderWords a, HeaderWords b) {
        return !a.isEmpty() && a.words().size() == b.words().size() && new HashSet<>(a.words()).equals(new HashSet<>(b.words()));
    }

    /** A synonym counts only when it points at exactly one free field: with several, nothing is guessed. */
    private void matchBySynonym() {
        for (int column = 0; column < labels.size(); column++) {
            if (!free(column) || labelKeys[column].isEmpty()) {
                continue;
            }
            int found = -1;
            int count = 0;
            for (int field = 0; field < fields.size(); field++) {
                if (!fieldTaken[field] && synonyms.names(labelKeys[column], nameKeys[field])) {
                    found = field;
                    count++;
                }
            }
            if (count == 1) {
                assign(column, found, MatchKind.SYNONYM, null);
            }
        }
    }

    private record Candidate(int column, int field, double score) {
    }

    /** Every close pair is scored first, then the best pairs win, whatever their order in the file. */
    private void matchBySpelling() {
        List<Candidate> candidates = new ArrayList<>();
        for (int column = 0; column < labels.size(); column++) {
            if (!free(column) || !fuzzyCandidate(labelKeys[column])) {
                continue;
            }
            for (int field = 0; field < fields.size(); field++) {
                if (fieldTaken[field]) {
                    continue;
                }
                // Also on the words' keys: « Adresse de la staton » is a typo of adresse_station once "de la" is gone.
                double score = Math.max(Math.max(similarity(labelKeys[column], nameKeys[field]),
                                similarity(labelKeys[column], titleKeys[field])),
                        Math.max(similarity(labelWords[column].key(), nameWords[field].key()),
                                similarity(labelWords[column].key(), titleWords[field].key())));
                if (score >= FUZZY_MIN_SIMILARITY) {
                    candidates.add(new Candidate(column, field, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::column).thenComparingInt(Candidate::field));
        for (Candidate candidate : candidates) {
            if (free(candidate.column()) && !fieldTaken[candidate.field()]) {
                assign(candidate.column(), candidate.field(), MatchKind.FUZZY,
                        Math.round(candidate.score() * 1000) / 1000.0);
            }
        }
    }

    private static boolean fuzzyCandidate(String key) {
        return key.length() >= FUZZY_MIN_LENGTH && key.length() <= FUZZY_MAX_LENGTH;
    }

    /**
     * 1 − edit distance / longer length, or 0 when the numbers in the keys differ: "tarif_1h" and "tarif_2h",
     * "prise_type_2" and "prise_type_3" are different columns, not typos.
     */
    static double similarity(String a, String b) {
        if (!fuzzyCandidate(a) || !fuzzyCandidate(b) || !digits(a).equals(digits(b))) {
            return 0;
        }
        int longer = Math.max(a.length(), b.length());
        // The epsilon keeps 5 × 0.2 at 1 despite floating point.
        int allowed = (int) Math.floor(longer * (1 - FUZZY_MIN_SIMILARITY) + 1e-9);
        int distance = new LevenshteinDistance(allowed).apply(a, b);
        return distance < 0 ? 0 : 1 - (double) distance / longer;
    }

    private static String digits(String key) {
        return key.replaceAll("\\D", "");
    }

    private boolean free(int column) {
        return eligible[column] && kindOfColumn[column] == MatchKind.NONE;
    }

    private void assign(int column, int field, MatchKind kind, Double score) {
        fieldOfColumn[column] = field;
        kindOfColumn[column] = kind;
        scoreOfColumn[column] = score;
        if (field >= 0) {
            fieldTaken[field] = true;
        }
    }
}
