package fr.passerelle.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operators' custom resource definitions vendored under src/test/resources/crds (SOURCES.md says
 * whence), and the check a cluster's API server would make of a custom resource: its spec against the
 * version's OpenAPI v3 schema, and, as {@code kubectl apply --validate=strict} does, no field the
 * schema does not know (the API server would silently prune it, and the setting would be lost).
 */
final class CustomResourceDefinitions {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** "group/version Kind" → the version's openAPIV3Schema. */
    private final Map<String, JsonNode> schemas = new HashMap<>();

    CustomResourceDefinitions(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.toString().endsWith(".yaml")).forEach(file -> {
                for (Manifest crd : Manifests.read(file)) {
                    String group = crd.spec().path("group").asText();
                    String kind = crd.spec().path("names").path("kind").asText();
                    for (JsonNode version : crd.spec().path("versions")) {
                        schemas.put(group + "/" + version.path("name").asText() + " " + kind,
                                version.path("schema").path("openAPIV3Schema"));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<JsonNode> schemaOf(Manifest resource) {
        return Optional.ofNullable(schemas.get(resource.apiVersion() + " " + resource.kind()));
    }

    /** What is wrong with {@code resource} by its CRD, in words; empty when it is fine. */
    List<String> problems(Manifest resource) {
        JsonNode schema = schemaOf(resource).orElse(null);
        List<String> problems = new ArrayList<>();
        if (schema == null) {
            problems.add(resource + ": no CRD defines " + resource.apiVersion() + " " + resource.kind());
            return problems;
        }
        try {
            Schema compiled = REGISTRY.getSchema(JSON.writeValueAsString(schema), InputFormat.JSON);
            compiled.validate(JSON.writeValueAsString(resource.body()), InputFormat.JSON)
                    .forEach(error -> problems.add(resource + ": " + error.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unknownFields(resource.body(), schema, "", resource, problems);
        return problems;
    }

    private static void unknownFields(JsonNode value, JsonNode schema, String at, Manifest resource, List<String> problems) {
        if (schema == null || schema.isMissingNode() || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            return;
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            if (at.equals(".metadata")) {
                return; // the API server's own ObjectMeta, not the CRD's
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fieldSchema = properties.path(field.getKey());
                if (!fieldSchema.isMissingNode()) {
                    unknownFields(field.getValue(), fieldSchema, at + "." + field.getKey(), resource, problems);
                } else if (additional.isObject()) {
                    unknownFields(field.getValue(), additional, at + "." + field.getKey(), resource, problems);
                } else if (!properties.isMissingNode() || additional.isBoolean() && !additional.asBoolean()) {
                    problems.add(resource + ": unknown field " + at + "." + field.getKey());
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                unknownFields(value.get(i), schema.path("items"), at + "[" + i + "]", resource, problems);
            }
        }
    }
}
