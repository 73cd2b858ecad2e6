package fr.passerelle.quality.engine.schema;

import java.util.List;
import java.util.Optional;

/** Yes/no values, spelled as the field's {@code trueValues} and {@code falseValues} say. */
final class BooleanType implements FieldType {

    static final List<String> DEFAULT_TRUE_VALUES = List.of("true", "True", "TRUE", "1");
    static final List<String> DEFAULT_FALSE_VALUES = List.of("false", "False", "FALSE", "0");

    private final List<String> trueValues;
    private final List<String> falseValues;

    BooleanType(List<String> trueValues, List<String> falseValues) {
        this.trueValues = List.copyOf(trueValues);
        this.falseValues = List.copyOf(falseValues);
    }

    @Override
    public String name() {
        return "boolean";
    }

    @Override
    public Optional<Object> cast(String text) {
        if (trueValues.contains(text)) {
            return Optional.of(Boolean.TRUE);
        }
        if (falseValues.contains(text)) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }

    @Override
    public String expected() {
        return "une réponse oui/non reconnue";
    }

    @Override
    public String hint() {
        return "Pour oui, saisissez " + String.join(" ou ", trueValues)
                + " ; pour non, saisissez " + String.join(" ou ", falseValues) + ".";
    }
}
