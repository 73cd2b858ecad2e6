package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.schema.Field;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SIRET, SIREN, INSEE and postal codes typed with spaces or dots ("123 456 789 00012"), or whose
 * leading zero a spreadsheet dropped (1053 for Bourg-en-Bresse's 01053), rewritten as bare digits
 * of the right length. Told apart by the field's name. Only leading zeros a spreadsheet can drop
 * are put back: one for an INSEE or postal code (départements 01 to 09), two for a SIREN or SIRET.
 */
final class CodePaddingFix extends CellwiseFix {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u202F.-]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Field field;
    private final String kind;
    private final int length;
    private final int maxMissingZeros;

    private CodePaddingFix(Field field, String kind, int length, int maxMissingZeros) {
        this.field = field;
        this.kind = kind;
        this.length = length;
        this.maxMissingZeros = maxMissingZeros;
    }

    static Optional<ColumnFix> of(Field field) {
        if (!field.type().name().equals("string")) {
            return Optional.empty();
        }
        String name = FieldValues.nameKey(field);
        if (name.contains("siret")) {
            return Optional.of(new CodePaddingFix(field, "SIRET", 14, 2));
        }
        if (name.contains("siren")) {
            return Optional.of(new CodePaddingFix(field, "SIREN", 9, 2));
        }
        if (name.contains("insee") || name.equals("code_com") || name.contains("code_commune") || name.equals("cog")) {
            return Optional.of(new CodePaddingFix(field, "INSEE", 5, 1));
        }
        if (name.contains("postal") || name.equals("cp") || name.equals("code_cp")) {
            return Optional.of(new CodePaddingFix(field, "postaux", 5, 1));
        }
        return Optional.empty();
    }

    @Override
    public FixCode code() {
        return FixCode.CODE_PADDING;
    }

    /** Also on accepted texts: a schema without a pattern accepts "123 456 789", its custom checks do not. */
    @Override
    public Optional<String> fix(String text, boolean accepted) {
        String digits = SEPARATORS.matcher(text).replaceAll("");
        if (!DIGITS.matcher(digits).matches() || digits.length() > length || digits.length() < length - maxMissingZeros) {
            return Optional.empty();
        }
        String padded = "0".repeat(length - digits.length()) + digits;
        return padded.equals(text) ? Optional.empty() : Optional.of(padded);
    }

    @Override
    public String description() {
        return "Les codes " + kind + " de la colonne « " + field.name() + " » ont été réécrits en " + length
                + " chiffres, sans espace ni point, zéros de tête rétablis.";
    }
}
