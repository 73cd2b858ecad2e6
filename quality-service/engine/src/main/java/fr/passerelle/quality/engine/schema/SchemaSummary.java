package fr.passerelle.quality.engine.schema;

/**
 * One line of the schema catalog.
 *
 * @param fieldCount the Table Schema's fields, or the feature properties a GeoJSON schema describes
 * @param kind       {@link #TABLE_SCHEMA} or {@link #GEOJSON}
 * @param notice     for a kind of file not yet checked, what a person is told (French); null otherwise
 */
public record SchemaSummary(String name, String title, String version, int fieldCount, String kind, String notice) {

    /** A Table Schema: CSV, spreadsheets, JSON arrays of rows. */
    public static final String TABLE_SCHEMA = "table-schema";
    /** A JSON Schema over a GeoJSON FeatureCollection (e.g. amenagements-cyclables). */
    public static final String GEOJSON = "geojson";

    /** A Table Schema's line. */
    public SchemaSummary(String name, String title, String version, int fieldCount) {
        this(name, title, version, fieldCount, TABLE_SCHEMA, null);
    }
}
