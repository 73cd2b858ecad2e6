package fr.passerelle.quality.schema.remote;

import fr.passerelle.quality.engine.schema.CatalogueVersions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.schema.CatalogueNames;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
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
        return CatalogueVersions.latest(schema.path("versions"))
                .map(version -> new CatalogueEntry(name, title, version.path("version_name").asText(""),
                        uri(version.path("schema_url").asText(""))))
                .or(() -> Optional.of(new CatalogueEntry(name, title, "latest", uri(schema.path("schema_url").asText("")))))
                .filter(entry -> entry.schemaUrl() != null);
    }

    static String registryName(String catalogueName) {
        return CatalogueNames.registryName(catalogueName);
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
