package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.schema.ValueConstraint;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SIRET, SIREN, INSEE and postal codes typed with spaces or dots ("123 456 789 00012"), or whose
 * leading zero a spreadsheet dropped (1053 for Bourg-en-Bresse's 01053), rewritten as bare digits
 * of the right length. Told apart by the custom check the schema runs on the field (french-siret-value,
 * french-siren-value), else by its pattern (one that takes exactly 14, 9 or 5 digits), else by its name:
 * any schema, not a list of field names. Only leading zeros a spreadsheet can drop are put back: one for an
 * INSEE or postal code (départements 01 to 09), two for a SIREN or SIRET.
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

    static Optional<ColumnFix> of(Field field, TableSchema schema) {
        if (!field.type().name().equals("string")) {
            return Optional.empty();
        }
        for (CustomCheck check : schema.customChecks()) {
            if (check.field().equals(field.name()) && check.name().contains("siret")) {
                return Optional.of(new CodePaddingFix(field, "SIRET", 14, 2));
            }
            if (check.field().equals(field.name()) && check.name().contains("siren")) {
                return Optional.of(new CodePaddingFix(field, "SIREN", 9, 2));
            }
        }
        Optional<ColumnFix> byPattern = byPattern(field);
        if (byPattern.isPresent()) {
            return byPattern;
        }
        return byName(field);
    }

    /** A pattern that takes exactly 14, 9 or 5 digits, probed with digits (the schema's regex is its own). */
    private static Optional<ColumnFix> byPattern(Field field) {
        List<ValueConstraint> patterns = field.constraints().stream().filter(c -> c.name().equals("pattern")).toList();
        if (patterns.isEmpty()) {
            return Optional.empty();
        }
        if (digitsOnly(patterns, 14)) {
            return Optional.of(new CodePaddingFix(field, "SIRET", 14, 2));
        }
        if (digitsOnly(patterns, 9)) {
            return Optional.of(new CodePaddingFix(field, "SIREN", 9, 2));
        }
        if (digitsOnly(patterns, 5)) {
            String name = FieldValues.nameKey(field);
            return Optional.of(new CodePaddingFix(field, name.contains("postal") || name.equals("cp") ? "postaux" : "INSEE",
                    5, 1));
        }
        return Optional.empty();
    }

    private static boolean digitsOnly(List<ValueConstraint> patterns, int length) {
        String digits = "01234567890123456".substring(0, length);
        String shorter = digits.substring(1);
        String longer = digits + "4";
        return patterns.stream().allMatch(p -> p.accepts(digits) && !p.accepts(shorter) && !p.accepts(longer)
                && !p.accepts(digits.substring(0, 2) + " " + digits.substring(2)));
    }

    private static Optional<ColumnFix> byName(Field field) {
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
    Optional<String> fixCell(String text, boolean accepted) {
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
