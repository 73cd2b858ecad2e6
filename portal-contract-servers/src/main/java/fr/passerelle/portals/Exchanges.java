package fr.passerelle.portals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the three servers do alike with an exchange: JSON in and out, multipart parts. */
final class Exchanges {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]*)\"(?:; filename=\"([^\"]*)\")?");

    private Exchanges() {
    }

    /** A multipart part: its file name (null for a text field) and its bytes. */
    record Part(String filename, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The body as a JSON object when the request says it is JSON, else null. */
    static JsonNode jsonObject(HttpExchange exchange, byte[] body) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The parts of a multipart/form-data body by name; empty when the body is not one. */
    static Map<String, Part> multipart(HttpExchange exchange, byte[] body) {
        Map<String, Part> parts = new LinkedHashMap<>();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
            return parts;
        }
        String boundary = "--" + type.substring("multipart/form-data; boundary=".length());
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (!text.startsWith(boundary)) {
            return parts;
        }
        for (String part : text.split(Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0 || !part.endsWith("\r\n")) {
                continue;
            }
            Matcher name = PART_NAME.matcher(part.substring(0, headersEnd));
            if (!name.find()) {
                continue;
            }
            String content = part.substring(headersEnd + 4, part.length() - 2);
            parts.put(name.group(1), new Part(name.group(2), content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    static String shortId() {
        return java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
