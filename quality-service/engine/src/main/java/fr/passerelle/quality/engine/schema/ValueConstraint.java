package fr.passerelle.quality.engine.schema;

import java.util.List;

/**
 * A rule on a non-missing, well-typed value ({@code constraints} in Table Schema, {@code required}
 * aside since it is about missing values). Each violation is reported as {@code constraint-error}.
 */
public interface ValueConstraint {

    /** The Table Schema constraint name, e.g. {@code "enum"}. */
    String name();

    /** @param value the value as cast by the field's {@link FieldType} */
    boolean accepts(Object value);

    /** French sentence stating the rule, e.g. "ne fait pas partie des valeurs autorisées". */
    String violation();

    /** French sentence telling the clerk what to type instead. */
    String hint();

    /** The allowed values as the schema spells them, for a closed list ({@code enum}); empty for any other rule. */
    default List<String> allowedTexts() {
        return List.of();
    }
}
