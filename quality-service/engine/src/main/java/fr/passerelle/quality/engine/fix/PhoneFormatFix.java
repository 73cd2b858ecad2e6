package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * French phone numbers the schema refuses as typed ("01.23.45.67.89", "+33 (0)1 23 45 67 89"),
 * rewritten in the first usual spelling the schema accepts: the schema's pattern decides the
 * format. Told apart by the field's name ("telephone", "tel_…", "phone").
 */
final class PhoneFormatFix extends CellwiseFix {

    private static final Pattern NOT_DIGITS = Pattern.compile("[^\\d+]");
    private static final Pattern NATIONAL = Pattern.compile("0[1-9]\\d{8}");
    /** The usual spellings of a 10-digit national number, in the order tried. */
    private static final List<Function<String, String>> SPELLINGS = List.of(
            digits -> digits,
            digits -> pairs(digits, " "),
            digits -> pairs(digits, "."),
            digits -> pairs(digits, "-"),
            digits -> "+33" + digits.substring(1),
            digits -> "+33 " + digits.charAt(1) + " " + pairs(digits.substring(2), " "));

    private final Field field;

    private PhoneFormatFix(Field field) {
        this.field = field;
    }

    static Optional<ColumnFix> of(Field field) {
        if (!field.type().name().equals("string")) {
            return Optional.empty();
        }
        for (String word : FieldValues.nameKey(field).split("_")) {
            if (word.startsWith("tel") || word.contains("phone")) {
                return Optional.of(new PhoneFormatFix(field));
            }
        }
        return Optional.empty();
    }

    @Override
    public FixCode code() {
        return FixCode.PHONE_FORMAT;
    }

    @Override
    Optional<String> fixCell(String text, boolean accepted) {
        if (accepted || text.isEmpty()) {
            return Optional.empty();
        }
        String digits = NOT_DIGITS.matcher(text.replace("(0)", "")).replaceAll("");
        if (digits.startsWith("+33")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0033")) {
            digits = "0" + digits.substring(4);
        }
        if (!NATIONAL.matcher(digits).matches()) {
            return Optional.empty();
        }
        String national = digits;
        return SPELLINGS.stream().map(spelling -> spelling.apply(national))
                .filter(spelled -> FieldValues.accepts(field, spelled)).findFirst();
    }

    @Override
    public String description() {
        return "Les numéros de téléphone de la colonne « " + field.name() + " » ont été réécrits au format demandé par "
                + "le schéma.";
    }

    private static String pairs(String digits, String separator) {
        StringBuilder spelled = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 2) {
            if (i > 0) {
                spelled.append(separator);
            }
            spelled.append(digits, i, Math.min(i + 2, digits.length()));
        }
        return spelled.toString();
    }
}
