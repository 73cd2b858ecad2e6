package fr.passerelle.quality.engine.schema;

/**
 * The value of a {@code geopoint} cell, in decimal degrees (WGS 84, as Table Schema says).
 *
 * @param lon longitude, from -180 to 180
 * @param lat latitude, from -90 to 90
 */
public record GeoPoint(double lon, double lat) {

    public static boolean isLongitude(double value) {
        return value >= -180 && value <= 180;
    }

    public static boolean isLatitude(double value) {
        return value >= -90 && value <= 90;
    }
}
