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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for data.gouv.fr's API 1 that enforces the request shapes udata documents
 * (X-API-KEY, JSON bodies with title and organization, multipart field "file", trailing slashes)
 * and answers like udata, errors included (401, 404, 400).
 */
final class UdataContractServer implements AutoCloseable {

    static final String API_KEY = "cle-de-test-" + UUID.randomUUID();
    static final String ORGANIZATION = "5bbb6d6cff66bd4dc17bfd5a";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATASET = Pattern.compile("/api/1/datasets/([^/]+)/");
    private static final Pattern NEW_RESOURCE = Pattern.compile("/api/1/datasets/([^/]+)/upload/");
    private static final Pattern RESOURCE_FILE = Pattern.compile("/api/1/datasets/([^/]+)/resources/([^/]+)/upload/");

    /** Remote dataset id → its metadata and resources (resource id → uploaded contents, in order). */
    final Map<String, JsonNode> datasets = new ConcurrentHashMap<>();
    final Map<String, Map<String, List<byte[]>>> resources = new ConcurrentHashMap<>();
    final List<String> calls = new ArrayList<>();
    /** While set, every call is answered 503, as a portal in maintenance does. */
    final java.util.concurrent.atomic.AtomicBoolean unavailable = new java.util.concurrent.atomic.AtomicBoolean();
    private final HttpServer server;

    UdataContractServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/1/", this::handle);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        synchronized (calls) {
            calls.add(method + " " + path);
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (unavailable.get()) {
            answer(exchange, 503, Map.of("message", "Service Unavailable"));
            return;
        }
        if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-API-KEY"))) {
            answer(exchange, 401, Map.of("message", "Invalid API Key"));
            return;
        }
        Matcher matcher;
        if ("POST".equals(method) && "/api/1/datasets/".equals(path)) {
            JsonNode dataset = JSON.readTree(body);
            if (!dataset.hasNonNull("title") || !ORGANIZATION.equals(dataset.path("organization").asText())) {
                answer(exchange, 400, Map.of("message", "Validation error", "errors", Map.of("title", "required")));
                return;
            }
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            datasets.put(id, dataset);
            resources.put(id, new ConcurrentHashMap<>());
            answer(exchange, 201, Map.of("id", id, "slug", dataset.path("title").asText()));
        } else if ("PUT".equals(method) && (matcher = DATASET.matcher(path)).matches()) {
            if (!datasets.containsKey(matcher.group(1))) {
                answer(exchange, 404, Map.of("message", "Not found"));
                return;
            }
            datasets.put(matcher.group(1), JSON.readTree(body));
            answer(exchange, 200, Map.of("id", matcher.group(1)));
        } else if ("POST".equals(method) && (matcher = NEW_RESOURCE.matcher(path)).matches()) {
            Map<String, List<byte[]>> files = resources.get(matcher.group(1));
            byte[] file = filePart(exchange, body);
            if (files == null || file == null) {
                answer(exchange, files == null ? 404 : 400, Map.of("message", files == null ? "Not found" : "No file"));
                return;
            }
            String rid = UUID.randomUUID().toString();
            files.put(rid, new ArrayList<>(List.of(file)));
            answer(exchange, 201, Map.of("id", rid, "title", "resource"));
        } else if ("POST".equals(method) && (matcher = RESOURCE_FILE.matcher(path)).matches()) {
            Map<String, List<byte[]>> files = resources.get(matcher.group(1));
            byte[] file = filePart(exchange, body);
            if (files == null || !files.containsKey(matcher.group(2))) {
                answer(exchange, 404, Map.of("message", "Resource does not exist"));
                return;
            }
            if (file == null) {
                answer(exchange, 400, Map.of("message", "No file"));
                return;
            }
            files.get(matcher.group(2)).add(file);
            answer(exchange, 200, Map.of("id", matcher.group(2)));
        } else {
            answer(exchange, 404, Map.of("message", "Not found"));
        }
    }

    /** The content of the multipart part named "file", or null. */
    private static byte[] filePart(HttpExchange exchange, byte[] body) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
            return null;
        }
        String boundary = "--" + type.substring("multipart/form-data; boundary=".length());
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int part = text.indexOf("Content-Disposition: form-data; name=\"file\"");
        if (part < 0) {
            return null;
        }
        int start = text.indexOf("\r\n\r\n", part) + 4;
        int end = text.indexOf("\r\n" + boundary, start);
        return start < 4 || end < 0 ? null : text.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void answer(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(new LinkedHashMap<>(body));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
