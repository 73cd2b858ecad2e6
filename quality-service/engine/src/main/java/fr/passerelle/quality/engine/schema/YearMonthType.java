package fr.passerelle.quality.engine.schema;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A month of a year, {@code AAAA-MM} (XML Schema gYearMonth). */
final class YearMonthType implements FieldType {

    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    @Override
    public String name() {
        return "yearmonth";
    }

    @Override
    public Optional<Object> cast(String text) {
        Matcher matcher = YEAR_MONTH.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(matcher.group(2));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        return Optional.of(YearMonth.of(Integer.parseInt(matcher.group(1)), month));
    }

    @Override
    public String expected() {
        return "un mois au format AAAA-MM";
    }

    @Override
    public String hint() {
        return "Saisissez l'année sur quatre chiffres, un tiret, puis le mois sur deux chiffres, par exemple 2024-03.";
    }
}
