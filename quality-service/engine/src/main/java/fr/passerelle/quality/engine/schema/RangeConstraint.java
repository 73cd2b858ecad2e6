package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@code minimum} or {@code maximum}, compared in the field's type: 9 is below 10, 2024-02-01 after 2024-01-31. */
final class RangeConstraint implements ValueConstraint {

    /** The types the spec gives an order to; duration is left out, "P1M" and "P30D" having none. */
    static final Set<String> ORDERED_TYPES = Set.of("integer", "number", "year", "yearmonth", "date", "datetime", "time");
    private static final Set<String> TEMPORAL_TYPES = Set.of("yearmonth", "date", "datetime", "time");

    private final boolean minimum;
    private final Object bound;
    private final String label;
    private final boolean temporal;

    private RangeConstraint(boolean minimum, Object bound, String label, boolean temporal) {
        this.minimum = minimum;
        this.bound = bound;
        this.label = label;
        this.temporal = temporal;
    }

    /**
     * @param node the bound as the schema writes it: a JSON number, or a string in the field's format or in ISO 8601
     * @return empty when the type has no order or the bound cannot be read: a schema bug must not reject good files
     */
    static Optional<RangeConstraint> of(boolean minimum, JsonNode node, FieldType type) {
        if (!ORDERED_TYPES.contains(type.name()) || !(node.isNumber() || node.isTextual())) {
            return Optional.empty();
        }
        String text = node.asText();
        Optional<Object> bound = switch (type.name()) {
            // A JSON number is not cell text: read it as is, whatever the field's decimalChar.
            case "integer", "number" -> node.isNumber() ? Optional.of(node.decimalValue()) : decimal(text).or(() -> type.cast(text));
            default -> type.cast(text).or(() -> iso(type.name(), text));
        };
        boolean temporal = TEMPORAL_TYPES.contains(type.name());
        return bound.filter(value -> !(value instanceof String))
                .map(value -> new RangeConstraint(minimum, value, text, temporal));
    }

    private static Optional<Object> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Bounds of a field with a custom format may still be written in ISO 8601. */
    private static Optional<Object> iso(String typeName, String text) {
        List<Function<String, Object>> parsers = switch (typeName) {
            case "date" -> List.of(LocalDate::parse);
            case "datetime" -> List.of(LocalDateTime::parse, OffsetDateTime::parse);
            case "time" -> List.of(LocalTime::parse, OffsetTime::parse);
            case "yearmonth" -> List.of(YearMonth::parse);
            default -> List.of();
        };
        for (Function<String, Object> parser : parsers) {
            try {
                return Optional.of(parser.apply(text));
            } catch (DateTimeParseException e) {
                // Try the next spelling.
            }
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return minimum ? "minimum" : "maximum";
    }

    @Override
    public boolean accepts(Object value) {
        Optional<Integer> order = ValueOrder.compare(value, bound);
        if (order.isEmpty()) {
            // NaN lies in no range; a value of another kind (a date format read as text) cannot be judged.
            return !(value instanceof Double d && d.isNaN());
        }
        return minimum ? order.get() >= 0 : order.get() <= 0;
    }

    @Override
    public String violation() {
        if (temporal) {
            return minimum ? "est antérieure à la limite autorisée, " + label : "est postérieure à la limite autorisée, " + label;
        }
        return minimum ? "est inférieure au minimum autorisé, " + label : "est supérieure au maximum autorisé, " + label;
    }

    @Override
    public String hint() {
        if (temporal) {
            return minimum ? "Saisissez une valeur égale ou postérieure à " + label + "."
                    : "Saisissez une valeur égale ou antérieure à " + label + ".";
        }
        return minimum ? "Saisissez une valeur supérieure ou égale à " + label + "."
                : "Saisissez une valeur inférieure ou égale à " + label + ".";
    }
}
