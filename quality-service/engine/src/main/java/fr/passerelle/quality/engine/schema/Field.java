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

    /**
     * Whether every valid value of this field has a shape the schema sets that no personal data takes: a date, a
     * boolean, a point…, or a string held to a list of values or a pattern (not an e-mail address). Not a number: a
     * mobile number typed without spaces is a valid integer. The personal-data guard samples such columns once
     * their first rows showed nothing; it scans free text, and every cell that breaks its field, whole.
     */
    public boolean shapesItsValues() {
        return switch (type.name()) {
            case "boolean", "date", "datetime", "time", "year", "yearmonth", "duration", "geopoint" -> true;
            case "string" -> !"email".equals(format) && constraints.stream()
                    .anyMatch(constraint -> constraint instanceof EnumConstraint || constraint instanceof PatternConstraint);
            default -> false;
        };
    }
}
