package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code year-interval-value}: a period "AAAA/AAAA", the first year before the second; a single year "AAAA" too when
 * the parameter {@code allow-year-only} is "yes" or "true" (Validata's rules).
 */
final class YearIntervalValue implements CustomCheck {

    static final String NAME = "year-interval-value";
    private static final Pattern INTERVAL = Pattern.compile("(\\d{4})/(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final String field;
    private final boolean yearOnlyAllowed;

    private YearIntervalValue(String field, boolean yearOnlyAllowed) {
        this.field = field;
        this.yearOnlyAllowed = yearOnlyAllowed;
    }

    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        boolean yearOnly = List.of("yes", "true").contains(String.valueOf(params.get("allow-year-only")));
        return CustomCheckRegistry.column(params, fields).map(column -> new YearIntervalValue(column.name(), yearOnly));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.YEAR_INTERVAL_VALUE;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public Optional<Violation> check(Object value, String text) {
        Matcher interval = INTERVAL.matcher(text);
        if (!interval.matches()) {
            if (yearOnlyAllowed && YEAR.matcher(text).matches()) {
                return Optional.empty();
            }
            return Optional.of(new Violation(yearOnlyAllowed
                    ? "n'est ni une année (AAAA) ni une période (AAAA/AAAA)"
                    : "n'est pas une période de la forme AAAA/AAAA", ErrorCode.YEAR_INTERVAL_VALUE.defaultHint()));
        }
        int first = Integer.parseInt(interval.group(1));
        int second = Integer.parseInt(interval.group(2));
        if (first == second) {
            return Optional.of(new Violation("n'est pas une période : les deux années doivent être différentes",
                    yearOnlyAllowed ? "Pour une seule année, écrivez-la seule : " + first + "."
                            : ErrorCode.YEAR_INTERVAL_VALUE.defaultHint()));
        }
        if (first > second) {
            return Optional.of(new Violation("n'est pas une période valide : la seconde année doit venir après la "
                    + "première", "Écrivez les deux années dans l'ordre : " + second + "/" + first + "."));
        }
        return Optional.empty();
    }
}
