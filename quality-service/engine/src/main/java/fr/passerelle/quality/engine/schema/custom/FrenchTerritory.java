package fr.passerelle.quality.engine.schema.custom;

/**
 * Where a French point may lie, as generous bounding boxes in decimal degrees: metropolitan France
 * with Corsica, and the five overseas départements. Each box is the territory's extent (IGN
 * figures, the ones the national validator uses) widened by 0.2 to 0.4 degree, so that islets,
 * coastal works and rounded coordinates still fit: a box says "in France or close by", which is
 * what a clerk's typing mistakes (swapped or truncated coordinates, a forgotten minus sign) break.
 * Overseas collectivities (Saint-Pierre-et-Miquelon, Saint-Martin, Polynesia…) are not included,
 * as in the national validator.
 */
// Each box: west and east longitudes, south and north latitudes.
public enum FrenchTerritory {

    METROPOLITAN_FRANCE(-5.5, 10.0, 41.0, 51.5),
    GUADELOUPE(-62.0, -60.8, 15.6, 16.7),
    MARTINIQUE(-61.5, -60.6, 14.2, 15.1),
    GUYANE(-54.9, -51.3, 1.9, 6.0),
    LA_REUNION(55.0, 56.1, -21.6, -20.6),
    MAYOTTE(44.8, 45.5, -13.2, -12.4);

    private final double minLon;
    private final double maxLon;
    private final double minLat;
    private final double maxLat;

    FrenchTerritory(double minLon, double maxLon, double minLat, double maxLat) {
        this.minLon = minLon;
        this.maxLon = maxLon;
        this.minLat = minLat;
        this.maxLat = maxLat;
    }

    /** Whether the point (decimal degrees, WGS84) lies in one of the boxes. */
    public static boolean contains(double lon, double lat) {
        for (FrenchTerritory territory : values()) {
            if (territory.boxContains(lon, lat)) {
                return true;
            }
        }
        return false;
    }

    private boolean boxContains(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }
}
