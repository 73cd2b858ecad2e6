package fr.passerelle.quality.engine.schema;

import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Optional;

/**
 * A time of day: ISO 8601 {@code hh:mm:ss} by default (fraction and offset optional), a strftime
 * pattern such as {@code %Hh%M} when the format gives one, common spellings for {@code any}.
 */
final class TimeType implements FieldType {

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private final List<DateTimeFormatter> parsers;
    private final String label;
    private final String example;

    private TimeType(List<DateTimeFormatter> parsers, String label, String example) {
        this.parsers = parsers;
        this.label = label;
        this.example = example;
    }

    /** @return empty when the format cannot be understood yet (see {@link StrftimeFormat}) */
    static Optional<FieldType> of(String format) {
        switch (format) {
            case "default":
                return Optional.of(new TimeType(List.of(ISO), "hh:mm:ss", "14:30:00"));
            case "any":
                // "14:30" and the French "14h30" too.
                return Optional.of(new TimeType(List.of(ISO, strict("H:mm"), strict("H'h'mm"), strict("H'h'")),
                        "hh:mm:ss", "14:30:00"));
            default:
                return StrftimeFormat.of(format)
                        .map(pattern -> new TimeType(List.of(pattern.parser()), pattern.label(), pattern.example()));
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    @Override
    public String name() {
        return "time";
    }

    @Override
    public Optional<Object> cast(String text) {
        return TemporalParsing.parse(parsers, text).map(parsed -> comparable(parsed, text));
    }

    /** A LocalTime, or an OffsetTime when an offset is given: comparable, for minimum and maximum. */
    private static Object comparable(TemporalAccessor parsed, String text) {
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

    @Override
    public String expected() {
        return "une heure au format " + label;
    }

    @Override
    public String hint() {
        return "Saisissez une heure au format " + label + ", par exemple " + example + ".";
    }
}
