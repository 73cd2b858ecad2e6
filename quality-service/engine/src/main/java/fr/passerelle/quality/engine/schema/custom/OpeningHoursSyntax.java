package fr.passerelle.quality.engine.schema.custom;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser of the OpenStreetMap {@code opening_hours} syntax (https://wiki.openstreetmap.org/wiki/Key:opening_hours/
 * specification), its common subset: rules separated by ";", "," or "||"; "24/7"; years ("2024", "2024-2026"),
 * months and dates ("Jan-Mar", "Dec 25", "Jan 01-Feb 15"), weeks ("week 01-26/2"), an optional ":" after them;
 * weekdays ("Mo-Fr", "Mo,We", "Th[1,-1]"), holidays ("PH", "SH", "PH +1 day"); times ("08:00-12:00", extended
 * hours up to 48:00, "10:00+", intervals "/01:30", sunrise/sunset/dawn/dusk with offsets "(sunset-01:00)"); modifiers
 * (open, closed, off, unknown) and comments in double quotes. Only the syntax is checked, as Validata's validator does.
 */
final class OpeningHoursSyntax {

    private static final Pattern SPACES = Pattern.compile("\\s*");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}(\\s*-\\s*(19|20)\\d{2})?(/\\d+)?\\+?");
    private static final String MONTHS = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final Pattern MONTH_RANGE = Pattern.compile(MONTHS + "(\\s+\\d{1,2})?(\\s*-\\s*(" + MONTHS
            + "(\\s+\\d{1,2})?|\\d{1,2}))?\\+?");
    private static final Pattern WEEK = Pattern.compile("week\\s*\\d{1,2}(\\s*-\\s*\\d{1,2})?(/\\d+)?"
            + "(\\s*,\\s*\\d{1,2}(\\s*-\\s*\\d{1,2})?(/\\d+)?)*");
    private static final String DAY = "(Mo|Tu|We|Th|Fr|Sa|Su)";
    private static final String NTH = "\\[\\s*-?[1-5](\\s*-\\s*[1-5])?(\\s*,\\s*-?[1-5](\\s*-\\s*[1-5])?)*\\s*]";
    private static final String DAY_OFFSET = "(\\s+[+-]\\d+\\s+days?)?";
    private static final Pattern WEEKDAY = Pattern.compile(DAY + "(\\s*-\\s*" + DAY + "|\\s*" + NTH + DAY_OFFSET + ")?");
    private static final Pattern HOLIDAY = Pattern.compile("(PH|SH)" + DAY_OFFSET);
    private static final String CLOCK = "(([01]?\\d|2\\d|3\\d|4[0-7]):[0-5]\\d|48:00)";
    private static final String EVENT = "(sunrise|sunset|dawn|dusk)";
    private static final String TIME = "(" + CLOCK + "|" + EVENT + "|\\(\\s*" + EVENT + "\\s*[+-]\\s*" + CLOCK
            + "\\s*\\))";
    private static final Pattern TIMESPAN = Pattern.compile(TIME + "(\\s*-\\s*" + TIME + "(\\s*/\\s*(" + CLOCK
            + "|\\d+))?\\+?|\\+)?");
    private static final Pattern MODIFIER = Pattern.compile("(open|closed|off|unknown)\\b");
    private static final Pattern COMMENT = Pattern.compile("\"[^\"]*\"");

    private final String text;
    private int at;

    private OpeningHoursSyntax(String text) {
        this.text = text;
    }

    static boolean isValid(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return new OpeningHoursSyntax(value.strip()).rules();
    }

    private boolean rules() {
        if (!rule()) {
            return false;
        }
        while (!end()) {
            if (!(take(";") || take("||") || take(","))) {
                return false;
            }
            skip();
            if (end()) {
                // A trailing ";" is tolerated by the reference implementations.
                return true;
            }
            if (!rule()) {
                return false;
            }
        }
        return true;
    }

    /** One rule: "24/7", or selectors from the widest to the smallest, then a modifier and a comment. */
    private boolean rule() {
        boolean any = false;
        if (take("24/7")) {
            any = true;
        } else {
            boolean wide = list(List.of(YEAR)) | list(List.of(MONTH_RANGE)) | list(List.of(WEEK));
            if (wide) {
                take(":");
            }
            boolean small = list(List.of(HOLIDAY, WEEKDAY));
            boolean times = list(List.of(TIMESPAN));
            any = wide || small || times;
        }
        boolean modifier = match(MODIFIER);
        boolean comment = match(COMMENT);
        return any || modifier || comment;
    }

    /** One or more comma-separated items of the same kind; a comma followed by something else ends the list. */
    private boolean list(List<Pattern> kinds) {
        if (!any(kinds)) {
            return false;
        }
        while (true) {
            int before = at;
            if (take(",") && any(kinds)) {
                continue;
            }
            at = before;
            return true;
        }
    }

    private boolean any(List<Pattern> kinds) {
        for (Pattern kind : kinds) {
            if (match(kind)) {
                return true;
            }
        }
        return false;
    }

    private boolean match(Pattern pattern) {
        skip();
        Matcher matcher = pattern.matcher(text).region(at, text.length());
        if (matcher.lookingAt() && matcher.end() > at && boundary(matcher.end())) {
            at = matcher.end();
            skip();
            return true;
        }
        return false;
    }

    /** A token ends where a letter or digit does not go on: "Mon" is not "Mo" followed by "n". */
    private boolean boundary(int end) {
        return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end))
                || !Character.isLetterOrDigit(text.charAt(end - 1));
    }

    private boolean take(String token) {
        skip();
        if (text.startsWith(token, at)) {
            at += token.length();
            skip();
            return true;
        }
        return false;
    }

    private void skip() {
        Matcher spaces = SPACES.matcher(text).region(at, text.length());
        if (spaces.lookingAt()) {
            at = spaces.end();
        }
    }

    private boolean end() {
        return at >= text.length();
    }
}
