package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.schema.Field;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written the French way (31/03/2024, 1/3/24, 31-03-2024, "12 mars 2021", "1er mars 2021")
 * or as Excel serial numbers, rewritten in the schema's format (ISO 8601 by default).
 *
 * <p>Day-first or month-first is decided for the whole column: applied when at least one date
 * can only be read one way (a day above 12) and none only the other way. When every date reads
 * both ways (05/04/2024), the file's locale settles it: day first in a French file, reported as
 * such; only a locale with no numeric date order (or dates proving both orders) leaves the clerk
 * a suggestion. Excel
 * serial numbers only when every unreadable cell of the column is one, five digits within
 * 1954–2100: a lone 5-digit number is more likely a code than a date.
 */
final class DateFix implements ColumnFix {

    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})(?:[ T]00:00(?::00)?)?");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}");
    /** A datetime at midnight where the schema wants a date, as databases and spreadsheets export them. */
    private static final Pattern ISO_MIDNIGHT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T]00:00(?::00(?:\\.0+)?)?(?:Z|[+-]00:?00)?");
    // Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for.
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int EXCEL_MIN = 20_000;
    private static final int EXCEL_MAX = 73_050;
    private static final List<DateTimeFormatter> FRENCH_TEXT = List.of(
            frenchFormatter("d MMMM uuuu"), frenchFormatter("d MMM uuuu"), frenchFormatter("EEEE d MMMM uuuu"));

    private final Field field;
    private final DateTimeFormatter output;
    private final Locale locale;
    /** The order the locale writes numeric dates in, when it has one. */
    private final Optional<DateOrder> convention;
    private boolean byConvention;
    private long dayFirstOnly;
    private long monthFirstOnly;
    private long bothDiffering;
    private long unreadable;
    private long excelSerials;
    private long textDates;
    private final Samples ambiguous = new Samples();
    private DateOrder order;
    /** The order a person chose for this column's ambiguous dates, or null. */
    private final DateOrder decided;
    private boolean byDecision;
    private boolean excel;

    private DateFix(Field field, DateTimeFormatter output, Locale locale, DateOrder decided) {
        this.field = field;
        this.decided = decided;
        this.output = output;
        this.locale = locale;
        this.convention = conventionOf(locale);
    }

    /** @return empty when the field is no date, or its format cannot be written */
    static Optional<ColumnFix> of(Field field, Locale locale) {
        return of(field, locale, null);
    }

    /** @param decided the order a person chose for the column's ambiguous dates; null when none */
    static Optional<ColumnFix> of(Field field, Locale locale, DateOrder decided) {
        if (!field.type().name().equals("date")) {
            return Optional.empty();
        }
        return outputFormat(field.format()).map(output -> new DateFix(field, output, locale, decided));
    }

    /**
     * The locale's own short date pattern says which comes first (fr: dd/MM/y, en-US: M/d/yy); a locale
     * that writes the year first (ISO, ja…) has no convention for 05/04/2024.
     */
    static Optional<DateOrder> conventionOf(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
        int day = pattern.indexOf('d');
        int month = pattern.indexOf('M');
        int year = Math.max(pattern.indexOf('y'), pattern.indexOf('u'));
        if (day < 0 || month < 0 || year < Math.max(day, month)) {
            return Optional.empty();
        }
        return Optional.of(day < month ? DateOrder.DAY_FIRST : DateOrder.MONTH_FIRST);
    }

    @Override
    public FixCode code() {
        return FixCode.DATE_FORMAT;
    }

    @Override
    public void observe(long row, String text, boolean accepted) {
        if (accepted || text.isEmpty()) {
            return;
        }
        if (EXCEL_SERIAL.matcher(text).matches()) {
            int serial = Integer.parseInt(text);
            if (serial >= EXCEL_MIN && serial <= EXCEL_MAX) {
                excelSerials++;
                return;
            }
        }
        if (frenchText(text).isPresent() || isoMidnight(text).isPresent()) {
            textDates++;
            return;
        }
        Matcher numeric = NUMERIC.matcher(text);
        if (!numeric.matches()) {
            unreadable++;
            return;
        }
        Optional<LocalDate> dayFirst = numeric(numeric, DateOrder.DAY_FIRST);
        Optional<LocalDate> monthFirst = numeric(numeric, DateOrder.MONTH_FIRST);
        if (dayFirst.isPresent() && monthFirst.isEmpty()) {
            dayFirstOnly++;
        } else if (monthFirst.isPresent() && dayFirst.isEmpty()) {
            monthFirstOnly++;
        } else if (dayFirst.isPresent() && !dayFirst.equals(monthFirst)) {
            bothDiffering++;
            ambiguous.add(row, text, "");
        } else if (dayFirst.isEmpty()) {
            unreadable++;
        }
    }

    @Override
    public boolean decide(FixLog log) {
        if (dayFirstOnly > 0 && monthFirstOnly == 0) {
            order = DateOrder.DAY_FIRST;
        } else if (monthFirstOnly > 0 && dayFirstOnly == 0) {
            order = DateOrder.MONTH_FIRST;
        } else if (dayFirstOnly == 0 && monthFirstOnly == 0 && bothDiffering == 0) {
            // Every numeric date reads the same both ways (05/05/2021), or there is none.
            order = DateOrder.DAY_FIRST;
        } else if (decided != null) {
            // The values leave the order open and a person settled it for this dataset.
            order = decided;
            byDecision = true;
        } else if (dayFirstOnly == 0 && monthFirstOnly == 0 && convention.isPresent()) {
            // Every date reads both ways: nothing in the values decides, the file's conventions do.
            order = convention.get();
            byConvention = true;
        } else {
            long count = dayFirstOnly + monthFirstOnly + bothDiffering;
            String why = dayFirstOnly > 0
                    ? "certaines se lisent seulement jour/mois/année, d'autres seulement mois/jour/année"
                    : "chacune peut se lire jour/mois/année ou mois/jour/année, et aucune ne permet de trancher";
            log.suggested(code(), field.name(), "Les dates de la colonne « " + field.name() + " » n'ont pas été "
                    + "converties : " + why + ". Vérifiez-les et saisissez-les au format AAAA-MM-JJ.", count, ambiguous.list());
            order = null;
        }
        // Serial numbers only when nothing else in the column needs reading: a 5-digit code is no date.
        excel = excelSerials > 0 && unreadable == 0 && textDates == 0 && dayFirstOnly + monthFirstOnly + bothDiffering == 0;
        return order != null && (dayFirstOnly + monthFirstOnly + bothDiffering > 0) || textDates > 0 || excel;
    }

    @Override
    public Optional<String> fix(String text, boolean accepted) {
        if (accepted || text.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> date = Optional.empty();
        if (excel && EXCEL_SERIAL.matcher(text).matches()) {
            int serial = Integer.parseInt(text);
            if (serial >= EXCEL_MIN && serial <= EXCEL_MAX) {
                date = Optional.of(EXCEL_EPOCH.plusDays(serial));
            }
        }
        if (date.isEmpty()) {
            date = frenchText(text).or(() -> isoMidnight(text));
        }
        if (date.isEmpty() && order != null) {
            Matcher numeric = NUMERIC.matcher(text);
            if (numeric.matches()) {
                date = numeric(numeric, order);
            }
        }
        return date.map(output::format);
    }

    @Override
    public String description() {
        String read = excel ? "numéros de série Excel" : order == DateOrder.MONTH_FIRST ? "dates écrites mois/jour/année"
                : "dates écrites jour/mois/année ou en toutes lettres";
        String rewritten = "Les " + read + " de la colonne « " + field.name() + " » ont été réécrites au format du schéma ("
                + (field.format().equals("default") || field.format().equals("any") ? "AAAA-MM-JJ" : field.format()) + ")";
        if (byDecision) {
            return rewritten + " : lues comme " + (order == DateOrder.DAY_FIRST ? "jour/mois" : "mois/jour")
                    + ", selon la décision mémorisée pour ce jeu de données.";
        }
        if (!byConvention) {
            return rewritten + ".";
        }
        return rewritten + " : chacune pouvait se lire dans les deux sens, elles ont été lues comme "
                + (order == DateOrder.DAY_FIRST ? "jour/mois" : "mois/jour") + ", " + conventionName() + ".";
    }

    private String conventionName() {
        if (locale.getLanguage().equals("fr")) {
            return "convention française";
        }
        return "convention de la langue du fichier (" + locale.getDisplayName(Locale.FRENCH) + ")";
    }

    private static Optional<LocalDate> numeric(Matcher numeric, DateOrder order) {
        int first = Integer.parseInt(numeric.group(1));
        int second = Integer.parseInt(numeric.group(2));
        String yearText = numeric.group(3);
        int year = Integer.parseInt(yearText);
        if (yearText.length() == 2) {
            // Two-digit years: up to this year's are this century's, later ones the previous century's.
            int thisYear = LocalDate.now().getYear();
            year += year <= thisYear % 100 ? thisYear / 100 * 100 : (thisYear / 100 - 1) * 100;
        }
        try {
            return Optional.of(order == DateOrder.DAY_FIRST ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "2024-04-05T00:00:00", "2024-04-05 00:00": the day, the time being only the export's habit. */
    static Optional<LocalDate> isoMidnight(String text) {
        Matcher matcher = ISO_MIDNIGHT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(matcher.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** "12 mars 2021", "1er Mars 2021", "lundi 12 mars 2021", "12 fevrier 2021", "12 févr. 2021". */
    static Optional<LocalDate> frenchText(String text) {
        String normalised = text.toLowerCase(Locale.FRENCH).replaceAll("\\s+", " ").trim()
                .replaceFirst("^(\\p{L}+ )?1er ", "$11 ")
                // Month names typed without their accent.
                .replace("fevrier", "février").replace("aout", "août").replace("decembre", "décembre")
                .replace("fevr", "févr").replace("dec.", "déc.");
        if (!normalised.matches("(\\p{L}+ )?\\d{1,2} [\\p{L}.]+ \\d{4}")) {
            return Optional.empty();
        }
        for (DateTimeFormatter formatter : FRENCH_TEXT) {
            try {
                return Optional.of(LocalDate.parse(normalised, formatter));
            } catch (DateTimeParseException e) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter frenchFormatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.FRENCH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** The schema's date format as a Java formatter: ISO for default and any, else its strftime directives. */
    private static Optional<DateTimeFormatter> outputFormat(String format) {
        if (format.isEmpty() || format.equals("default") || format.equals("any")) {
            return Optional.of(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        String directives = format.startsWith("fmt:") ? format.substring(4) : format;
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < directives.length(); i++) {
            char c = directives.charAt(i);
            if (c != '%') {
                pattern.append('\'').append(c == '\'' ? "''" : String.valueOf(c)).append('\'');
                continue;
            }
            if (++i == directives.length()) {
                return Optional.empty();
            }
            switch (directives.charAt(i)) {
                case 'Y' -> pattern.append("uuuu");
                case 'y' -> pattern.append("uu");
                case 'm' -> pattern.append("MM");
                case 'd' -> pattern.append("dd");
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(DateTimeFormatter.ofPattern(pattern.toString()));
    }
}
