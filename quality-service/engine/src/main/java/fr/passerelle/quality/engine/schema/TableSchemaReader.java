package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads the parts of a schema.json this engine uses, through Jackson's tree model. */
final class TableSchemaReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DEFAULT_MISSING_VALUES = List.of("");

    private TableSchemaReader() {
    }

    static TableSchema read(InputStream json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            throw new InvalidSchemaException("A Table Schema must be a JSON object");
        }
        JsonNode fieldNodes = root.path("fields");
        if (!fieldNodes.isArray() || fieldNodes.isEmpty()) {
            throw new InvalidSchemaException("A Table Schema needs a non-empty \"fields\" array");
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNode fieldNode : fieldNodes) {
            fields.add(field(fieldNode, fields.size()));
        }
        return new TableSchema(
                root.path("name").asText(""),
                root.path("title").asText(""),
                root.path("version").asText(""),
                fields,
                missingValues(root.path("missingValues")));
    }

    private static Field field(JsonNode node, int index) throws InvalidSchemaException {
        String name = node.path("name").asText("");
        if (name.isBlank()) {
            throw new InvalidSchemaException("Field #" + (index + 1) + " has no name");
        }
        String typeName = node.path("type").asText("string");
        String format = node.path("format").asText("");
        if (format.isBlank()) {
            format = "default";
        }
        JsonNode constraints = node.path("constraints");
        FieldType type = FieldTypes.of(typeName, format, node);
        return new Field(
                name,
                node.path("title").asText(""),
                node.path("description").asText(""),
                type,
                format,
                constraints.path("required").asBoolean(false),
                ValueConstraints.of(constraints, type));
    }

    private static List<String> missingValues(JsonNode node) {
        if (!node.isArray()) {
            return DEFAULT_MISSING_VALUES;
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }
}
