package fr.passerelle.portals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local OpenDataSoft Automation API v1.0 that enforces the documented request shapes
 * ({@code Authorization: Apikey …}, JSON datasets with {@code metadata.default.title.value},
 * multipart field {@code file}, csvfile resources on an {@code uploaded_file} datasource, trailing
 * slashes) and its metadata templates: {@code default} and {@code dcat} (the interoperability template, activated
 * on demand), each field known and given as {@code {"value": …}}, keywords a list of texts; it answers like the
 * reference: 201 with a {@code uid}, errors as {@code {"error_code", "message"}}, 401 (quoting the refused key, as
 * some portals do), 404, 413 and scripted 5xx. The one ODS server of the project: publish-service's unit tests and
 * the e2e tests both run against it.
 *
 * <p>Sources: the Automation API reference (help.opendatasoft.com/apis/ods-automation-v1/) and the models of
 * Opendatasoft's SDK (opendatasoft/opendatasoft-automation-sdk, python/docs/DatasetMetadataDefault.md,
 * DatasetMetadataInternal.md); the {@code dcat} fields from opendatasoft/ods-documentation,
 * publishing_data/06_configuring_metadata/interoperability_metadata.rst.
 */
public final class OdsContractServer implements AutoCloseable {

    public static final String API_KEY = "cle-ods-" + UUID.randomUUID();
    public static final String BASE = "/api/automation/v1.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATASET = Pattern.compile(BASE + "/datasets/(da_[a-z0-9]+)/");
    private static final Pattern FILES = Pattern.compile(BASE + "/datasets/(da_[a-z0-9]+)/resources/files/");
    private static final Pattern RESOURCES = Pattern.compile(BASE + "/datasets/(da_[a-z0-9]+)/resources/");
    private static final Pattern RESOURCE = Pattern.compile(BASE + "/datasets/(da_[a-z0-9]+)/resources/(re_[a-z0-9]+)/");
    private static final Pattern PUBLISH = Pattern.compile(BASE + "/datasets/(da_[a-z0-9]+)/publish/");
    private static final Pattern STATUS = Pattern.compile(BASE + "/datasets/(da_[a-z0-9]+)/status/");

    /** One remote dataset: its last body, uploaded files (uid → bytes), resources (uid → file uids, in order). */
    public static final class Dataset {
        public volatile JsonNode body;
        public final Map<String, byte[]> files = new ConcurrentHashMap<>();
        public final Map<String, List<String>> resources = new ConcurrentHashMap<>();
        public volatile int publications;
    }

    public final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
    final List<String> calls = new ArrayList<>();
    /** Status answered by GET …/status/ after a publication. */
    public volatile String statusAfterPublish = "queued";
    /** Uploads larger than this are refused with 413, as a portal's proxy does. */
    public volatile long maxUploadBytes = Long.MAX_VALUE;

    private final Deque<Map.Entry<String, Integer>> failures = new ArrayDeque<>();
    private final HttpServer server;
    /** The metadata templates activated on this domain ({@code dcat} is activated on demand). */
    private final Set<String> activated;

    public OdsContractServer() throws IOException {
        this(TEMPLATES.keySet());
    }

    /** A domain where only these templates are activated (e.g. without {@code dcat}, to see it refused). */
    public OdsContractServer(Set<String> activated) throws IOException {
        this.activated = Set.copyOf(activated);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(BASE + "/", this::handle);
        server.start();
    }

    /** A dataset anyone may see: published at least once (a dataset is created unpublished). */
    public boolean isPublic(String uid) {
        Dataset dataset = datasets.get(uid);
        return dataset != null && dataset.publications > 0;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE;
    }

    /** The next request whose "METHOD path" ends with {@code callSuffix} is answered with {@code status}. */
    public synchronized void failNext(String callSuffix, int status) {
        failures.add(Map.entry(callSuffix, status));
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String call = method + " " + path;
            Integer scripted;
            synchronized (this) {
                calls.add(call);
                scripted = failures.stream().filter(f -> call.endsWith(f.getKey())).findFirst()
                        .map(f -> {
                            failures.remove(f);
                            return f.getValue();
                        }).orElse(null);
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (scripted != null) {
                answer(exchange, scripted, scripted == 400
                        ? error("InvalidDatasetStatus", "The dataset is being processed.")
                        : error("ServerError", "Service temporarily unavailable"));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, "Apikey ", 0, 7)
                    || !API_KEY.equals(authorization.substring(7).trim())) {
                // Quoting the refused key, as some portals do: Passerelle must not pass it on.
                answer(exchange, 401, error("InvalidAPIKey", "Invalid API key: " + authorization));
                return;
            }
            route(exchange, method, path, body);
        }
    }

    private void route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        Matcher m;
        if ("POST".equals(method) && (BASE + "/datasets/").equals(path)) {
            JsonNode dataset = jsonBody(exchange, body);
            String invalid = dataset == null ? "body: a JSON object is expected." : invalidMetadata(dataset);
            if (invalid != null || dataset.path("dataset_id").asText("").isBlank()) {
                answer(exchange, 400, error("ValidationError", invalid != null ? invalid : "dataset_id: required."));
                return;
            }
            String datasetId = dataset.path("dataset_id").asText();
            if (datasets.values().stream().anyMatch(d -> datasetId.equals(d.body.path("dataset_id").asText()))) {
                answer(exchange, 400, error("ValidationError", "dataset_id: this identifier is already used."));
                return;
            }
            String uid = "da_" + shortId();
            Dataset created = new Dataset();
            created.body = dataset;
            datasets.put(uid, created);
            answer(exchange, 201, Map.of("uid", uid, "dataset_id", datasetId, "is_published", false,
                    "metadata", dataset.path("metadata")));
        } else if ("PUT".equals(method) && (m = DATASET.matcher(path)).matches()) {
            Dataset dataset = datasets.get(m.group(1));
            if (dataset == null) {
                answer(exchange, 404, error("NotFound", "Dataset not found"));
                return;
            }
            JsonNode update = jsonBody(exchange, body);
            String invalid = update == null ? "body: a JSON object is expected." : invalidMetadata(update);
            if (invalid != null) {
                answer(exchange, 400, error("ValidationError", invalid));
                return;
            }
            dataset.body = update;
            answer(exchange, 200, Map.of("uid", m.group(1), "metadata", update.path("metadata")));
        } else if ("POST".equals(method) && (m = FILES.matcher(path)).matches()) {
            Dataset dataset = datasets.get(m.group(1));
            if (dataset == null) {
                answer(exchange, 404, error("NotFound", "Dataset not found"));
                return;
            }
            if (body.length > maxUploadBytes) {
                answer(exchange, 413, error("RequestEntityTooLarge", "File too large"));
                return;
            }
            Part file = filePart(exchange, body);
            if (file == null) {
                answer(exchange, 400, error("ValidationError", "file: No file was submitted."));
                return;
            }
            String uid = file.filename() + "-" + shortId();
            dataset.files.put(uid, file.content());
            answer(exchange, 200, Map.of("uid", uid, "filename", file.filename(), "mimetype", "text/csv"));
        } else if ("POST".equals(method) && (m = RESOURCES.matcher(path)).matches()) {
            Dataset dataset = datasets.get(m.group(1));
            if (dataset == null) {
                answer(exchange, 404, error("NotFound", "Dataset not found"));
                return;
            }
            String fileUid = resourceFile(exchange, dataset, body);
            if (fileUid == null) {
                return;
            }
            String uid = "re_" + shortId();
            dataset.resources.put(uid, new ArrayList<>(List.of(fileUid)));
            answer(exchange, 201, Map.of("uid", uid, "type", "csvfile"));
        } else if ("PUT".equals(method) && (m = RESOURCE.matcher(path)).matches()) {
            Dataset dataset = datasets.get(m.group(1));
            if (dataset == null || !dataset.resources.containsKey(m.group(2))) {
                answer(exchange, 404, error("NotFound", "Resource not found"));
                return;
            }
            String fileUid = resourceFile(exchange, dataset, body);
            if (fileUid == null) {
                return;
            }
            dataset.resources.get(m.group(2)).add(fileUid);
            answer(exchange, 200, Map.of("uid", m.group(2), "type", "csvfile"));
        } else if ("POST".equals(method) && (m = PUBLISH.matcher(path)).matches()) {
            Dataset dataset = datasets.get(m.group(1));
            if (dataset == null) {
                answer(exchange, 404, error("NotFound", "Dataset not found"));
                return;
            }
            if (dataset.resources.isEmpty()) {
                answer(exchange, 400, error("InvalidDatasetStatus", "The dataset has no resource to publish."));
                return;
            }
            dataset.publications++;
            answer(exchange, 200, Map.of("detail", "The dataset is being published."));
        } else if ("GET".equals(method) && (m = STATUS.matcher(path)).matches()) {
            Dataset dataset = datasets.get(m.group(1));
            if (dataset == null) {
                answer(exchange, 404, error("NotFound", "Dataset not found"));
                return;
            }
            answer(exchange, 200, Map.of("status", dataset.publications == 0 ? "idle" : statusAfterPublish,
                    "is_published", dataset.publications > 0, "since", "2026-11-23T10:00:00Z"));
        } else {
            answer(exchange, 404, error("NotFound", "Not found"));
        }
    }

    /** The fields of each metadata template a portal has: {@code default}, {@code internal}, and {@code dcat}. */
    public static final Map<String, Set<String>> TEMPLATES = Map.of(
            "default", Set.of("title", "description", "keyword", "modified", "modified_updates_on_metadata_change",
                    "modified_updates_on_data_change", "geographic_reference", "geographic_reference_auto", "language",
                    "timezone", "publisher", "references", "attributions"),
            "internal", Set.of("license_id", "theme_id", "draft"),
            "dcat", Set.of("created", "issued", "creator", "contributor", "contact_name", "contact_email",
                    "accrualperiodicity", "spatial", "temporal"));

    /** What the portal would say of the dataset's metadata, or null when it takes them. */
    private String invalidMetadata(JsonNode dataset) {
        JsonNode metadata = dataset.path("metadata");
        if (metadata.path("default").path("title").path("value").asText("").isBlank()) {
            return "metadata.default.title: This field is required.";
        }
        for (var templates = metadata.fields(); templates.hasNext(); ) {
            var template = templates.next();
            Set<String> fields = activated.contains(template.getKey()) ? TEMPLATES.get(template.getKey()) : null;
            if (fields == null) {
                return "metadata." + template.getKey() + ": unknown metadata template.";
            }
            for (var values = template.getValue().fields(); values.hasNext(); ) {
                var field = values.next();
                String where = "metadata." + template.getKey() + "." + field.getKey();
                if (!fields.contains(field.getKey())) {
                    return where + ": unknown metadata field.";
                }
                JsonNode value = field.getValue().get("value");
                if (value == null || !(value.isTextual() || value.isArray() || value.isBoolean())) {
                    return where + ": a {\"value\": …} object is expected.";
                }
                if (value.isArray() && !"keyword".equals(field.getKey()) && !"geographic_reference".equals(field.getKey())) {
                    return where + ": a single value is expected.";
                }
                for (JsonNode item : value.isArray() ? value : List.<JsonNode>of()) {
                    if (!item.isTextual() || item.asText().isBlank()) {
                        return where + ": each value must be a non-empty text.";
                    }
                }
            }
        }
        return null;
    }

    /** Validates a csvfile resource on one of the dataset's uploaded files; answers 400 and returns null otherwise. */
    private String resourceFile(HttpExchange exchange, Dataset dataset, byte[] body) throws IOException {
        JsonNode resource = jsonBody(exchange, body);
        JsonNode datasource = resource == null ? null : resource.path("datasource");
        String fileUid = datasource == null ? "" : datasource.path("file").path("uid").asText("");
        if (resource == null || resource.path("type").asText("").isBlank() || resource.path("title").asText("").isBlank()
                || !"uploaded_file".equals(datasource.path("type").asText()) || !dataset.files.containsKey(fileUid)) {
            answer(exchange, 400, error("ValidationError", "datasource.file: unknown uploaded file."));
            return null;
        }
        return fileUid;
    }

    private static JsonNode jsonBody(HttpExchange exchange, byte[] body) {
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

    private record Part(String filename, byte[] content) {
    }

    /** The multipart part named "file", with its filename, or null. */
    private static Part filePart(HttpExchange exchange, byte[] body) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
            return null;
        }
        String boundary = "--" + type.substring("multipart/form-data; boundary=".length());
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Matcher header = Pattern.compile("Content-Disposition: form-data; name=\"file\"; filename=\"([^\"]+)\"")
                .matcher(text);
        if (!text.startsWith(boundary) || !header.find()) {
            return null;
        }
        int start = text.indexOf("\r\n\r\n", header.end()) + 4;
        int end = text.indexOf("\r\n" + boundary + "--", start);
        return start < 4 || end < 0 ? null
                : new Part(header.group(1), text.substring(start, end).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Map<String, String> error(String code, String message) {
        return Map.of("error_code", code, "message", message);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static void answer(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(new LinkedHashMap<>(body));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
