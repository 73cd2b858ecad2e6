package fr.passerelle.quality.engine.schema;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Optional;

/**
 * Calendar dates: ISO {@code AAAA-MM-JJ} by default, a strftime pattern such as {@code %d/%m/%Y}
 * when the field's format gives one, or the usual French spellings when the format is {@code any}.
 */
final class DateType implements FieldType {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final List<DateTimeFormatter> parsers;
    private final String label;
    private final String example;

    private DateType(List<DateTimeFormatter> parsers, String label, String example) {
        this.parsers = parsers;
        this.label = label;
        this.example = example;
    }

    /** @return empty when the format cannot be understood yet (see {@link StrftimeFormat}) */
    static Optional<FieldType> of(String format) {
        switch (format) {
            case "default":
                return Optional.of(new DateType(List.of(ISO), "AAAA-MM-JJ", "2024-03-31"));
            case "any":
                return Optional.of(new DateType(List.of(ISO, strict("d/M/uuuu"), strict("d-M-uuuu"),
                        strict("d.M.uuuu"), strict("uuuu/M/d")), "AAAA-MM-JJ ou JJ/MM/AAAA", "2024-03-31"));
            default:
                return StrftimeFormat.of(format)
                        .map(pattern -> new DateType(List.of(pattern.parser()), pattern.label(), pattern.example()));
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    @Override
    public String name() {
        return "date";
    }

    @Override
    public Optional<Object> cast(String text) {
        return TemporalParsing.parse(parsers, text).map(parsed -> {
            Object date = parsed.query(TemporalQueries.localDate());
            return date != null ? date : text;
        });
    }

    @Override
    public String expected() {
        return "une date au format " + label;
    }

    @Override
    public String hint() {
        return "Saisissez une date réelle au format " + label + ", par exemple " + example + ".";
    }
}
