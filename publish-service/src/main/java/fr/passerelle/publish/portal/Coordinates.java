package fr.passerelle.publish.portal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a published table keeps its coordinates: one geopoint column ("[lon, lat]" or "lon,lat",
 * as the national schemas write them) or a longitude and a latitude column.
 */
record Coordinates(int point, int longitude, int latitude) {

    private static final Set<String> POINT = Set.of("coordonneesxy", "geopoint", "coordonnees", "geo_point_2d",
            "coordonnees_xy");
    private static final Set<String> LONGITUDE = Set.of("longitude", "lon", "lng", "xlong", "x_long", "consolidated_longitude");
    private static final Set<String> LATITUDE = Set.of("latitude", "lat", "ylat", "y_lat", "consolidated_latitude");

    static Optional<Coordinates> of(List<String> header) {
        int lon = -1;
        int lat = -1;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (POINT.contains(name)) {
                return Optional.of(new Coordinates(i, -1, -1));
            }
            if (LONGITUDE.contains(name)) {
                lon = i;
            } else if (LATITUDE.contains(name)) {
                lat = i;
            }
        }
        return lon >= 0 && lat >= 0 ? Optional.of(new Coordinates(-1, lon, lat)) : Optional.empty();
    }

    /** [longitude, latitude], or empty when the row has none or they are not numbers in range. */
    Optional<double[]> read(List<String> row) {
        try {
            double x;
            double y;
            if (point >= 0) {
                if (point >= row.size()) {
                    return Optional.empty();
                }
                String[] parts = row.get(point).replaceAll("[\\[\\]\\s]", "").split(",");
                if (parts.length != 2) {
                    return Optional.empty();
                }
                x = Double.parseDouble(parts[0]);
                y = Double.parseDouble(parts[1]);
            } else {
                if (Math.max(longitude, latitude) >= row.size()) {
                    return Optional.empty();
                }
                x = Double.parseDouble(row.get(longitude).strip().replace(',', '.'));
                y = Double.parseDouble(row.get(latitude).strip().replace(',', '.'));
            }
            return Math.abs(x) <= 180 && Math.abs(y) <= 90 ? Optional.of(new double[] {x, y}) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
