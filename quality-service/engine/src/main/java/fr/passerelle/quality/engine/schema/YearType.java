package fr.passerelle.quality.engine.schema;

import java.util.Optional;
import java.util.regex.Pattern;

/** A calendar year written with four digits. */
final class YearType implements FieldType {

    private static final Pattern YEAR = Pattern.compile("-?\\d{4}");

    @Override
    public String name() {
        return "year";
    }

    @Override
    public Optional<Object> cast(String text) {
        return YEAR.matcher(text).matches() ? Optional.of(Integer.valueOf(text)) : Optional.empty();
    }

    @Override
    public String expected() {
        return "une année sur quatre chiffres";
    }

    @Override
    public String hint() {
        return "Saisissez l'année sur quatre chiffres, par exemple 2024.";
    }
}
