package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Builds the value constraints of a field: {@code enum}, {@code pattern}, {@code minLength},
 * {@code maxLength}, {@code minimum}, {@code maximum}, in the order they are checked (the first
 * one broken is reported). As in frictionless, a constraint the spec does not define for the
 * field's type is ignored: {@code pattern} applies to strings, lengths to strings, arrays and
 * objects, bounds to ordered types. {@code required} and {@code unique} are not value constraints.
 */
final class ValueConstraints {

    private static final Set<String> MEASURED_TYPES = Set.of("string", "array", "object");

    private ValueConstraints() {
    }

    /**
     * @param constraints the field's {@code constraints} object (or a missing node)
     * @param example     the field's {@code example}, quoted in the pattern's hint; may be empty
     */
    static List<ValueConstraint> of(JsonNode constraints, FieldType type, String example) {
        List<ValueConstraint> checked = new ArrayList<>();
        JsonNode values = constraints.path("enum");
        if (values.isArray() && !values.isEmpty()) {
            checked.add(enumOf(values, type));
        }
        JsonNode pattern = constraints.path("pattern");
        if (pattern.isTextual() && type.name().equals("string")) {
            PatternConstraint.of(pattern.textValue(), example).ifPresent(checked::add);
        }
        if (MEASURED_TYPES.contains(type.name())) {
            boolean counted = !type.name().equals("string");
            length(constraints.path("minLength")).ifPresent(n -> checked.add(new LengthConstraint(true, n, counted)));
            length(constraints.path("maxLength")).ifPresent(n -> checked.add(new LengthConstraint(false, n, counted)));
        }
        JsonNode minimum = constraints.path("minimum");
        if (!minimum.isMissingNode()) {
            RangeConstraint.of(true, minimum, type).ifPresent(checked::add);
        }
        JsonNode maximum = constraints.path("maximum");
        if (!maximum.isMissingNode()) {
            RangeConstraint.of(false, maximum, type).ifPresent(checked::add);
        }
        return checked;
    }

    private static OptionalInt length(JsonNode node) {
        // Also "5" written as a string, which some schemas do.
        if (node.canConvertToInt() && node.isIntegralNumber() || node.isTextual() && node.textValue().matches("\\d{1,9}")) {
            return OptionalInt.of(node.asInt());
        }
        return OptionalInt.empty();
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
