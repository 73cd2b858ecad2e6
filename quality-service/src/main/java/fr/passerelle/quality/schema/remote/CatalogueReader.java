package fr.passerelle.quality.schema.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.schema.CatalogueNames;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the catalogue of schema.data.gouv.fr ({@code schemas.json}): an object whose {@code schemas} array lists
 * each schema with its {@code name}, {@code title}, {@code schema_type} ({@code tableschema}, {@code jsonschema},
 * {@code datapackage}…), {@code schema_url} (its latest version) and {@code versions} (each with
 * {@code version_name} and {@code schema_url}). Only Table Schemas are kept; entries it cannot use are skipped.
 */
public final class CatalogueReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern VERSION_PART = Pattern.compile("\\d+");

    private CatalogueReader() {
    }

    /** @throws IOException when the text is not a catalogue at all */
    public static List<CatalogueEntry> read(byte[] catalogue) throws IOException {
        JsonNode root = JSON.readTree(catalogue);
        JsonNode schemas = root != null && root.isArray() ? root : root == null ? null : root.path("schemas");
        if (schemas == null || !schemas.isArray()) {
            throw new IOException("Not a schema catalogue: no \"schemas\" array");
        }
        Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
        for (JsonNode schema : schemas) {
            entry(schema).ifPresent(entry -> entries.putIfAbsent(entry.name(), entry));
        }
        return List.copyOf(entries.values());
    }

    private static Optional<CatalogueEntry> entry(JsonNode schema) {
        if (!"tableschema".equals(schema.path("schema_type").asText())) {
            return Optional.empty();
        }
        String name = registryName(schema.path("name").asText(""));
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String title = schema.path("title").asText(name);
        return latest(schema.path("versions"))
                .map(version -> new CatalogueEntry(name, title, version.path("version_name").asText(""),
                        uri(version.path("schema_url").asText(""))))
                .or(() -> Optional.of(new CatalogueEntry(name, title, "latest", uri(schema.path("schema_url").asText("")))))
                .filter(entry -> entry.schemaUrl() != null);
    }

    static String registryName(String catalogueName) {
        return CatalogueNames.registryName(catalogueName);
    }

    /** The highest version by its numbers (2.10.0 after 2.9.1), whatever the order of the list. */
    private static Optional<JsonNode> latest(JsonNode versions) {
        List<JsonNode> usable = new ArrayList<>();
        versions.forEach(version -> {
            if (version.path("schema_url").isTextual() && version.path("version_name").isTextual()) {
                usable.add(version);
            }
        });
        return usable.stream().max(Comparator.comparing(version -> version.path("version_name").asText(),
                CatalogueReader::compareVersions));
    }

    static int compareVersions(String left, String right) {
        List<Long> a = numbers(left);
        List<Long> b = numbers(right);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int order = Long.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (order != 0) {
                return order;
            }
        }
        return left.compareTo(right);
    }

    private static List<Long> numbers(String version) {
        List<Long> numbers = new ArrayList<>();
        var matcher = VERSION_PART.matcher(version);
        while (matcher.find() && numbers.size() < 6) {
            String digits = matcher.group();
            numbers.add(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits));
        }
        return numbers;
    }

    private static URI uri(String text) {
        try {
            URI uri = URI.create(text);
            return "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()) ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
