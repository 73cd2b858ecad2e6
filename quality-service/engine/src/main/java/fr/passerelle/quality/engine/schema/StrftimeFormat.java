package fr.passerelle.quality.engine.schema;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * A Table Schema date/time format such as {@code %d/%m/%Y} (Python strftime directives), turned
 * into a Java parser, the French way of writing it ("JJ/MM/AAAA") and an example ("31/03/2024").
 */
record StrftimeFormat(DateTimeFormatter parser, String label, String example) {

    /**
     * @return empty when the pattern uses a directive not supported yet (TODO %b, %B, %a, %A, %p,
     *         %f, %z, %j, %I: month and day names, AM/PM, fractions, offsets, day of year)
     */
    static Optional<StrftimeFormat> of(String pattern) {
        String directives = pattern.startsWith("fmt:") ? pattern.substring(4) : pattern;
        DateTimeFormatterBuilder parser = new DateTimeFormatterBuilder();
        StringBuilder label = new StringBuilder();
        StringBuilder example = new StringBuilder();
        for (int i = 0; i < directives.length(); i++) {
            char c = directives.charAt(i);
            if (c != '%') {
                parser.appendLiteral(c);
                label.append(c);
                example.append(c);
            } else if (i + 1 == directives.length() || !appendDirective(directives.charAt(++i), parser, label, example)) {
                return Optional.empty();
            }
        }
        DateTimeFormatter formatter = parser.toFormatter().withResolverStyle(ResolverStyle.STRICT);
        return Optional.of(new StrftimeFormat(formatter, label.toString(), example.toString()));
    }

    private static boolean appendDirective(char directive, DateTimeFormatterBuilder parser, StringBuilder label,
                                           StringBuilder example) {
        switch (directive) {
            case 'Y' -> parser.appendValue(ChronoField.YEAR, 4);
            case 'y' -> parser.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
            // strptime accepts unpadded months, days and times ("1/3/2024"): so do we.
            case 'm' -> parser.appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE);
            case 'd' -> parser.appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE);
            case 'H' -> parser.appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE);
            case 'M' -> parser.appendValue(ChronoField.MINUTE_OF_HOUR, 1, 2, SignStyle.NOT_NEGATIVE);
            case 'S' -> parser.appendValue(ChronoField.SECOND_OF_MINUTE, 1, 2, SignStyle.NOT_NEGATIVE);
            case '%' -> parser.appendLiteral('%');
            default -> {
                return false;
            }
        }
        label.append(switch (directive) {
            case 'Y' -> "AAAA";
            case 'y' -> "AA";
            case 'm' -> "MM";
            case 'd' -> "JJ";
            case 'H' -> "hh";
            case 'M' -> "mm";
            case 'S' -> "ss";
            default -> "%";
        });
        example.append(switch (directive) {
            case 'Y' -> "2024";
            case 'y' -> "24";
            case 'm' -> "03";
            case 'd' -> "31";
            case 'H' -> "14";
            case 'M' -> "30";
            case 'S' -> "00";
            default -> "%";
        });
        return true;
    }
}
