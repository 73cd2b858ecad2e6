package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.schema.Field;

import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers written the French way ("12,5", "1 234,56", "1.234,5") or with English thousands
 * separators ("1,234.5"), rewritten with the schema's decimal separator and no grouping.
 *
 * <p>"1,234" reads 1.234 the French way and 1234 the English way: the column decides. When some
 * of its numbers can only be French (or only English) and none the other way, that reading is
 * applied; when every comma could go both ways, the file's locale settles it (a comma is decimal in a
 * French file, reported as such), and only a locale that has neither reading leaves a suggestion.
 * Spaces between groups of digits ("1 234") are dropped whatever the reading.
 */
final class NumberFormatFix implements ColumnFix {

    private static final Pattern GROUP_SPACE = Pattern.compile("(?<=\\d)[ \\u00A0\\u202F](?=\\d{3}(?:\\D|$))");
    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");
    private static final Pattern FRENCH_DOT_GROUPS = Pattern.compile("[+-]?\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d+,\\d+");
    private static final Pattern COMMA_THREE = Pattern.compile("[+-]?\\d{1,3},\\d{3}");
    // Only met in a schema with a decimal comma: 1.234 is then 1234 the French way, 1,234 the English way.
    private static final Pattern DOT_THREE = Pattern.compile("[+-]?\\d{1,3}\\.\\d{3}");
    // 12.5 or 3.14159: a point that can only be decimal, which says the column does not write 1,234 the French way.
    private static final Pattern DOT_DECIMAL = Pattern.compile("[+-]?\\d+\\.(?:\\d{1,2}|\\d{4,})");
    private static final Pattern ENGLISH_GROUPS = Pattern.compile("[+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");

    private enum Reading { FRENCH, ENGLISH, BOTH, SPACES, NONE }

    private final Field field;
    private long frenchOnly;
    private long englishOnly;
    private long both;
    private long dotDecimals;
    private final Samples ambiguous = new Samples();
    private Reading chosen = Reading.NONE;

    private final Locale locale;
    private boolean byConvention;

    private NumberFormatFix(Field field, Locale locale) {
        this.field = field;
        this.locale = locale;
    }

    static Optional<ColumnFix> of(Field field, Locale locale) {
        String type = field.type().name();
        return type.equals("number") || type.equals("integer")
                ? Optional.of(new NumberFormatFix(field, locale)) : Optional.empty();
    }

    /** How the locale writes 1,234: its own decimal separator says (fr: a decimal comma; en: a thousands one). */
    private static Reading conventionOf(Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if (symbols.getDecimalSeparator() == ',') {
            return Reading.FRENCH;
        }
        return symbols.getDecimalSeparator() == '.' && symbols.getGroupingSeparator() == ',' ? Reading.ENGLISH : Reading.NONE;
    }

    @Override
    public FixCode code() {
        return FixCode.DECIMAL_COMMA;
    }

    @Override
    public void observe(long row, String text, boolean accepted) {
        if (DOT_DECIMAL.matcher(text).matches()) {
            dotDecimals++;
        }
        if (accepted || text.isEmpty()) {
            return;
        }
        switch (read(ungroup(text))) {
            case FRENCH -> frenchOnly++;
            case ENGLISH -> englishOnly++;
            case BOTH -> {
                both++;
                ambiguous.add(row, text, "");
            }
            default -> {
            }
        }
    }

    @Override
    public boolean decide(FixLog log) {
        if (frenchOnly > 0 && englishOnly == 0) {
            chosen = Reading.FRENCH;
        } else if (englishOnly > 0 && frenchOnly == 0) {
            chosen = Reading.ENGLISH;
        } else if (frenchOnly + englishOnly == 0 && both > 0 && conventionOf(locale) != Reading.NONE
                && !(conventionOf(locale) == Reading.FRENCH && dotDecimals > 0)) {
            // Every comma reads both ways: nothing in the values decides, the file's conventions do.
            chosen = conventionOf(locale);
            byConvention = true;
        } else if (frenchOnly + englishOnly + both > 0) {
            log.suggested(code(), field.name(), "Les nombres avec une virgule de la colonne « " + field.name() + " » n'ont "
                    + "pas été corrigés : la virgule peut y être un séparateur décimal (1,234 = 1 virgule 234) ou de "
                    + "milliers (1,234 = mille deux cent trente-quatre). Saisissez-les sans séparateur de milliers, avec un "
                    + "point décimal.", frenchOnly + englishOnly + both, ambiguous.list());
        }
        // Spaces between digit groups are dropped whatever the reading: no other reading exists.
        return true;
    }

    @Override
    public Optional<String> fix(String text, boolean accepted) {
        if (accepted || text.isEmpty()) {
            return Optional.empty();
        }
        String ungrouped = ungroup(text);
        Reading reading = read(ungrouped);
        String canonical;
        if (reading == Reading.SPACES) {
            canonical = ungrouped;
        } else if (chosen == Reading.FRENCH && (reading == Reading.FRENCH || reading == Reading.BOTH)) {
            canonical = ungrouped.replace(".", "").replace(',', '.');
        } else if (chosen == Reading.ENGLISH && (reading == Reading.ENGLISH || reading == Reading.BOTH)) {
            canonical = ungrouped.replace(",", "");
        } else {
            return Optional.empty();
        }
        // The schema's decimal separator: a point, or the comma some schemas ask for.
        return FieldValues.accepts(field, canonical) ? Optional.of(canonical) : Optional.of(canonical.replace('.', ','));
    }

    @Override
    public String description() {
        String rewritten = "Les nombres de la colonne « " + field.name() + " » ont été réécrits sans séparateur de milliers"
                + (chosen == Reading.FRENCH ? ", la virgule décimale remplacée par le séparateur du schéma" : "");
        if (!byConvention) {
            return rewritten + ".";
        }
        return rewritten + " : chaque virgule pouvait être décimale ou séparer les milliers, elle a été lue comme "
                + (chosen == Reading.FRENCH ? "virgule décimale" : "séparateur de milliers") + ", "
                + (locale.getLanguage().equals("fr") ? "convention française"
                        : "convention de la langue du fichier (" + locale.getDisplayName(Locale.FRENCH) + ")") + ".";
    }

    private static String ungroup(String text) {
        return GROUP_SPACE.matcher(text).replaceAll("");
    }

    private static Reading read(String text) {
        if (COMMA_THREE.matcher(text).matches() || DOT_THREE.matcher(text).matches()) {
            return Reading.BOTH;
        }
        if (PLAIN.matcher(text).matches()) {
            return Reading.SPACES;
        }
        if (COMMA_THREE.matcher(text).matches()) {
            return Reading.BOTH;
        }
        if (FRENCH_DOT_GROUPS.matcher(text).matches() || COMMA_DECIMAL.matcher(text).matches()) {
            return Reading.FRENCH;
        }
        if (ENGLISH_GROUPS.matcher(text).matches()) {
            return Reading.ENGLISH;
        }
        return Reading.NONE;
    }
}
