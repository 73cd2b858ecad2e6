package fr.passerelle.quality.engine.schema;

import java.util.Optional;

/**
 * A GeoJSON object (format {@code default}) or a TopoJSON one (format {@code topojson}): a JSON
 * object with a {@code "type"}. The geometry itself is not checked.
 */
final class GeoJsonType implements FieldType {

    private final boolean topoJson;

    private GeoJsonType(boolean topoJson) {
        this.topoJson = topoJson;
    }

    static Optional<FieldType> of(String format) {
        return switch (format) {
            case "default" -> Optional.of(new GeoJsonType(false));
            case "topojson" -> Optional.of(new GeoJsonType(true));
            default -> Optional.empty();
        };
    }

    @Override
    public String name() {
        return "geojson";
    }

    @Override
    public Optional<Object> cast(String text) {
        return JsonText.parse(text)
                .filter(node -> node.isObject() && node.path("type").isTextual())
                .filter(node -> !topoJson || node.path("type").textValue().equals("Topology"))
                .map(node -> node);
    }

    @Override
    public String expected() {
        return topoJson ? "un objet TopoJSON" : "un objet GeoJSON";
    }

    @Override
    public String hint() {
        return topoJson
                ? "Saisissez un objet TopoJSON, qui commence par {\"type\": \"Topology\", …}."
                : "Saisissez un objet GeoJSON, par exemple {\"type\": \"Point\", \"coordinates\": [2.3522, 48.8566]}.";
    }
}
