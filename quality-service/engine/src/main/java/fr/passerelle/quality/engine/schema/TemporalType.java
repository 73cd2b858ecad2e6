package fr.passerelle.quality.engine.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DecimalStyle;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Dates, date-times and times: ISO 8601 by default, a strftime pattern such as {@code %d/%m/%Y}
 * when the field's format gives one, the usual French spellings for {@code any}. Values become
 * java.time objects, so that enum constraints compare them and minimum/maximum order them.
 */
final class TemporalType implements FieldType {

    private final Kind kind;
    private final List<DateTimeFormatter> parsers;
    private final String label;
    private final String example;

    /** The one parser reads AAAA-MM-JJ and nothing else: plain dates are read by hand (see {@link #isoDate}). */
    private final boolean isoDateOnly;

    private TemporalType(Kind kind, List<DateTimeFormatter> parsers, String label, String example) {
        this.kind = kind;
        this.parsers = parsers;
        this.label = label;
        this.example = example;
        // uuuu-MM-dd (the default) and %Y-%m-%d (StrftimeFormat: month and day of one or two digits), strict: both
        // read four digits, a dash, two, a dash, two as that date; any other text goes to the formatter.
        this.isoDateOnly = kind == Kind.DATE && parsers.size() == 1
                && parsers.get(0).getResolverStyle() == ResolverStyle.STRICT
                && parsers.get(0).getDecimalStyle().equals(DecimalStyle.STANDARD)
                && ISO_DATE_PARSERS.contains(parsers.get(0).toString());
    }

    private static final Set<String> ISO_DATE_PARSERS = Set.of(
            "Value(Year,4,19,EXCEEDS_PAD)'-'Value(MonthOfYear,2)'-'Value(DayOfMonth,2)",
            "Value(Year,4)'-'Value(MonthOfYear,1,2,NOT_NEGATIVE)'-'Value(DayOfMonth,1,2,NOT_NEGATIVE)");

    /**
     * A date spelled AAAA-MM-JJ, as nearly every cell of a date column is, read without the formatter (most of a date
     * check's time); null for any other text or an impossible date, which the formatter then reads (and refuses).
     */
    private static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The number written in ASCII digits from {@code start} to {@code end}, or -1. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** @return empty when the format cannot be understood yet (see {@link StrftimeFormat}) */
    static Optional<FieldType> of(Kind kind, String format) {
        return switch (format) {
            case "default" -> Optional.of(new TemporalType(kind, List.of(kind.iso), kind.isoLabel, kind.isoExample));
            case "any" -> Optional.of(new TemporalType(kind, kind.anyParsers, kind.anyLabel, kind.isoExample));
            default -> StrftimeFormat.of(format)
                    .map(pattern -> new TemporalType(kind, List.of(pattern.parser()), pattern.label(), pattern.example()));
        };
    }

    @Override
    public String name() {
        return kind.typeName;
    }

    /** Whether plain AAAA-MM-JJ dates skip the formatter (for the test that compares both ways). */
    boolean readsIsoDatesByHand() {
        return isoDateOnly;
    }

    @Override
    public Optional<Object> cast(String text) {
        if (isoDateOnly) {
            LocalDate date = isoDate(text);
            if (date != null) {
                return Optional.of(date);
            }
        }
        return TemporalParsing.parse(parsers, text).map(parsed -> kind.value.apply(parsed, text));
    }

    @Override
    public String expected() {
        return kind.expected + " au format " + label;
    }

    @Override
    public String hint() {
        return "Saisissez " + kind.toEnter + " au format " + label + ", par exemple " + example + ".";
    }

    /** What differs between dates, date-times and times. */
    enum Kind {
        DATE("date", Formats.DATE, List.of(Formats.DATE, Formats.strict("d/M/uuuu"), Formats.strict("d-M-uuuu"),
                Formats.strict("d.M.uuuu"), Formats.strict("uuuu/M/d")),
                "AAAA-MM-JJ", "AAAA-MM-JJ ou JJ/MM/AAAA", "2024-03-31", "une date", "une date réelle",
                TemporalType::date),
        DATETIME("datetime", Formats.DATE_TIME, List.of(Formats.DATE_TIME, Formats.strict("uuuu-MM-dd HH:mm[:ss]"),
                Formats.strict("d/M/uuuu HH:mm[:ss]")),
                "AAAA-MM-JJThh:mm:ss", "AAAA-MM-JJThh:mm:ss", "2024-03-31T14:30:00Z", "une date et heure",
                "la date et l'heure", TemporalType::dateTime),
        // "14:30" and the French "14h30" too.
        TIME("time", Formats.TIME, List.of(Formats.TIME, Formats.strict("H:mm"), Formats.strict("H'h'mm"),
                Formats.strict("H'h'")),
                "hh:mm:ss", "hh:mm:ss", "14:30:00", "une heure", "une heure", TemporalType::time);

        private final String typeName;
        private final DateTimeFormatter iso;
        private final List<DateTimeFormatter> anyParsers;
        private final String isoLabel;
        private final String anyLabel;
        private final String isoExample;
        private final String expected;
        private final String toEnter;
        private final BiFunction<TemporalAccessor, String, Object> value;

        Kind(String typeName, DateTimeFormatter iso, List<DateTimeFormatter> anyParsers, String isoLabel,
             String anyLabel, String isoExample, String expected, String toEnter,
             BiFunction<TemporalAccessor, String, Object> value) {
            this.typeName = typeName;
            this.iso = iso;
            this.anyParsers = anyParsers;
            this.isoLabel = isoLabel;
            this.anyLabel = anyLabel;
            this.isoExample = isoExample;
            this.expected = expected;
            this.toEnter = toEnter;
            this.value = value;
        }
    }

    private static Object date(TemporalAccessor parsed, String text) {
        LocalDate date = parsed.query(TemporalQueries.localDate());
        return date != null ? date : text;
    }

    /** A LocalDateTime, or an OffsetDateTime when an offset is given. */
    private static Object dateTime(TemporalAccessor parsed, String text) {
        LocalDate date = parsed.query(TemporalQueries.localDate());
        LocalTime time = parsed.query(TemporalQueries.localTime());
        ZoneOffset offset = parsed.query(TemporalQueries.offset());
        if (date == null || time == null) {
            return text;
        }
        return offset == null ? LocalDateTime.of(date, time) : OffsetDateTime.of(date, time, offset);
    }

    /** A LocalTime, or an OffsetTime when an offset is given. */
    private static Object time(TemporalAccessor parsed, String text) {
        LocalTime time = parsed.query(TemporalQueries.localTime());
        if (time == null && parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
            // "14h" resolves to an hour alone.
            time = LocalTime.of(parsed.get(ChronoField.HOUR_OF_DAY), 0);
        }
        ZoneOffset offset = parsed.query(TemporalQueries.offset());
        if (time == null) {
            return text;
        }
        return offset == null ? time : OffsetTime.of(time, offset);
    }

    /** Formatters the kinds share; in a holder so the enum constants can use them. */
    private static final class Formats {

        static final DateTimeFormatter DATE = strict("uuuu-MM-dd");

        // ISO_LOCAL_DATE_TIME then an optional offset (Z or +01:00).
        static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .optionalStart().appendOffsetId().optionalEnd()
                .toFormatter()
                .withResolverStyle(ResolverStyle.STRICT);

        static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
                .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
                .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
                .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                .optionalStart().appendOffsetId().optionalEnd()
                .toFormatter()
                .withResolverStyle(ResolverStyle.STRICT);

        static DateTimeFormatter strict(String pattern) {
            return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
        }
    }
}
