package fr.passerelle.portals;

import static fr.passerelle.portals.Exchanges.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for data.gouv.fr's API 1 that enforces what udata checks (opendatateam/udata,
 * {@code udata/core/dataset/forms.py}, {@code models.py}, {@code constants.py}, {@code core/spatial/forms.py}):
 * X-API-KEY, JSON bodies with a title and the organisation, multipart field {@code file}, trailing slashes; a
 * licence among its ids, a frequency from {@code UpdateFrequency}, tags of 3 to 96 characters, a temporal coverage
 * with a start date, spatial zones that exist ("Unknown geoid(s)") and a known granularity, and a resource schema
 * whose name and version are in the schema catalogue it serves ({@link SchemaCatalogue}, at {@code /schemas.json}),
 * as {@code Schema.clean(check_schema_in_catalog=True)} does. Errors answer 400 {@code {"message", "errors"}}.
 */
public final class UdataContractServer implements AutoCloseable {

    public static final String API_KEY = "cle-de-test-" + UUID.randomUUID();
    public static final String ORGANIZATION = "5bbb6d6cff66bd4dc17bfd5a";

    /** The current {@code UpdateFrequency} ids. */
    public static final Set<String> FREQUENCIES = Set.of("continuous", "oneMinute", "fiveMinutes", "tenMinutes",
            "fifteenMinutes", "thirtyMinutes", "hourly", "bihourly", "trihourly", "twelveHours", "severalTimesADay",
            "threeTimesADay", "semidaily", "daily", "fiveTimesAWeek", "threeTimesAWeek", "semiweekly", "weekly",
            "biweekly", "threeTimesAMonth", "semimonthly", "monthly", "bimonthly", "quarterly", "threeTimesAYear",
            "semiannual", "annual", "biennial", "triennial", "quadrennial", "quinquennial", "decennial", "bidecennial",
            "tridecennial", "punctual", "irregular", "never", "notPlanned", "other", "unknown");
    /** data.gouv.fr's licence ids. */
    public static final Set<String> LICENCES = Set.of("lov2", "fr-lo", "odc-odbl", "odc-by", "odc-pddl", "cc-by",
            "cc-by-sa", "cc-zero", "notspecified", "other-at", "other-open", "other-pd", "other-closed");
    /** The geo levels a granularity may name, plus udata's own "other". */
    public static final Set<String> GRANULARITIES = Set.of("other", "country", "fr:region", "fr:departement",
            "fr:epci", "fr:commune", "fr:iris");
    /** The zones this server knows (GeoZones ids); any other is unknown. */
    public static final Set<String> ZONES = Set.of("fr:commune:38185", "fr:commune:38421", "fr:commune:38151",
            "fr:commune:38053", "fr:commune:75056", "fr:commune:13004", "fr:departement:38", "fr:departement:2a",
            "fr:region:84", "fr:region:11");

    private static final Pattern DATASET = Pattern.compile("/api/1/datasets/([^/]+)/");
    private static final Pattern NEW_RESOURCE = Pattern.compile("/api/1/datasets/([^/]+)/upload/");
    private static final Pattern RESOURCE = Pattern.compile("/api/1/datasets/([^/]+)/resources/([^/]+)/");
    private static final Pattern RESOURCE_FILE = Pattern.compile("/api/1/datasets/([^/]+)/resources/([^/]+)/upload/");

    /** Remote dataset id → its metadata as last written. */
    public final Map<String, JsonNode> datasets = new ConcurrentHashMap<>();
    /** Remote dataset id → its resources: resource id → uploaded contents, in order. */
    public final Map<String, Map<String, List<byte[]>>> resources = new ConcurrentHashMap<>();
    /** Resource id → its metadata as last written with PUT (title, schema…). */
    public final Map<String, JsonNode> resourceMetadata = new ConcurrentHashMap<>();
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** While set, every call is answered 503, as a portal in maintenance does. */
    public final AtomicBoolean unavailable = new AtomicBoolean();
    private final HttpServer server;
    /** The schema catalogue this server checks resources against: catalogue name → version names. */
    private final Map<String, List<String>> catalogue;

    public UdataContractServer() throws IOException {
        this(SchemaCatalogue.VERSIONS);
    }

    /** A server whose schema catalogue is {@code catalogue} (e.g. one that lacks a schema, to see it refused). */
    public UdataContractServer(Map<String, List<String>> catalogue) throws IOException {
        this.catalogue = Map.copyOf(catalogue);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/1/", this::handle);
        server.createContext("/schemas.json", exchange -> answer(exchange, 200, SchemaCatalogue.asJson(this.catalogue)));
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/1";
    }

    /** A dataset anyone may see: created, and not private. */
    public boolean isPublic(String datasetId) {
        JsonNode dataset = datasets.get(datasetId);
        return dataset != null && !dataset.path("private").asBoolean(false);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        calls.add(method + " " + path);
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
            JsonNode dataset = Exchanges.jsonObject(exchange, body);
            if (refusedDataset(exchange, dataset)) {
                return;
            }
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            datasets.put(id, dataset);
            resources.put(id, new ConcurrentHashMap<>());
            answer(exchange, 201, Map.of("id", id, "slug", dataset.path("title").asText()));
        } else if ("PUT".equals(method) && (matcher = DATASET.matcher(path)).matches()) {
            JsonNode existing = datasets.get(matcher.group(1));
            if (existing == null) {
                answer(exchange, 404, Map.of("message", "Not found"));
                return;
            }
            JsonNode update = Exchanges.jsonObject(exchange, body);
            if (refusedDataset(exchange, update)) {
                return;
            }
            // Fields left out keep their value, as udata's form does with the stored object.
            ObjectNode merged = existing.deepCopy();
            merged.setAll((ObjectNode) update);
            datasets.put(matcher.group(1), merged);
            answer(exchange, 200, Map.of("id", matcher.group(1), "private", merged.path("private").asBoolean(false)));
        } else if ("POST".equals(method) && (matcher = NEW_RESOURCE.matcher(path)).matches()) {
            Map<String, List<byte[]>> files = resources.get(matcher.group(1));
            Exchanges.Part file = Exchanges.multipart(exchange, body).get("file");
            if (files == null || file == null || file.filename() == null) {
                answer(exchange, files == null ? 404 : 400, Map.of("message", files == null ? "Not found" : "No file"));
                return;
            }
            String rid = UUID.randomUUID().toString();
            files.put(rid, new ArrayList<>(List.of(file.content())));
            answer(exchange, 201, Map.of("id", rid, "title", file.filename()));
        } else if ("POST".equals(method) && (matcher = RESOURCE_FILE.matcher(path)).matches()) {
            Map<String, List<byte[]>> files = resources.get(matcher.group(1));
            Exchanges.Part file = Exchanges.multipart(exchange, body).get("file");
            if (files == null || !files.containsKey(matcher.group(2))) {
                answer(exchange, 404, Map.of("message", "Resource does not exist"));
                return;
            }
            if (file == null) {
                answer(exchange, 400, Map.of("message", "No file"));
                return;
            }
            files.get(matcher.group(2)).add(file.content());
            answer(exchange, 200, Map.of("id", matcher.group(2)));
        } else if ("PUT".equals(method) && (matcher = RESOURCE.matcher(path)).matches()) {
            Map<String, List<byte[]>> files = resources.get(matcher.group(1));
            if (files == null || !files.containsKey(matcher.group(2))) {
                answer(exchange, 404, Map.of("message", "Resource does not exist"));
                return;
            }
            JsonNode resource = Exchanges.jsonObject(exchange, body);
            Map<String, Object> errors = new LinkedHashMap<>();
            if (resource == null || resource.path("title").asText("").isBlank()) {
                errors.put("title", List.of("This field is required."));
            } else if (resource.hasNonNull("schema")) {
                schemaErrors(resource.get("schema"), errors);
            }
            if (!errors.isEmpty()) {
                answer(exchange, 400, Map.of("message", "Validation error", "errors", errors));
                return;
            }
            resourceMetadata.put(matcher.group(2), resource);
            answer(exchange, 200, Map.of("id", matcher.group(2), "title", resource.path("title").asText()));
        } else {
            answer(exchange, 404, Map.of("message", "Not found"));
        }
    }

    /** Answers 400 and returns true when udata's dataset form would refuse the body. */
    private boolean refusedDataset(HttpExchange exchange, JsonNode dataset) throws IOException {
        Map<String, Object> errors = new LinkedHashMap<>();
        if (dataset == null || dataset.path("title").asText("").isBlank()) {
            errors.put("title", List.of("This field is required."));
        } else {
            if (!ORGANIZATION.equals(dataset.path("organization").asText())) {
                errors.put("organization", List.of("Unknown organization"));
            }
            if (dataset.has("license") && !LICENCES.contains(dataset.path("license").asText())) {
                errors.put("license", List.of("Unknown license"));
            }
            if (dataset.has("frequency") && !FREQUENCIES.contains(dataset.path("frequency").asText())) {
                errors.put("frequency", List.of("Not a valid choice"));
            }
            dataset.path("tags").forEach(tag -> {
                if (tag.asText().length() < 3 || tag.asText().length() > 96) {
                    errors.put("tags", List.of("Tag \"" + tag.asText() + "\" must be between 3 and 96 characters long."));
                }
            });
            if (dataset.has("temporal_coverage") && !validRange(dataset.get("temporal_coverage"))) {
                errors.put("temporal_coverage", List.of("Unable to parse date range"));
            }
            if (dataset.has("spatial")) {
                JsonNode spatial = dataset.get("spatial");
                List<String> unknown = new ArrayList<>();
                spatial.path("zones").forEach(zone -> {
                    if (!ZONES.contains(zone.asText())) {
                        unknown.add(zone.asText());
                    }
                });
                if (!unknown.isEmpty()) {
                    errors.put("spatial", Map.of("zones", List.of("Unknown geoid(s): " + String.join(", ", unknown))));
                } else if (spatial.has("granularity") && !GRANULARITIES.contains(spatial.path("granularity").asText())) {
                    errors.put("spatial", Map.of("granularity", List.of("Not a valid choice")));
                }
            }
            if (dataset.has("private") && !dataset.get("private").isBoolean()) {
                errors.put("private", List.of("Not a valid boolean"));
            }
        }
        if (errors.isEmpty()) {
            return false;
        }
        answer(exchange, 400, Map.of("message", "Validation error", "errors", errors));
        return true;
    }

    private static boolean validRange(JsonNode range) {
        try {
            LocalDate start = LocalDate.parse(range.path("start").asText(""));
            return !range.hasNonNull("end") || !LocalDate.parse(range.get("end").asText()).isBefore(start);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void schemaErrors(JsonNode schema, Map<String, Object> errors) {
        String name = schema.path("name").asText(null);
        String version = schema.path("version").asText(null);
        if (name == null && schema.hasNonNull("url")) {
            return;
        }
        List<String> versions = name == null ? null : catalogue.get(name);
        if (versions == null) {
            errors.put("schema", Map.of("name", List.of("Schema name \"" + name + "\" is not an allowed value. Allowed"
                    + " values: " + String.join(", ", catalogue.keySet()))));
        } else if (version != null && !versions.contains(version) && !"latest".equals(version)) {
            errors.put("schema", Map.of("version", List.of("Version \"" + version + "\" is not an allowed value for"
                    + " the schema \"" + name + "\". Allowed versions: " + String.join(", ", versions) + ", latest")));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
