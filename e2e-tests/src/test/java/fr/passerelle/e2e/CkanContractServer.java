package fr.passerelle.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for a CKAN action API (api/3/action) that enforces its request shapes: token in
 * Authorization, package_create with a unique lowercase name and owner_org, multipart
 * resource_create/resource_patch with the file in "upload"; answers {success, result|error}.
 */
final class CkanContractServer implements AutoCloseable {

    static final String TOKEN = "jeton-" + UUID.randomUUID();
    static final String ORGANIZATION = "region-sud";

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, JsonNode> packages = new ConcurrentHashMap<>();
    /** Resource id → package id, and every file uploaded to it, in order. */
    final Map<String, String> resourcePackage = new ConcurrentHashMap<>();
    final Map<String, List<byte[]>> uploads = new ConcurrentHashMap<>();
    private final HttpServer server;

    CkanContractServer() throws IOException {
        this(0);
    }

    /** On a given port: a portal that did not answer before and answers now (« Réessayer » in the staff app). */
    CkanContractServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/api/3/action/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/3/action";
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
                JsonNode pkg = JSON.readTree(body);
                String name = pkg.path("name").asText("");
                if (!name.matches("[a-z0-9_-]{2,100}") || !ORGANIZATION.equals(pkg.path("owner_org").asText())) {
                    error(exchange, 409, "Validation Error: name or owner_org", "Validation Error");
                } else if (packages.values().stream().anyMatch(p -> name.equals(p.path("name").asText()))) {
                    error(exchange, 409, "That URL is already in use.", "Validation Error");
                } else {
                    String id = UUID.randomUUID().toString();
                    packages.put(id, pkg);
                    ok(exchange, Map.of("id", id, "name", name));
                }
            }
            case "package_patch" -> {
                JsonNode patch = JSON.readTree(body);
                if (!packages.containsKey(patch.path("id").asText())) {
                    error(exchange, 404, "Not found", "Not Found Error");
                } else {
                    packages.put(patch.path("id").asText(), patch);
                    ok(exchange, Map.of("id", patch.path("id").asText()));
                }
            }
            case "resource_create", "resource_patch" -> {
                Map<String, byte[]> parts = multipart(exchange, body);
                byte[] file = parts.get("upload");
                String packageId = parts.containsKey("package_id") ? text(parts.get("package_id")) : null;
                String resourceId = parts.containsKey("id") ? text(parts.get("id")) : null;
                if (file == null) {
                    error(exchange, 409, "Validation Error: upload", "Validation Error");
                } else if ("resource_create".equals(action)) {
                    if (packageId == null || !packages.containsKey(packageId)) {
                        error(exchange, 404, "Not found", "Not Found Error");
                        return;
                    }
                    String id = UUID.randomUUID().toString();
                    resourcePackage.put(id, packageId);
                    uploads.put(id, new ArrayList<>(List.of(file)));
                    ok(exchange, Map.of("id", id, "package_id", packageId));
                } else if (resourceId == null || !uploads.containsKey(resourceId)) {
                    error(exchange, 404, "Not found", "Not Found Error");
                } else {
                    uploads.get(resourceId).add(file);
                    ok(exchange, Map.of("id", resourceId));
                }
            }
            default -> error(exchange, 400, "Action name not known: " + action, "Bad Request");
        }
    }

    private static Map<String, byte[]> multipart(HttpExchange exchange, byte[] body) {
        Map<String, byte[]> parts = new HashMap<>();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
            return parts;
        }
        String boundary = "--" + type.substring("multipart/form-data; boundary=".length());
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
            int nameAt = part.indexOf("name=\"");
            int bodyAt = part.indexOf("\r\n\r\n");
            if (nameAt < 0 || bodyAt < 0) {
                continue;
            }
            String name = part.substring(nameAt + 6, part.indexOf('"', nameAt + 6));
            String content = part.substring(bodyAt + 4, part.length() - 2);
            parts.put(name, content.getBytes(StandardCharsets.ISO_8859_1));
        }
        return parts;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void ok(HttpExchange exchange, Map<String, ?> result) throws IOException {
        answer(exchange, 200, Map.of("success", true, "result", result));
    }

    private static void error(HttpExchange exchange, int status, String message, String type) throws IOException {
        answer(exchange, status, Map.of("success", false, "error", Map.of("message", message, "__type", type)));
    }

    private static void answer(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
