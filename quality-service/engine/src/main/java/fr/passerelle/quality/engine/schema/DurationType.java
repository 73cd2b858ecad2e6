package fr.passerelle.quality.engine.schema;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO 8601 duration such as {@code P1Y2M10DT2H30M}. Java splits these between {@code Period}
 * and {@code Duration}, neither reading both halves, hence this small parser.
 */
final class DurationType implements FieldType {

    private static final Pattern ISO = Pattern.compile(
            "(-)?P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:[.,]\\d+)?)S)?)?");
    private static final int[] DATE_GROUPS = {2, 3, 4, 5};
    private static final int[] TIME_GROUPS = {6, 7, 8};
    /** Beyond this a count is no human duration (and would overflow a long). */
    private static final int MAX_DIGITS = 15;

    @Override
    public String name() {
        return "duration";
    }

    @Override
    public Optional<Object> cast(String text) {
        Matcher matcher = ISO.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        boolean hasDate = anyPresent(matcher, DATE_GROUPS);
        boolean hasTime = anyPresent(matcher, TIME_GROUPS);
        // "P" and "P1DT" are not durations: something must be counted, and a T must be followed by a count.
        if (!hasDate && !hasTime || text.endsWith("T")) {
            return Optional.empty();
        }
        for (int group = 2; group <= 8; group++) {
            String count = matcher.group(group);
            if (count != null && count.length() > MAX_DIGITS) {
                return Optional.empty();
            }
        }
        return Optional.of(new IsoDuration(matcher.group(1) != null, count(matcher, 2), count(matcher, 3),
                count(matcher, 4), count(matcher, 5), count(matcher, 6), count(matcher, 7),
                matcher.group(8) == null ? BigDecimal.ZERO
                        : new BigDecimal(matcher.group(8).replace(',', '.')).stripTrailingZeros()));
    }

    private static boolean anyPresent(Matcher matcher, int[] groups) {
        for (int group : groups) {
            if (matcher.group(group) != null) {
                return true;
            }
        }
        return false;
    }

    private static long count(Matcher matcher, int group) {
        return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
    }

    @Override
    public String expected() {
        return "une durée au format ISO 8601";
    }

    @Override
    public String hint() {
        return "Saisissez une durée au format ISO 8601 : P, puis les années (Y), mois (M), jours (D), puis T et les "
                + "heures (H), minutes (M), secondes (S), par exemple PT1H30M pour une heure et demie ou P2D pour deux jours.";
    }

    /** The parts of a duration, as written: "P1D" and "PT24H" differ, as they do across a change of time. */
    record IsoDuration(boolean negative, long years, long months, long weeks, long days, long hours, long minutes,
                       BigDecimal seconds) {
    }
}
