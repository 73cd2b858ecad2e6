package fr.passerelle.quality.engine.schema;

import java.util.List;
import java.util.Optional;

/**
 * A custom check on several cells of a row ({@code compare-columns-value}, {@code sum-columns-value},
 * {@code cohesive-columns-value}, {@code one-of-required}). {@link #field()} is the column its findings are reported
 * on; {@link #check(Object, String)} is never called.
 */
public interface RowCustomCheck extends CustomCheck {

    /** The fields it reads, {@link #field()} first. */
    List<String> fields();

    /**
     * Checks one row.
     *
     * @param cells the cells of {@link #fields()}, in that order
     */
    Optional<RowViolation> check(List<Cell> cells);

    @Override
    default Optional<Violation> check(Object value, String text) {
        return Optional.empty();
    }

    /**
     * One cell as the row check sees it.
     *
     * @param text   the trimmed text, null when the column is absent
     * @param value  the typed value, null unless the cell is valid
     * @param filled the cell holds something other than a missing value
     * @param valid  the cell passed its type and constraints
     */
    record Cell(String field, String text, Object value, boolean filled, boolean valid) {
    }

    /**
     * What is wrong, in French.
     *
     * @param value   the cell or cells shown as the faulty value
     * @param message the whole sentence
     * @param hint    what to do
     */
    record RowViolation(String value, String message, String hint) {
    }
}
