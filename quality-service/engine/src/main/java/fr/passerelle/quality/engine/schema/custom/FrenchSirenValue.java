package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code french-siren-value}: the column holds a SIREN, the 9 digits INSEE gives each company, whose last digit is a
 * Luhn key (python-stdnum's rule, which Validata uses). Spaces are refused, as for {@link FrenchSiretValue}.
 */
final class FrenchSirenValue implements CustomCheck {

    static final String NAME = "french-siren-value";

    private final String field;

    private FrenchSirenValue(String field) {
        this.field = field;
    }

    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        return CustomCheckRegistry.column(params, fields).map(column -> new FrenchSirenValue(column.name()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.FRENCH_SIREN_VALUE;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public Optional<Violation> check(Object value, String text) {
        if (!text.matches("\\d{9}")) {
            return Optional.of(new Violation("n'est pas un numéro SIREN : il faut exactement 9 chiffres, sans espace ni "
                    + "point", ErrorCode.FRENCH_SIREN_VALUE.defaultHint()));
        }
        return FrenchSiretValue.luhn(text) ? Optional.empty()
                : Optional.of(new Violation("n'est pas un numéro SIREN existant : sa clé de contrôle est fausse",
                        ErrorCode.FRENCH_SIREN_VALUE.defaultHint()));
    }
}
