package fr.passerelle.quality.engine.geojson;

import java.util.List;

/**
 * The outcome of checking a GeoJSON file against a GeoJSON schema.
 *
 * @param featureCount the features of the collection (0 when the file is no collection)
 * @param errorCount   every finding, of which {@code samples} holds the first ones
 * @param summary      one French paragraph for the person who sent the file
 */
public record GeoJsonReport(String schemaName, boolean valid, int featureCount, long errorCount,
                            List<GeoJsonFinding> samples, String summary) {

    public GeoJsonReport {
        samples = List.copyOf(samples);
    }
}
