package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the value constraints of a field. Only {@code enum} so far. TODO pattern, minimum,
 * maximum, minLength, maxLength, unique (and the schema's primaryKey and custom_checks).
 */
final class ValueConstraints {

    private ValueConstraints() {
    }

    static List<ValueConstraint> of(JsonNode constraints, FieldType type) {
        List<ValueConstraint> checked = new ArrayList<>();
        JsonNode values = constraints.path("enum");
        if (values.isArray() && !values.isEmpty()) {
            checked.add(enumOf(values, type));
        }
        return checked;
    }

    private static EnumConstraint enumOf(JsonNode values, FieldType type) {
        Set<Object> allowed = new HashSet<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode value : values) {
            String text = value.asText();
            labels.add(text);
            // An enum value the type cannot read is a schema bug: compare it as text rather than drop it.
            allowed.add(type.cast(text).orElse(text));
        }
        return new EnumConstraint(allowed, labels);
    }
}
