package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.read.RecentResults;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.validation.ColumnMapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a row keeps its point: two number fields (longitude and latitude, told apart by their
 * names) or one geopoint field. Reads the two numbers as stored (x first, where the longitude
 * should be) and writes them back in the field's spelling.
 */
sealed interface PointCells {

    /** Decimal degrees written with 7 decimals: about 1 cm, finer than any survey of street furniture. */
    int DECIMALS = 7;
    Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

    /**
     * A point as stored: {@code x} where the longitude belongs, {@code y} where the latitude does.
     *
     * @param xText the stored text of x, kept so that a swap does not round it
     */
    record Point(double x, double y, String xText, String yText) {

        boolean isDegrees() {
            return Math.abs(x) <= 180 && Math.abs(y) <= 90;
        }

        @Override
        public String toString() {
            return xText + " ; " + yText;
        }
    }

    Optional<Point> read(List<String> cells, ColumnMapping columns);

    /** Writes the point's texts as they are (x where the longitude goes). */
    void write(List<String> cells, ColumnMapping columns, String xText, String yText);

    /** The field names, for the report. */
    String label();

    /** Writes decimal degrees in the schema's spelling. */
    default void writeDegrees(List<String> cells, ColumnMapping columns, double lon, double lat) {
        write(cells, columns, degrees(lon), degrees(lat));
    }

    static String degrees(double value) {
        return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The schema's point fields: a longitude and a latitude number field, else the first geopoint field. */
    static Optional<PointCells> of(TableSchema schema) {
        List<Field> fields = schema.fields();
        int lon = -1;
        int lat = -1;
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (!field.type().name().equals("number")) {
                continue;
            }
            String name = FieldValues.nameKey(field);
            if (lon < 0 && isLongitude(name)) {
                lon = i;
            } else if (lat < 0 && isLatitude(name)) {
                lat = i;
            }
        }
        if (lon >= 0 && lat >= 0) {
            return Optional.of(new TwoFields(fields.get(lon), lon, fields.get(lat), lat));
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).type().name().equals("geopoint")) {
                return Optional.of(new GeoPointField(fields.get(i), i));
            }
        }
        return Optional.empty();
    }

    // "lat_"/"long_" prefixes: dae's lat_coor1 and long_coor1.
    static boolean isLongitude(String name) {
        return name.contains("longitude") || List.of("lon", "long", "lng", "x").contains(name) || name.startsWith("xlon")
                || name.startsWith("x_lon") || name.endsWith("_lon") || name.endsWith("_long") || name.endsWith("_lng")
                || name.startsWith("lon_") || name.startsWith("long_") || name.startsWith("lng_");
    }

    static boolean isLatitude(String name) {
        return name.contains("latitude") || List.of("lat", "y").contains(name) || name.startsWith("ylat")
                || name.startsWith("y_lat") || name.endsWith("_lat") || name.startsWith("lat_");
    }

    /** A number as clerks type it: decimal point or comma, spaces around. */
    static Optional<String> number(String text) {
        String trimmed = text.strip();
        String dotted = trimmed.indexOf('.') < 0 ? trimmed.replace(',', '.') : trimmed;
        return NUMBER.matcher(dotted).matches() ? Optional.of(dotted) : Optional.empty();
    }

    /**
     * @param lonIndex the longitude field's index in the schema
     */
    record TwoFields(Field lon, int lonIndex, Field lat, int latIndex) implements PointCells {

        @Override
        public Optional<Point> read(List<String> cells, ColumnMapping columns) {
            int x = columns.columnOf(lonIndex);
            int y = columns.columnOf(latIndex);
            if (x < 0 || y < 0 || x >= cells.size() || y >= cells.size()) {
                return Optional.empty();
            }
            Optional<String> xText = number(cells.get(x));
            Optional<String> yText = number(cells.get(y));
            if (xText.isEmpty() || yText.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Point(Double.parseDouble(xText.get()), Double.parseDouble(yText.get()),
                    cells.get(x), cells.get(y)));
        }

        @Override
        public void write(List<String> cells, ColumnMapping columns, String xText, String yText) {
            cells.set(columns.columnOf(lonIndex), inSchemaSpelling(lon, xText));
            cells.set(columns.columnOf(latIndex), inSchemaSpelling(lat, yText));
        }

        @Override
        public String label() {
            return lon.name() + " et " + lat.name();
        }

        private static String inSchemaSpelling(Field field, String number) {
            if (FieldValues.accepts(field, number) || !FieldValues.accepts(field, number.replace('.', ','))) {
                return number;
            }
            return number.replace('.', ',');
        }
    }

    /**
     * Two numbers as clerks type a point in one cell: "45,19 ; 5,71", "(45.19 5.71)", "45,19 5,71" — decimal
     * commas once a semicolon or a space separates the numbers. Returned with decimal points, in the order
     * written; empty when the text is no such pair.
     */
    static Optional<String[]> typedPair(String text) {
        String inner = text.strip().replaceAll("^[\\[(]\\s*|\\s*[\\])]$", "");
        String[] parts;
        if (inner.contains(";")) {
            parts = inner.split("\\s*;\\s*", -1);
        } else if (inner.matches("\\S+\\s+\\S+")) {
            parts = inner.split("\\s+");
        } else {
            return Optional.empty();
        }
        if (parts.length != 2) {
            return Optional.empty();
        }
        Optional<String> x = number(parts[0].replace(',', '.'));
        Optional<String> y = number(parts[1].replace(',', '.'));
        return x.isPresent() && y.isPresent() ? Optional.of(new String[] {x.get(), y.get()}) : Optional.empty();
    }

    /**
     * A geopoint field in any of its three formats.
     *
     * @param parsed the points of the texts met lately: each row is read by two fixes on both passes, and a
     *               station's charge points repeat its point
     */
    record GeoPointField(Field field, int index, RecentResults<Optional<Point>> parsed) implements PointCells {

        private static final String NUM = "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))";
        private static final Pattern PAIR = Pattern.compile("\\[?\\s*" + NUM + "\\s*,\\s*" + NUM + "\\s*]?");
        private static final Pattern LON = Pattern.compile("\"lon\"\\s*:\\s*\"?" + NUM);
        private static final Pattern LAT = Pattern.compile("\"lat\"\\s*:\\s*\"?" + NUM);

        GeoPointField(Field field, int index) {
            this(field, index, new RecentResults<>(GeoPointField::parse));
        }

        @Override
        public Optional<Point> read(List<String> cells, ColumnMapping columns) {
            int column = columns.columnOf(index);
            if (column < 0 || column >= cells.size()) {
                return Optional.empty();
            }
            return parsed.get(cells.get(column));
        }

        private static Optional<Point> parse(String text) {
            Matcher pair = PAIR.matcher(text);
            if (pair.matches()) {
                return Optional.of(new Point(Double.parseDouble(pair.group(1)), Double.parseDouble(pair.group(2)),
                        pair.group(1), pair.group(2)));
            }
            Optional<String[]> typed = typedPair(text);
            if (typed.isPresent()) {
                return Optional.of(new Point(Double.parseDouble(typed.get()[0]), Double.parseDouble(typed.get()[1]),
                        typed.get()[0], typed.get()[1]));
            }
            Matcher lon = LON.matcher(text);
            Matcher lat = LAT.matcher(text);
            if (text.startsWith("{") && lon.find() && lat.find()) {
                return Optional.of(new Point(Double.parseDouble(lon.group(1)), Double.parseDouble(lat.group(1)),
                        lon.group(1), lat.group(1)));
            }
            return Optional.empty();
        }

        @Override
        public void write(List<String> cells, ColumnMapping columns, String xText, String yText) {
            cells.set(columns.columnOf(index), spelled(field, xText, yText));
        }

        /** The point as {@code field}'s format writes it, longitude (x) first. */
        static String spelled(Field field, String xText, String yText) {
            return switch (field.format()) {
                case "array" -> "[" + xText + "," + yText + "]";
                case "object" -> "{\"lon\": " + xText + ", \"lat\": " + yText + "}";
                default -> xText + ", " + yText;
            };
        }

        @Override
        public String label() {
            return field.name();
        }
    }
}
