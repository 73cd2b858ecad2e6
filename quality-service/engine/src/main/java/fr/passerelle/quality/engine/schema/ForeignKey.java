package fr.passerelle.quality.engine.schema;

import java.util.List;

/**
 * A Table Schema foreign key: the values of {@code fields} must appear in {@code referencedFields} of
 * the resource named {@code resource}.
 *
 * @param fields           the referencing fields of this schema
 * @param resource         the referenced resource; empty for the file itself
 * @param referencedFields the referenced fields, as many as {@code fields}
 */
public record ForeignKey(List<String> fields, String resource, List<String> referencedFields) {

    public ForeignKey {
        fields = List.copyOf(fields);
        referencedFields = List.copyOf(referencedFields);
    }

    /**
     * A reference to the same file ({@code "resource": ""}), e.g. a parent column pointing at the id
     * column. The only kind checked: other resources are not available to a one-file check.
     */
    public boolean isSelfReference() {
        return resource.isEmpty();
    }
}
