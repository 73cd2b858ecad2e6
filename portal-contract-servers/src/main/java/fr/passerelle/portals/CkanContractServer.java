package fr.passerelle.portals;

import static fr.passerelle.portals.Exchanges.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for a CKAN action API ({@code api/3/action}) with ckanext-validation and ckanext-dcat, that
 * enforces what they check: token in Authorization; {@code package_create} with a unique lowercase name and
 * {@code owner_org}, a licence of CKAN's register (plus Etalab's {@code fr-lo}), tags of 2 to 100 word characters,
 * {@code private} a boolean, extras as {@code [{key, value}]}; {@code package_patch} merging what it is given;
 * multipart {@code resource_create}/{@code resource_patch} with the file in {@code upload} and an optional
 * {@code schema} that ckanext-validation reads as a Table Schema or its URL (here: one of {@link SchemaCatalogue}'s),
 * then validates the file against, synchronously ({@link TableValidation}): a file that does not conform is refused
 * with 409 and the report under {@code error.validation}; one that does gets {@code validation_status: success}.
 * Answers {@code {success, result|error}}.
 */
public final class CkanContractServer implements AutoCloseable {

    public static final String TOKEN = "jeton-" + UUID.randomUUID();
    public static final String ORGANIZATION = "region-sud";
    public static final Set<String> LICENCES = Set.of("cc-by", "cc-by-sa", "cc-zero", "cc-nc", "gfdl", "notspecified",
            "odc-by", "odc-odbl", "odc-pddl", "other-at", "other-closed", "other-nc", "other-open", "other-pd",
            "uk-ogl", "fr-lo");

    /** CKAN's tag_name_validator: 2 to 100 characters, Python's (Unicode) word characters, spaces, {@code -_.}. */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[\\w \\-.]{2,100}",
            java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    /** Package id → the package as last written (patches merged). */
    public final Map<String, JsonNode> packages = new ConcurrentHashMap<>();
    /** Resource id → package id. */
    public final Map<String, String> resourcePackage = new ConcurrentHashMap<>();
    /** Resource id → every file uploaded to it, in order. */
    public final Map<String, List<byte[]>> uploads = new ConcurrentHashMap<>();
    /** Resource id → its text fields as last written (name, format, schema…). */
    public final Map<String, Map<String, String>> resourceFields = new ConcurrentHashMap<>();
    private final HttpServer server;
    /** The schemas whose URL this portal can read: catalogue name → versions. */
    private final Map<String, List<String>> catalogue;

    public CkanContractServer() throws IOException {
        this(0);
    }

    /** On a given port: a portal that did not answer before and answers now (« Réessayer » in the staff app). */
    public CkanContractServer(int port) throws IOException {
        this(port, SchemaCatalogue.VERSIONS);
    }

    /** A portal that can read only these schemas (e.g. one that cannot reach a schema, to see it refused). */
    public CkanContractServer(Map<String, List<String>> catalogue) throws IOException {
        this(0, catalogue);
    }

    private CkanContractServer(int port, Map<String, List<String>> catalogue) throws IOException {
        this.catalogue = Map.copyOf(catalogue);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/api/3/action/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/3/action";
    }

    /** A package anyone may see: created, and not private. */
    public boolean isPublic(String packageId) {
        JsonNode pkg = packages.get(packageId);
        return pkg != null && !pkg.path("private").asBoolean(false);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String action = exchange.getRequestURI().getPath().substring("/api/3/action/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod())) {
            error(exchange, 400, "Bad request - POST expected", "Bad Request");
            return;
        }
        if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            error(exchange, 403, "Access denied", "Authorization Error");
            return;
        }
        switch (action) {
            case "package_create" -> {
                JsonNode pkg = Exchanges.jsonObject(exchange, body);
                String name = pkg == null ? "" : pkg.path("name").asText("");
                String invalid = pkg == null ? "body" : invalidPackage(pkg);
                if (invalid != null || !name.matches("[a-z0-9_-]{2,100}")
                        || !ORGANIZATION.equals(pkg.path("owner_org").asText())) {
                    validationError(exchange, invalid != null ? invalid : "name");
                } else if (packages.values().stream().anyMatch(p -> name.equals(p.path("name").asText()))) {
                    error(exchange, 409, "That URL is already in use.", "Validation Error");
                } else {
                    String id = UUID.randomUUID().toString();
                    packages.put(id, pkg);
                    ok(exchange, Map.of("id", id, "name", name));
                }
            }
            case "package_patch" -> {
                JsonNode patch = Exchanges.jsonObject(exchange, body);
                JsonNode existing = patch == null ? null : packages.get(patch.path("id").asText());
                String invalid = patch == null ? "body" : invalidPackage(patch);
                if (existing == null) {
                    error(exchange, 404, "Not found", "Not Found Error");
                } else if (invalid != null) {
                    validationError(exchange, invalid);
                } else {
                    ObjectNode merged = existing.deepCopy();
                    merged.setAll((ObjectNode) patch);
                    packages.put(patch.path("id").asText(), merged);
                    ok(exchange, Map.of("id", patch.path("id").asText(), "private", merged.path("private").asBoolean()));
                }
            }
            case "resource_create", "resource_patch" -> resource(exchange, action, Exchanges.multipart(exchange, body));
            default -> error(exchange, 400, "Action name not known: " + action, "Bad Request");
        }
    }

    private void resource(HttpExchange exchange, String action, Map<String, Exchanges.Part> parts) throws IOException {
        Exchanges.Part file = parts.get("upload");
        String packageId = parts.containsKey("package_id") ? parts.get("package_id").text() : null;
        String resourceId = parts.containsKey("id") ? parts.get("id").text() : null;
        boolean create = "resource_create".equals(action);
        if (file == null) {
            validationError(exchange, "upload");
            return;
        }
        if (create ? packageId == null || !packages.containsKey(packageId)
                : resourceId == null || !uploads.containsKey(resourceId)) {
            error(exchange, 404, "Not found", "Not Found Error");
            return;
        }
        // A patch without a schema keeps the resource's own, and its new file is validated against it.
        String schemaText = parts.containsKey("schema") ? parts.get("schema").text()
                : create ? null : resourceFields.get(resourceId).get("schema");
        Map<String, String> fields = textFields(parts);
        if (schemaText != null && !schemaText.isBlank()) {
            Optional<JsonNode> schema = tableSchema(schemaText);
            if (schema.isEmpty()) {
                // ckanext-validation reads the schema (a Table Schema, or a URL of one) and refuses what is not one.
                validationError(exchange, "schema");
                return;
            }
            // Synchronous validation on create and update (ckanext.validation.run_on_create_sync/update_sync): a file
            // that does not conform is refused with its report, and the resource is not written.
            Map<String, Object> report = TableValidation.report(schema.get(), file.content());
            if (!Boolean.TRUE.equals(report.get("valid"))) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("__type", "Validation Error");
                error.put("validation", List.of(report));
                answer(exchange, 409, Map.of("success", false, "error", error));
                return;
            }
            fields.put("validation_status", "success");
            fields.put("validation_timestamp", java.time.LocalDateTime.now().toString());
        }
        if (create) {
            String id = UUID.randomUUID().toString();
            resourcePackage.put(id, packageId);
            uploads.put(id, new ArrayList<>(List.of(file.content())));
            resourceFields.put(id, fields);
            ok(exchange, Map.of("id", id, "package_id", packageId));
        } else {
            uploads.get(resourceId).add(file.content());
            resourceFields.get(resourceId).putAll(fields);
            ok(exchange, Map.of("id", resourceId));
        }
    }

    /** A schema as ckanext-validation takes it: a Table Schema as JSON, or the URL of one (here: the catalogue's). */
    private Optional<JsonNode> tableSchema(String schema) {
        if (schema.strip().startsWith("{")) {
            try {
                JsonNode parsed = Exchanges.JSON.readTree(schema);
                return parsed.path("fields").isArray() ? Optional.of(parsed) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return SchemaCatalogue.nameOf(schema.strip()).filter(catalogue::containsKey)
                .flatMap(SchemaCatalogue::tableSchema);
    }

    /** The field CKAN's validators would refuse, or null. */
    private static String invalidPackage(JsonNode pkg) {
        if (pkg.has("license_id") && !LICENCES.contains(pkg.path("license_id").asText())) {
            return "license_id";
        }
        for (JsonNode tag : pkg.path("tags")) {
            String name = tag.path("name").asText("");
            if (!TAG.matcher(name).matches()) {
                return "tags";
            }
        }
        if (pkg.has("private") && !pkg.get("private").isBoolean()) {
            return "private";
        }
        for (JsonNode extra : pkg.path("extras")) {
            if (!extra.path("key").isTextual() || !extra.path("value").isTextual()) {
                return "extras";
            }
        }
        return null;
    }

    private static Map<String, String> textFields(Map<String, Exchanges.Part> parts) {
        Map<String, String> fields = new ConcurrentHashMap<>();
        parts.forEach((name, part) -> {
            if (part.filename() == null) {
                fields.put(name, part.text());
            }
        });
        return fields;
    }

    private static void ok(HttpExchange exchange, Map<String, ?> result) throws IOException {
        answer(exchange, 200, Map.of("success", true, "result", result));
    }

    private static void validationError(HttpExchange exchange, String field) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Validation Error");
        error.put(field, List.of("Invalid value"));
        answer(exchange, 409, Map.of("success", false, "error", error));
    }

    private static void error(HttpExchange exchange, int status, String message, String type) throws IOException {
        answer(exchange, status, Map.of("success", false, "error", Map.of("message", message, "__type", type)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
