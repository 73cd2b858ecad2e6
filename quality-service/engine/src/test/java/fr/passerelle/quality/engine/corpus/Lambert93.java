package fr.passerelle.quality.engine.corpus;

import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/** WGS84 degrees to Lambert-93 metres (EPSG:2154), as a GIS exports them: centimetres. */
final class Lambert93 {

    private static final CoordinateTransform TO_L93;

    static {
        CRSFactory crs = new CRSFactory();
        TO_L93 = new BasicCoordinateTransform(crs.createFromName("EPSG:4326"), crs.createFromName("EPSG:2154"));
    }

    private Lambert93() {
    }

    /** {x, y} in metres, rounded to the centimetre. */
    static synchronized String[] project(double lon, double lat) {
        ProjCoordinate out = new ProjCoordinate();
        TO_L93.transform(new ProjCoordinate(lon, lat), out);
        return new String[] {Fake.plain(Fake.round(out.x, 2)), Fake.plain(Fake.round(out.y, 2))};
    }
}
