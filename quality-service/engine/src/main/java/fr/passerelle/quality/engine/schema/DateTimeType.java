package fr.passerelle.quality.engine.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Optional;

/**
 * Date and time: ISO 8601 by default ({@code 2024-03-31T14:30:00Z}, the offset optional), a
 * strftime pattern when the format gives one, a few common spellings for {@code any}.
 */
final class DateTimeType implements FieldType {

    // ISO_LOCAL_DATE_TIME then an optional offset (Z or +01:00).
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private final List<DateTimeFormatter> parsers;
    private final String label;
    private final String example;

    private DateTimeType(List<DateTimeFormatter> parsers, String label, String example) {
        this.parsers = parsers;
        this.label = label;
        this.example = example;
    }

    /** @return empty when the format cannot be understood yet (see {@link StrftimeFormat}) */
    static Optional<FieldType> of(String format) {
        switch (format) {
            case "default":
                return Optional.of(new DateTimeType(List.of(ISO), "AAAA-MM-JJThh:mm:ss", "2024-03-31T14:30:00Z"));
            case "any":
                return Optional.of(new DateTimeType(List.of(ISO, strict("uuuu-MM-dd HH:mm[:ss]"),
                        strict("d/M/uuuu HH:mm[:ss]")), "AAAA-MM-JJThh:mm:ss", "2024-03-31T14:30:00Z"));
            default:
                return StrftimeFormat.of(format)
                        .map(pattern -> new DateTimeType(List.of(pattern.parser()), pattern.label(), pattern.example()));
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    @Override
    public String name() {
        return "datetime";
    }

    @Override
    public Optional<Object> cast(String text) {
        return TemporalParsing.parse(parsers, text).map(parsed -> comparable(parsed, text));
    }

    /**
     * A LocalDateTime, or an OffsetDateTime when an offset is given: a meaningful {@code equals} for
     * enum constraints, an order for minimum and maximum.
     */
    private static Object comparable(TemporalAccessor parsed, String text) {
        LocalDate date = parsed.query(TemporalQueries.localDate());
        LocalTime time = parsed.query(TemporalQueries.localTime());
        ZoneOffset offset = parsed.query(TemporalQueries.offset());
        if (date == null || time == null) {
            return text;
        }
        return offset == null ? LocalDateTime.of(date, time) : OffsetDateTime.of(date, time, offset);
    }

    @Override
    public String expected() {
        return "une date et heure au format " + label;
    }

    @Override
    public String hint() {
        return "Saisissez la date et l'heure au format " + label + ", par exemple " + example + ".";
    }
}
