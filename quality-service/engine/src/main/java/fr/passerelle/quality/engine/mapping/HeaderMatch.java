package fr.passerelle.quality.engine.mapping;

import java.util.List;
import java.util.Objects;

/**
 * How a header was matched with a schema.
 *
 * @param columns         one entry per file column, in file order
 * @param unusedOverrides labels of the caller's mapping that no file column carries
 */
public record HeaderMatch(List<ColumnMatch> columns, List<String> unusedOverrides) {

    public HeaderMatch {
        columns = List.copyOf(columns);
        unusedOverrides = List.copyOf(unusedOverrides);
    }

    /** The column feeding {@code field}, or {@code null}. */
    public ColumnMatch columnOf(String field) {
        return columns.stream().filter(match -> Objects.equals(match.field(), field)).findFirst().orElse(null);
    }

    /** Columns with a label that feed no field and were not ignored on purpose. */
    public long unknownColumns() {
        return columns.stream().filter(match -> match.how() == MatchKind.NONE && !match.label().isEmpty()).count();
    }
}
