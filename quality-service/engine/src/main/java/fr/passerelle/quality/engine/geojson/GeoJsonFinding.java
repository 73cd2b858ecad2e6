package fr.passerelle.quality.engine.geojson;

/**
 * One thing wrong in a GeoJSON file, in French.
 *
 * @param feature  the feature's number, from 1 in file order; 0 for the collection itself
 * @param property the feature property at fault, or null (e.g. a geometry, the collection's type)
 * @param message  the whole French sentence
 */
public record GeoJsonFinding(int feature, String property, String message) {
}
