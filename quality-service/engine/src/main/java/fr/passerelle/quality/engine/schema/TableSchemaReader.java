package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.schema.custom.CustomCheckRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the parts of a schema.json this engine uses, through Jackson's tree model. */
final class TableSchemaReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DEFAULT_MISSING_VALUES = List.of("");

    private TableSchemaReader() {
    }

    static TableSchema read(InputStream json) throws IOException {
        return read(tree(json));
    }

    static JsonNode tree(InputStream json) throws IOException {
        return JSON.readTree(json);
    }

    static TableSchema read(JsonNode root) throws IOException {
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
        List<String> fieldNames = fields.stream().map(Field::name).toList();
        List<CustomCheck> customChecks = new ArrayList<>();
        Set<String> unsupported = new LinkedHashSet<>();
        for (JsonNode check : root.path("custom_checks")) {
            customCheck(check, fields).ifPresentOrElse(customChecks::add,
                    () -> unsupported.add(check.path("name").asText("")));
        }
        return new TableSchema(
                root.path("name").asText(""),
                root.path("title").asText(""),
                root.path("version").asText(""),
                fields,
                missingValues(root.path("missingValues")),
                names(root.path("primaryKey"), fieldNames, "primaryKey"),
                foreignKeys(root.path("foreignKeys"), fieldNames),
                customChecks,
                List.copyOf(unsupported));
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
                ValueConstraints.of(constraints, type, node.path("example").isValueNode() ? node.path("example").asText() : ""),
                constraints.path("unique").asBoolean(false));
    }

    private static List<String> missingValues(JsonNode node) {
        if (!node.isArray()) {
            return DEFAULT_MISSING_VALUES;
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A field name or an array of them (the spec allows both), each one a field of the schema. */
    private static List<String> names(JsonNode node, List<String> fieldNames, String property)
            throws InvalidSchemaException {
        List<String> names = nameList(node, property);
        for (String name : names) {
            if (!fieldNames.contains(name)) {
                throw new InvalidSchemaException("\"" + property + "\" names \"" + name + "\", which is not a field");
            }
        }
        return names;
    }

    private static List<String> nameList(JsonNode node, String property) throws InvalidSchemaException {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray()) {
            throw new InvalidSchemaException("\"" + property + "\" must be a field name or an array of field names");
        }
        List<String> names = new ArrayList<>();
        node.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static List<ForeignKey> foreignKeys(JsonNode node, List<String> fieldNames) throws InvalidSchemaException {
        List<ForeignKey> keys = new ArrayList<>();
        for (JsonNode key : node) {
            String resource = key.path("reference").path("resource").asText("");
            List<String> fields = names(key.path("fields"), fieldNames, "foreignKeys.fields");
            JsonNode referencedNode = key.path("reference").path("fields");
            // The fields of another resource are not known here; those of this file must exist.
            List<String> referenced = resource.isEmpty()
                    ? names(referencedNode, fieldNames, "foreignKeys.reference.fields")
                    : nameList(referencedNode, "foreignKeys.reference.fields");
            if (fields.isEmpty() || fields.size() != referenced.size()) {
                throw new InvalidSchemaException("A foreign key needs as many referenced fields as fields");
            }
            keys.add(new ForeignKey(fields, resource, referenced));
        }
        return keys;
    }

    private static Optional<CustomCheck> customCheck(JsonNode check, List<Field> fields) {
        Map<String, Object> params = check.path("params").isObject()
                ? JSON.convertValue(check.path("params"), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        return CustomCheckRegistry.create(check.path("name").asText(""), params, fields);
    }
}
