package fr.passerelle.quality.engine.schema;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/** Whole numbers of any size; with {@code bareNumber: false}, text around them is allowed ("12 places"). */
final class IntegerType implements FieldType {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private final boolean bareNumber;

    IntegerType(boolean bareNumber) {
        this.bareNumber = bareNumber;
    }

    @Override
    public String name() {
        return "integer";
    }

    @Override
    public Optional<Object> cast(String text) {
        String number = bareNumber ? text : BareNumber.strip(text, "");
        if (!INTEGER.matcher(number).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(number.startsWith("+") ? number.substring(1) : number));
    }

    @Override
    public String expected() {
        return "un nombre entier";
    }

    @Override
    public String hint() {
        return bareNumber ? "Saisissez un nombre entier sans espace ni décimale, par exemple 12."
                : "Saisissez un nombre entier sans espace ni décimale, par exemple 12 ; une unité peut le suivre, comme « 12 places ».";
    }
}
