package fr.passerelle.quality.engine.schema;

import java.util.Optional;

/**
 * One Table Schema field type ({@code integer}, {@code date}…) configured by the field's format
 * and options. Adding a type means adding one implementation and one line in {@link FieldTypes}.
 */
public interface FieldType {

    /** The Table Schema type name, e.g. {@code "integer"}. */
    String name();

    /**
     * Reads a trimmed, non-missing cell.
     *
     * @return the typed value (comparable with {@code equals}), or empty when the text is not of
     *         this type
     */
    Optional<Object> cast(String text);

    /** French noun phrase completing "n'est pas …", e.g. "un nombre entier". */
    String expected();

    /** French sentence telling the clerk what to type instead. */
    String hint();
}
