package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code french-siret-value}: the column holds a SIRET, the 14-digit number INSEE gives each
 * establishment: the 9 digits of the company's SIREN, then 5 for the establishment. Both the SIREN
 * and the whole SIRET carry a Luhn check digit, except at La Poste: its establishments (SIREN
 * 356000000) outgrew the Luhn numbering, and INSEE accepts instead any SIRET whose digits add up to
 * a multiple of 5, except for the head office, 35600000000048, an ordinary Luhn number. These are
 * the rules of python-stdnum, which the national validator uses. Unlike it, spaces are refused:
 * the published file must hold the bare 14 digits.
 */
final class FrenchSiretValue implements CustomCheck {

    static final String NAME = "french-siret-value";
    private static final String LA_POSTE_SIREN = "356000000";
    private static final String LA_POSTE_HEAD_OFFICE = "35600000000048";

    private final String field;

    private FrenchSiretValue(String field) {
        this.field = field;
    }

    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        return CustomCheckRegistry.column(params, fields).map(column -> new FrenchSiretValue(column.name()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.FRENCH_SIRET_VALUE;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public Optional<Violation> check(Object value, String text) {
        if (!text.matches("\\d{14}")) {
            return Optional.of(new Violation("n'est pas un numéro SIRET : il faut exactement 14 chiffres, sans espace ni "
                    + "point", ErrorCode.FRENCH_SIRET_VALUE.defaultHint()));
        }
        return isValid(text) ? Optional.empty()
                : Optional.of(new Violation("n'est pas un numéro SIRET existant : sa clé de contrôle est fausse",
                        ErrorCode.FRENCH_SIRET_VALUE.defaultHint()));
    }

    /** @param siret 14 ASCII digits */
    static boolean isValid(String siret) {
        boolean establishment = siret.startsWith(LA_POSTE_SIREN) && !siret.equals(LA_POSTE_HEAD_OFFICE)
                ? digitSum(siret) % 5 == 0
                : luhn(siret);
        return establishment && luhn(siret.substring(0, 9));
    }

    /** Doubling every second digit from the right, the digits of the results add up to a multiple of 10. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }
}
