package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.GeoPoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code french_gps_coordinates}: the column's {@code geopoint} lies in France (see
 * {@link FrenchTerritory}). The commonest mistake, latitude written before longitude, gets its
 * own message: the swapped point then lands in France.
 */
final class FrenchGpsCoordinates implements CustomCheck {

    static final String NAME = "french-gps-coordinates";

    private final String field;

    private FrenchGpsCoordinates(String field) {
        this.field = field;
    }

    /** Only on a geopoint column: on any other, there is no point to check and the check is unsupported. */
    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        return CustomCheckRegistry.column(params, fields)
                .filter(column -> column.type().name().equals("geopoint"))
                .map(column -> new FrenchGpsCoordinates(column.name()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.FRENCH_GPS_COORDINATES;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public Optional<Violation> check(Object value, String text) {
        if (!(value instanceof GeoPoint point) || FrenchTerritory.contains(point.lon(), point.lat())) {
            return Optional.empty();
        }
        if (FrenchTerritory.contains(point.lat(), point.lon())) {
            return Optional.of(new Violation("a sa latitude et sa longitude inversées : le point tombe hors de France, "
                    + "mais en France une fois les deux nombres échangés",
                    "Échangez les deux nombres : la longitude d'abord, puis la latitude, par exemple [2.3522, 48.8566] "
                            + "pour Paris."));
        }
        return Optional.of(new Violation("désigne un point situé hors de France (métropole et départements d'outre-mer)",
                ErrorCode.FRENCH_GPS_COORDINATES.defaultHint()));
    }
}
