package fr.passerelle.quality.engine.schema;

import java.util.List;

/**
 * One column of a Table Schema.
 *
 * @param name        the exact column label expected in the file
 * @param title       human title, may be empty
 * @param description human description, may be empty
 * @param type        the type, configured by the field's format and options
 * @param format      the Table Schema format ({@code "default"} when absent)
 * @param required    {@code constraints.required}: a missing value is an error
 * @param constraints the other per-value constraints this engine checks
 * @param unique      {@code constraints.unique}: no two rows may hold the same value (checked across rows,
 *                    so not a {@link ValueConstraint})
 */
public record Field(String name, String title, String description, FieldType type, String format,
                    boolean required, List<ValueConstraint> constraints, boolean unique) {

    public Field {
        constraints = List.copyOf(constraints);
    }

    /** A field without the {@code unique} constraint. */
    public Field(String name, String title, String description, FieldType type, String format,
                 boolean required, List<ValueConstraint> constraints) {
        this(name, title, description, type, format, required, constraints, false);
    }
}
