package fr.passerelle.quality.engine.mapping;

/**
 * What one file column feeds.
 *
 * @param column 1-based position in the file's header
 * @param label  the label as written in the file
 * @param field  the schema field the column is used as, or {@code null} when none (unknown, blank,
 *               duplicate or ignored column)
 * @param how    how the match was made; {@link MatchKind#NONE} when {@code field} is null, except a column
 *               the caller chose to ignore ({@link MatchKind#USER})
 * @param score  the similarity, 0 to 1, for a {@link MatchKind#FUZZY} match; {@code null} otherwise
 */
public record ColumnMatch(int column, String label, String field, MatchKind how, Double score) {

    static ColumnMatch unmatched(int column, String label) {
        return new ColumnMatch(column, label, null, MatchKind.NONE, null);
    }
}
