package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.ColumnMatcher;
import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.mapping.HeaderWords;
import fr.passerelle.quality.engine.mapping.LooseKey;
import fr.passerelle.quality.engine.mapping.MatchKind;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Two columns of a coordinate pair — {@code COORD_X}/{@code COORD_Y}, Longitude/Latitude, {@code X_L93}/{@code Y_L93},
 * as GIS tools export them — when the schema wants one point field (IRVE's {@code coordonneesXY}) that the file
 * lacks: the pair becomes that field's column, written in its format, before the other fixes run. A pair in
 * Lambert-93 or CC42–50 metres is then converted to WGS84 by {@link ReprojectionFix}, a swapped one put back by
 * {@link LatLonSwapFix}, each reported on its own.
 *
 * <p>Decided on the header alone (labels that name nothing but an x or a y coordinate, exactly one of each,
 * among the columns no field claims), so it needs no first pass of its own: the planner and the fixing pass
 * both read the file through it.
 */
final class CoordinatePairJoin implements ColumnJoin {

    private static final Set<String> X_WORDS = Set.of("x", "lon", "lng", "long", "longitude", "easting");
    private static final Set<String> Y_WORDS = Set.of("y", "lat", "latitude", "northing");
    /** Words that may stand beside x or y in a coordinate column's label, and nothing else. */
    private static final Set<String> COORDINATE_WORDS = Set.of("coordonnee", "coordinate", "geographique", "point",
            "gps", "wgs84", "wgs", "84", "l93", "lambert", "lambert93", "93", "rgf93", "epsg", "2154", "4326", "projection",
            "proj", "metre", "m", "degre", "deg", "dd", "xy");
    private static final Pattern CC_ZONE = Pattern.compile("cc(4[2-9]|50)|39(4[2-9]|50)");
    private static final Pattern GLUED = Pattern.compile(
            "^(?:coord|coordonnee|coordonnees)?(x|y|lon|lng|long|longitude|lat|latitude)(?:l93|lambert93|wgs84|gps|cc\\d\\d)?$");

    private final PointCells.GeoPointField point;
    private final int xColumn;
    private final int yColumn;
    private final String xLabel;
    private final String yLabel;

    private CoordinatePairJoin(PointCells.GeoPointField point, int xColumn, int yColumn, String xLabel, String yLabel) {
        this.point = point;
        this.xColumn = xColumn;
        this.yColumn = yColumn;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** The pair to join in this header, if the schema wants one point field the header lacks and has exactly one pair. */
    static Optional<CoordinatePairJoin> of(List<String> header, TableSchema schema, ColumnOverrides overrides) {
        if (!(PointCells.of(schema).orElse(null) instanceof PointCells.GeoPointField point)) {
            return Optional.empty();
        }
        List<ColumnMatch> matches = ColumnMatcher.match(header, schema, overrides).columns();
        // COORD_X is a close spelling of coordonneesXY, and yet only half of it: a close spelling does not claim the point.
        if (matches.stream().anyMatch(match -> point.field().name().equals(match.field())
                && !(match.how() == MatchKind.FUZZY && axis(match.label()) != ' '))) {
            return Optional.empty();
        }
        int x = -1;
        int y = -1;
        for (ColumnMatch match : matches) {
            boolean claimed = match.field() != null && !point.field().name().equals(match.field());
            if (claimed || match.how() == MatchKind.USER) {
                continue;
            }
            switch (axis(match.label())) {
                case 'x' -> x = x == -1 ? match.column() - 1 : -2;
                case 'y' -> y = y == -1 ? match.column() - 1 : -2;
                default -> {
                }
            }
        }
        if (x < 0 || y < 0) {
            return Optional.empty();
        }
        return Optional.of(new CoordinatePairJoin(point, x, y, header.get(x), header.get(y)));
    }

    /** 'x', 'y', or ' ' when the label names something else than one coordinate. */
    static char axis(String label) {
        List<String> words = HeaderWords.of(label).words();
        char axis = ' ';
        for (String word : words) {
            char found = X_WORDS.contains(word) ? 'x' : Y_WORDS.contains(word) ? 'y' : ' ';
            if (found != ' ') {
                if (axis != ' ') {
                    return ' ';
                }
                axis = found;
            } else if (!COORDINATE_WORDS.contains(word) && !CC_ZONE.matcher(word).matches()) {
                return ' ';
            }
        }
        if (axis == ' ' && words.size() == 1) {
            var glued = GLUED.matcher(LooseKey.of(label));
            if (glued.matches()) {
                String name = glued.group(1);
                axis = X_WORDS.contains(name) ? 'x' : 'y';
            }
        }
        return axis;
    }

    /** {@code source} read with the pair joined; fixes told to {@code log}, once per row. */
    static TableSource wrap(TableSource source, TableSchema schema, ColumnOverrides overrides, FixLog log) {
        return ColumnJoin.wrap(source, header -> of(header, schema, overrides), log);
    }

    /**
     * {@code source} with the columns the schema wants as one joined: an address split over its parts
     * ({@link AddressPartsJoin}), then a coordinate pair. Both are decided on the header alone.
     */
    static TableSource joinColumns(TableSource source, TableSchema schema, ColumnOverrides overrides, FixLog log) {
        return wrap(AddressPartsJoin.wrap(source, schema, overrides, log), schema, overrides, log);
    }

    @Override
    public List<String> header(List<String> labels) {
        List<String> joined = new ArrayList<>(labels);
        joined.set(xColumn, point.field().name());
        joined.remove(yColumn);
        return joined;
    }

    @Override
    public List<String> row(long number, List<String> cells, FixLog log) {
        String x = xColumn < cells.size() ? cells.get(xColumn) : "";
        String y = yColumn < cells.size() ? cells.get(yColumn) : "";
        List<String> joined = new ArrayList<>(cells);
        while (joined.size() <= Math.max(xColumn, yColumn)) {
            joined.add("");
        }
        String value;
        if (x.isBlank() && y.isBlank()) {
            value = "";
        } else {
            Optional<String> xNumber = PointCells.number(x);
            Optional<String> yNumber = PointCells.number(y);
            value = spelled(xNumber.orElse(x.strip()), yNumber.orElse(y.strip()));
            log.applied(FixCode.COORDINATES_JOINED, point.field().name(), "Les colonnes « " + xLabel + " » et « " + yLabel
                            + " » ont été réunies dans le champ « " + point.field().name() + " ».",
                    new FixSample(number, x + " ; " + y, value));
        }
        joined.set(xColumn, value);
        joined.remove(yColumn);
        return joined;
    }

    private String spelled(String x, String y) {
        return PointCells.GeoPointField.spelled(point.field(), x, y);
    }
}
