package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.List;
import java.util.Optional;

/**
 * Where a schema keeps a point: one geopoint field written "[lon,lat]" ({@code geopoint} set), or a longitude and
 * a latitude number field.
 */
record PointColumns(String geopoint, String longitude, String latitude) {

    private static final List<List<String>> PAIRS = List.of(List.of("Xlong", "Ylat"), List.of("longitude", "latitude"),
            List.of("long_coor1", "lat_coor1"));

    static Optional<PointColumns> of(TableSchema schema) {
        for (Field field : schema.fields()) {
            if (field.type().name().equals("geopoint")) {
                return Optional.of(new PointColumns(field.name(), null, null));
            }
        }
        for (List<String> pair : PAIRS) {
            if (schema.fieldNames().containsAll(pair)) {
                return Optional.of(new PointColumns(null, pair.get(0), pair.get(1)));
            }
        }
        return Optional.empty();
    }

    boolean isGeopoint() {
        return geopoint != null;
    }

    /** {lon, lat} of a "[lon,lat]" cell. */
    static double[] lonLat(String cell) {
        String[] parts = cell.replace("[", "").replace("]", "").split(",");
        return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())};
    }
}
