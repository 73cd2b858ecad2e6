package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the {@link FieldType} of a field descriptor: the one place that knows every type. */
final class FieldTypes {

    private FieldTypes() {
    }

    static FieldType of(String type, String format, JsonNode descriptor) {
        Optional<FieldType> known = switch (type) {
            case "string" -> Optional.of(new StringType(format));
            case "integer" -> Optional.of(new IntegerType(bareNumber(descriptor)));
            case "number" -> Optional.of(new NumberType(descriptor.path("decimalChar").asText("."),
                    descriptor.path("groupChar").asText(""), bareNumber(descriptor)));
            case "boolean" -> Optional.of(new BooleanType(
                    texts(descriptor.path("trueValues"), BooleanType.DEFAULT_TRUE_VALUES),
                    texts(descriptor.path("falseValues"), BooleanType.DEFAULT_FALSE_VALUES)));
            case "date" -> TemporalType.of(TemporalType.Kind.DATE, format);
            case "datetime" -> TemporalType.of(TemporalType.Kind.DATETIME, format);
            case "year" -> Optional.of(new YearType());
            case "yearmonth" -> Optional.of(new YearMonthType());
            case "time" -> TemporalType.of(TemporalType.Kind.TIME, format);
            case "duration" -> Optional.of(new DurationType());
            case "geopoint" -> GeoPointType.of(format);
            case "geojson" -> GeoJsonType.of(format);
            case "object" -> Optional.of(new JsonObjectType());
            case "array" -> Optional.of(new JsonArrayType());
            case "any" -> Optional.of(new AnyType());
            default -> Optional.empty();
        };
        // An unknown type, or a format we cannot read yet, must not reject good files.
        return known.orElseGet(() -> new NotYetCheckedType(type));
    }

    private static boolean bareNumber(JsonNode descriptor) {
        return descriptor.path("bareNumber").asBoolean(true);
    }

    private static List<String> texts(JsonNode array, List<String> fallback) {
        if (!array.isArray() || array.isEmpty()) {
            return fallback;
        }
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
