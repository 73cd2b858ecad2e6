package fr.passerelle.quality.engine.schema;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decimal numbers, with the field's {@code decimalChar} (default {@code .}) and optional
 * {@code groupChar}; also NaN, INF and -INF as the spec allows. With {@code bareNumber: false},
 * text around the number is allowed ("12,5 €", "95 %").
 */
final class NumberType implements FieldType {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final String decimalChar;
    private final String groupChar;
    private final boolean bareNumber;

    NumberType(String decimalChar, String groupChar, boolean bareNumber) {
        this.decimalChar = decimalChar;
        this.groupChar = groupChar;
        this.bareNumber = bareNumber;
    }

    @Override
    public String name() {
        return "number";
    }

    @Override
    public Optional<Object> cast(String text) {
        switch (text) {
            case "NaN":
                return Optional.of(Double.NaN);
            case "INF":
                return Optional.of(Double.POSITIVE_INFINITY);
            case "-INF":
                return Optional.of(Double.NEGATIVE_INFINITY);
            default:
                break;
        }
        String normalised = bareNumber ? text : BareNumber.strip(text, decimalChar);
        if (!groupChar.isEmpty()) {
            normalised = normalised.replace(groupChar, "");
        }
        if (!decimalChar.equals(".")) {
            if (normalised.contains(".")) {
                return Optional.empty();
            }
            normalised = normalised.replace(decimalChar, ".");
        }
        if (!DECIMAL.matcher(normalised).matches()) {
            return Optional.empty();
        }
        // stripTrailingZeros so that 1.50 and 1.5 are equal, for enum constraints.
        return Optional.of(new BigDecimal(normalised).stripTrailingZeros());
    }

    @Override
    public String expected() {
        return "un nombre";
    }

    @Override
    public String hint() {
        String example = "12" + decimalChar + "5";
        if (!bareNumber) {
            return "Saisissez un nombre avec " + describe(decimalChar) + " comme séparateur décimal, par exemple " + example
                    + " ; une unité peut l'entourer, comme « " + example + " € » ou « " + example + " % ».";
        }
        return "Saisissez un nombre avec " + describe(decimalChar) + " comme séparateur décimal, sans espace ni unité, par exemple "
                + example + ".";
    }

    private static String describe(String character) {
        return switch (character) {
            case "." -> "un point";
            case "," -> "une virgule";
            default -> "le caractère « " + character + " »";
        };
    }
}
