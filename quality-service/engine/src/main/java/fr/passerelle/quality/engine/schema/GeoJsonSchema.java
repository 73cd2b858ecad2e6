package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A national schema that is not a Table Schema but a JSON Schema over a GeoJSON FeatureCollection, as
 * schema.data.gouv.fr publishes for {@code amenagements-cyclables}: files of this kind are GeoJSON, each feature's
 * {@code properties} described by the schema. Its metadata (title, version) may sit in the schema's root or, as in
 * amenagements-cyclables, in the {@code allOf} entry that refers to GeoJSON's FeatureCollection.
 *
 * @param name       the catalog name (the schema's folder)
 * @param properties the feature properties the schema describes, in its order
 * @param required   the feature properties it requires
 * @param json       the schema itself, to validate files against
 */
public record GeoJsonSchema(String name, String title, String version, List<String> properties, List<String> required,
                            JsonNode json) {

    static final String FEATURE_COLLECTION = "https://geojson.org/schema/FeatureCollection.json";

    public GeoJsonSchema {
        properties = List.copyOf(properties);
        required = List.copyOf(required);
    }

    /** The title for sentences shown to people: the title, or the name when there is none. */
    public String displayTitle() {
        return title.isBlank() ? name : title;
    }

    public SchemaSummary summary() {
        return new SchemaSummary(name, title, version, properties.size(), SchemaSummary.GEOJSON, GeoJsonNotice.of(this));
    }

    /** A GeoJSON schema when {@code root} is a JSON Schema referring to GeoJSON's FeatureCollection, else empty. */
    static Optional<GeoJsonSchema> of(String name, JsonNode root) {
        JsonNode reference = featureCollectionReference(root);
        if (reference == null) {
            return Optional.empty();
        }
        JsonNode featureProperties = root.path("properties").path("features").path("items").path("properties")
                .path("properties");
        List<String> properties = new ArrayList<>();
        for (Iterator<String> names = featureProperties.path("properties").fieldNames(); names.hasNext(); ) {
            properties.add(names.next());
        }
        List<String> required = new ArrayList<>();
        featureProperties.path("required").forEach(node -> required.add(node.asText()));
        return Optional.of(new GeoJsonSchema(name, text(root, reference, "title"), text(root, reference, "version"),
                properties, required, root));
    }

    private static JsonNode featureCollectionReference(JsonNode root) {
        if (FEATURE_COLLECTION.equals(root.path("$ref").asText())) {
            return root;
        }
        for (JsonNode part : root.path("allOf")) {
            if (FEATURE_COLLECTION.equals(part.path("$ref").asText())) {
                return part;
            }
        }
        return null;
    }

    private static String text(JsonNode root, JsonNode reference, String key) {
        String atRoot = root.path(key).asText("");
        return atRoot.isBlank() ? reference.path(key).asText("") : atRoot;
    }
}
