package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point on Earth, longitude first, in one of the three Table Schema spellings: {@code "lon, lat"}
 * (format {@code default}), {@code [lon, lat]} ({@code array}) or {@code {"lon": …, "lat": …}}
 * ({@code object}). Coordinates out of range (longitude beyond ±180, latitude beyond ±90) are no point.
 */
final class GeoPointType implements FieldType {

    private static final String DECIMAL = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final Pattern LON_LAT = Pattern.compile("(" + DECIMAL + ")\\s*,\\s*(" + DECIMAL + ")");
    private static final Pattern DECIMAL_TEXT = Pattern.compile(DECIMAL);

    enum Format { DEFAULT, ARRAY, OBJECT }

    private final Format format;

    GeoPointType(Format format) {
        this.format = format;
    }

    /** @return empty for a format the spec does not define */
    static Optional<FieldType> of(String format) {
        return switch (format) {
            case "default" -> Optional.of(new GeoPointType(Format.DEFAULT));
            case "array" -> Optional.of(new GeoPointType(Format.ARRAY));
            case "object" -> Optional.of(new GeoPointType(Format.OBJECT));
            default -> Optional.empty();
        };
    }

    @Override
    public String name() {
        return "geopoint";
    }

    @Override
    public Optional<Object> cast(String text) {
        return switch (format) {
            case DEFAULT -> fromLonLatText(text);
            case ARRAY -> {
                double[] pair = plainPair(text);
                yield pair != null ? point(pair[0], pair[1]) : JsonText.parse(text)
                        .filter(node -> node.isArray() && node.size() == 2)
                        .flatMap(node -> point(number(node.get(0)), number(node.get(1))));
            }
            case OBJECT -> JsonText.parse(text)
                    .filter(node -> node.isObject() && node.size() == 2 && node.has("lon") && node.has("lat"))
                    .flatMap(node -> point(number(node.get("lon")), number(node.get("lat"))));
        };
    }

    /**
     * {@code [lon, lat]} with two JSON numbers, as nearly every cell of an array geopoint column is, read without a
     * JSON parser (a tenth of its time); {@code null} for anything else, which the parser then reads. Each number gets
     * the value Jackson gives it (see {@link #value}), so both ways give the same point.
     */
    static double[] plainPair(String text) {
        int[] at = {0};
        skipSpace(text, at);
        if (!next(text, at, '[')) {
            return null;
        }
        double lon = numberBefore(text, at, ',');
        double lat = Double.isNaN(lon) ? Double.NaN : numberBefore(text, at, ']');
        if (Double.isNaN(lat)) {
            return null;
        }
        skipSpace(text, at);
        return at[0] == text.length() ? new double[] {lon, lat} : null;
    }

    /** A JSON number between white space, then {@code end}: its value (see {@link #value}), or NaN if not that. */
    private static double numberBefore(String text, int[] at, char end) {
        skipSpace(text, at);
        int start = at[0];
        if (!jsonNumber(text, at)) {
            return Double.NaN;
        }
        int stop = at[0];
        skipSpace(text, at);
        return next(text, at, end) ? value(text.substring(start, stop)) : Double.NaN;
    }

    /**
     * A JSON number's value as Jackson gives it: a decimal by {@link Double#parseDouble}; an integer as a long
     * ({@code -0} is 0, not -0.0); NaN for an integer too long for a long, left to the parser.
     */
    private static double value(String number) {
        if (number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0) {
            return number.length() > 18 ? Double.NaN : (double) Long.parseLong(number);
        }
        return Double.parseDouble(number);
    }

    private static boolean next(String text, int[] at, char expected) {
        if (at[0] < text.length() && text.charAt(at[0]) == expected) {
            at[0]++;
            return true;
        }
        return false;
    }

    /** JSON's own white space, the only one its parser skips. */
    private static void skipSpace(String text, int[] at) {
        while (at[0] < text.length()) {
            char c = text.charAt(at[0]);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at[0]++;
        }
    }

    /** JSON's number grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private static boolean jsonNumber(String text, int[] at) {
        int i = at[0];
        int n = text.length();
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        if (i >= n || !isDigit(text.charAt(i))) {
            return false;
        }
        if (text.charAt(i) == '0') {
            i++;
        } else {
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            int digits = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int digits = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        at[0] = i;
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Optional<Object> fromLonLatText(String text) {
        Matcher matcher = LON_LAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return point(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)));
    }

    /** A JSON number, or a JSON string holding a plain decimal; anything else is NaN, hence rejected. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual() && DECIMAL_TEXT.matcher(node.textValue()).matches()) {
            return Double.parseDouble(node.textValue());
        }
        return Double.NaN;
    }

    private static Optional<Object> point(double lon, double lat) {
        // NaN fails both range checks.
        if (GeoPoint.isLongitude(lon) && GeoPoint.isLatitude(lat)) {
            return Optional.of(new GeoPoint(lon, lat));
        }
        return Optional.empty();
    }

    @Override
    public String expected() {
        return "un point géographique au format " + spelling() + ", avec une longitude entre -180 et 180 et une latitude "
                + "entre -90 et 90";
    }

    @Override
    public String hint() {
        return "Saisissez la longitude puis la latitude en degrés décimaux, avec un point comme séparateur décimal, "
                + "au format " + spelling() + ", par exemple " + example() + " pour Paris.";
    }

    private String spelling() {
        return switch (format) {
            case DEFAULT -> "« longitude, latitude »";
            case ARRAY -> "[longitude, latitude]";
            case OBJECT -> "{\"lon\": longitude, \"lat\": latitude}";
        };
    }

    private String example() {
        return switch (format) {
            case DEFAULT -> "« 2.3522, 48.8566 »";
            case ARRAY -> "[2.3522, 48.8566]";
            case OBJECT -> "{\"lon\": 2.3522, \"lat\": 48.8566}";
        };
    }
}
