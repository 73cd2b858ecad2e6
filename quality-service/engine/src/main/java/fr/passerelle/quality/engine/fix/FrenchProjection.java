package fr.passerelle.quality.engine.fix;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import java.util.Optional;

/**
 * The projected coordinate systems French GIS exports use, each with the rough extent of its
 * coordinates over France: a point is only tried in the systems whose extent holds it. proj4j
 * (with its EPSG definitions) converts to WGS84.
 */
enum FrenchProjection {

    LAMBERT_93("Lambert-93", 2154, 0, 1_300_000, 6_000_000, 7_200_000),
    LAMBERT_2_ETENDU("Lambert II étendu", 27572, 0, 1_250_000, 1_600_000, 2_750_000),
    CC42("Lambert CC42", 3942), CC43("Lambert CC43", 3943), CC44("Lambert CC44", 3944), CC45("Lambert CC45", 3945),
    CC46("Lambert CC46", 3946), CC47("Lambert CC47", 3947), CC48("Lambert CC48", 3948), CC49("Lambert CC49", 3949),
    CC50("Lambert CC50", 3950),
    UTM_20N_ANTILLES("UTM 20 Nord (Antilles, RGAF09)", 5490, 300_000, 800_000, 1_500_000, 1_900_000),
    UTM_22N_GUYANE("UTM 22 Nord (Guyane, RGFG95)", 2972, 100_000, 500_000, 200_000, 700_000),
    UTM_40S_REUNION("UTM 40 Sud (La Réunion, RGR92)", 2975, 300_000, 400_000, 7_600_000, 7_700_000),
    UTM_38S_MAYOTTE("UTM 38 Sud (Mayotte, RGM04)", 4471, 490_000, 540_000, 8_560_000, 8_620_000);

    private final String label;
    private final int epsg;
    private final double minX;
    private final double maxX;
    private final double minY;
    private final double maxY;

    FrenchProjection(String label, int epsg, double minX, double maxX, double minY, double maxY) {
        this.label = label;
        this.epsg = epsg;
        this.minX = minX;
        this.maxX = maxX;
        this.minY = minY;
        this.maxY = maxY;
    }

    /** A conic conformal zone: false easting 1,700 km; false northing 1,200 km at 42°N, 1,000 km more per degree. */
    FrenchProjection(String label, int epsg) {
        this(label, epsg, 1_000_000, 2_400_000, (epsg - 3942) * 1_000_000.0 + 1_200_000 - 300_000,
                (epsg - 3942) * 1_000_000.0 + 1_200_000 + 300_000);
    }

    String label() {
        return label;
    }

    String epsgCode() {
        return "EPSG:" + epsg;
    }

    boolean mayHold(double x, double y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    /** Converts points of one system to WGS84. Not thread-safe (proj4j's transforms are not): one per run. */
    static final class ToWgs84 {

        private static final CRSFactory CRS = new CRSFactory();
        private static final CoordinateReferenceSystem WGS84 = CRS.createFromName("EPSG:4326");

        private final CoordinateTransform transform;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        ToWgs84(FrenchProjection projection) {
            this.transform = new CoordinateTransformFactory().createTransform(CRS.createFromName(projection.epsgCode()), WGS84);
        }

        /** @return {lon, lat} in decimal degrees, or empty when proj4j cannot convert the point */
        Optional<double[]> convert(double x, double y) {
            try {
                in.x = x;
                in.y = y;
                transform.transform(in, out);
                if (Double.isNaN(out.x) || Double.isNaN(out.y)) {
                    return Optional.empty();
                }
                return Optional.of(new double[] {out.x, out.y});
            } catch (RuntimeException e) {
                // proj4j throws on points its formulas cannot take: such a point is simply not in this system.
                return Optional.empty();
            }
        }
    }
}
