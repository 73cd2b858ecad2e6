package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.schema.Field;

import java.util.Optional;

/**
 * A point typed in one cell the way clerks type it — "45,19 ; 5,71", "(45.19 5.71)" — rewritten in the
 * geopoint field's format ("lon, lat", [lon, lat] or an object), numbers in the order written: a latitude
 * written first is then put back by {@link LatLonSwapFix}, which reads the same spellings.
 */
final class GeoPointSpellingFix implements ColumnFix {

    private final Field field;
    private long fixable;

    private GeoPointSpellingFix(Field field) {
        this.field = field;
    }

    static Optional<ColumnFix> of(Field field) {
        return field.type().name().equals("geopoint") ? Optional.of(new GeoPointSpellingFix(field)) : Optional.empty();
    }

    @Override
    public FixCode code() {
        return FixCode.GEOPOINT_SPELLING;
    }

    @Override
    public void observe(long row, String text, boolean accepted) {
        if (!accepted && PointCells.typedPair(text).isPresent()) {
            fixable++;
        }
    }

    @Override
    public boolean decide(FixLog log) {
        return fixable > 0;
    }

    @Override
    public Optional<String> fix(String text, boolean accepted) {
        if (accepted) {
            return Optional.empty();
        }
        return PointCells.typedPair(text).map(pair -> PointCells.GeoPointField.spelled(field, pair[0], pair[1]));
    }

    @Override
    public String description() {
        return "Les points de la colonne « " + field.name() + " » ont été réécrits au format du schéma ("
                + (field.format().equals("array") ? "[longitude, latitude]" : field.format().equals("object")
                ? "{\"lon\": …, \"lat\": …}" : "longitude, latitude") + "), avec un point décimal.";
    }
}
