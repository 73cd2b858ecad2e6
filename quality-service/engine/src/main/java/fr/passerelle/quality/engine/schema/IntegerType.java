package fr.passerelle.quality.engine.schema;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/** Whole numbers of any size. TODO {@code bareNumber: false} (units around the number). */
final class IntegerType implements FieldType {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    @Override
    public String name() {
        return "integer";
    }

    @Override
    public Optional<Object> cast(String text) {
        if (!INTEGER.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
    }

    @Override
    public String expected() {
        return "un nombre entier";
    }

    @Override
    public String hint() {
        return "Saisissez un nombre entier sans espace ni décimale, par exemple 12.";
    }
}
