package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.contracts.Topics;
import fr.passerelle.contracts.UploadReceived;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The metrics that platform gives every service, seen in the services' {@code /q/metrics} while
 * the pipeline runs, and the Grafana dashboard that queries them: every metric name its PromQL
 * uses must exist in the output of at least one running service.
 *
 * <p>The replay counter of dead letters appears at the first replay: the poison-message test runs
 * first, so that the dashboard check finds it even on a stack that just started.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsAndDashboardTest {

    private static final String ORG = "metriques";
    private static final String SCHEMA = "stationnement-cyclable";
    private static final Map<String, String> SERVICES = Map.of(
            "ingest-service", Stack.INGEST, "quality-service", Stack.QUALITY,
            "catalog-service", Stack.CATALOG, "publish-service", Stack.PUBLISH,
            "notification-service", Stack.NOTIFICATION);
    private static final String CONSUMED = "passerelle_messages_consumed_total";
    private static final String PROCESSING_COUNT = "passerelle_messages_processing_seconds_count";

    @Test
    @Order(2)
    void consumedMessagesAreCountedPerTopicAndOutcomeInEveryService() throws IOException {
        Map<String, Metrics> before = scrapeAll();
        String dataset = Pipeline.freshDataset("compteurs");
        byte[] content = Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv")));
        String uploadId = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", content);
        Pipeline.awaitStatus(uploadId, "AWAITING_APPROVAL");
        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(uploadId, "PUBLISHED");

        // Who consumes what (README "Topics"): each pair must have counted at least this upload.
        awaitIncrease(before, "quality-service", "upload-received", Topics.UPLOAD_RECEIVED);
        awaitIncrease(before, "catalog-service", "quality-checked", Topics.QUALITY_CHECKED);
        awaitIncrease(before, "ingest-service", "quality-checked", Topics.QUALITY_CHECKED);
        awaitIncrease(before, "ingest-service", "version-recorded", Topics.VERSION_RECORDED);
        awaitIncrease(before, "publish-service", "publication-requested", Topics.PUBLICATION_REQUESTED);
        awaitIncrease(before, "ingest-service", "publication-completed", Topics.PUBLICATION_COMPLETED);
        awaitIncrease(before, "catalog-service", "publication-completed", Topics.PUBLICATION_COMPLETED);
        awaitIncrease(before, "notification-service", "quality-checked", Topics.QUALITY_CHECKED);
        awaitIncrease(before, "notification-service", "publication-completed", Topics.PUBLICATION_COMPLETED);

        Metrics quality = scrape(Stack.QUALITY);
        assertTrue(quality.samples("passerelle_messages_processing_seconds_bucket").stream()
                        .anyMatch(s -> "upload-received".equals(s.labels().get("channel")) && s.labels().containsKey("le")),
                "processing time is a histogram (buckets with le)");
        assertEquals("histogram", quality.types().get("passerelle_messages_processing_seconds"));

        Metrics ingest = awaitMetrics(Stack.INGEST, m -> m.samples("passerelle_outbox_sent_events_total").stream()
                .anyMatch(s -> Topics.UPLOAD_RECEIVED.equals(s.labels().get("topic")) && s.value() >= 1));
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            Metrics metrics = service.getKey().equals("ingest-service") ? ingest : scrape(service.getValue());
            assertFalse(metrics.samples("passerelle_outbox_backlog_events").isEmpty(),
                    "outbox backlog of " + service.getKey());
            assertFalse(metrics.samples("passerelle_outbox_oldest_unsent_age_seconds").isEmpty(),
                    "oldest unsent age of " + service.getKey());
        }
        // Micrometer's Kafka binder registers the per-partition metrics it finds once a minute: right after a
        // service's start they may not be there yet.
        awaitMetrics(Stack.INGEST, m -> m.samples("kafka_consumer_fetch_manager_records_lag").stream()
                .anyMatch(s -> Topics.QUALITY_CHECKED.equals(s.labels().get("topic")) && s.labels().containsKey("partition")));
    }

    @Test
    @Order(1)
    void aPoisonMessageCountsAsAFailureAndItsReplayIsCounted() throws IOException {
        Metrics before = scrape(Stack.QUALITY);
        String dataset = Pipeline.freshDataset("poison");
        MissingFileUpload poison = MissingFileUpload.send(ORG, dataset); // quality cannot read its file yet
        String eventId = poison.eventId();
        UploadReceived event = poison.event();

        Map<String, Object> dead = awaitDeadLetter(eventId);
        Map<String, String> failure = Map.of("channel", "upload-received", "topic", Topics.UPLOAD_RECEIVED,
                "outcome", "failure");
        awaitMetrics(Stack.QUALITY, m -> m.value(CONSUMED, failure) >= before.value(CONSUMED, failure) + 1);

        Map<String, String> success = Map.of("channel", "upload-received", "topic", Topics.UPLOAD_RECEIVED,
                "outcome", "success");
        double succeededBefore = scrape(Stack.QUALITY).value(CONSUMED, success);
        Map<String, String> replayed = Map.of("topic", Topics.UPLOAD_RECEIVED);
        double replayedBefore = scrape(Stack.INGEST).value("passerelle_dead_letters_replayed_total", replayed);
        poison.putTheFile();
        given().baseUri(Stack.INGEST).when().post("/api/v1/ops/dead-letters/{id}/replay", dead.get("id"))
                .then().statusCode(200);
        assertTrue(scrape(Stack.INGEST).value("passerelle_dead_letters_replayed_total", replayed) >= replayedBefore + 1,
                "the replay is counted");
        awaitMetrics(Stack.QUALITY, m -> m.value(CONSUMED, success) >= succeededBefore + 1);
    }

    @Test
    @Order(2)
    void uploadsByFinalStatusBytesAndCheckedRowsAreCounted() {
        Metrics ingestBefore = scrape(Stack.INGEST);
        Metrics qualityBefore = scrape(Stack.QUALITY);
        double rejected = ingestBefore.value("passerelle_uploads_finished_total", Map.of("status", "REJECTED"));
        double invalid = qualityBefore.value("passerelle_quality_files_checked_total", Map.of("verdict", "invalid"));
        double rows = qualityBefore.value("passerelle_quality_checked_rows_total", Map.of());
        byte[] content = "id_local;capacite\nA1;beaucoup\nA2;3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String upload = Pipeline.accepted(ORG, Pipeline.freshDataset("statuts"), "stationnement-cyclable", "v.csv", content);
        Pipeline.awaitStatus(upload, "REJECTED");

        Metrics ingest = awaitMetrics(Stack.INGEST,
                m -> m.value("passerelle_uploads_finished_total", Map.of("status", "REJECTED")) >= rejected + 1);
        assertTrue(ingest.value("passerelle_uploads_received_total", Map.of("source", "upload")) >= 1);
        assertTrue(ingest.value("passerelle_uploads_received_size_bytes_total", Map.of()) >= content.length);
        Metrics quality = awaitMetrics(Stack.QUALITY,
                m -> m.value("passerelle_quality_files_checked_total", Map.of("verdict", "invalid")) >= invalid + 1);
        assertTrue(quality.value("passerelle_quality_checked_rows_total", Map.of()) >= rows + 2, "two data rows read");
        assertTrue(quality.value("passerelle_quality_read_bytes_total", Map.of()) >= content.length);
        assertTrue(quality.value("passerelle_quality_check_seconds_count", Map.of()) >= 1);
    }

    @Test
    @Order(3)
    void everyMetricTheDashboardQueriesExistsInARunningService() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                Stack.root().resolve("deploy/grafana/dashboards/passerelle.json").toFile());
        List<String> expressions = new ArrayList<>();
        int panels = collectExpressions(dashboard.path("panels"), expressions);
        assertTrue(panels >= 7, "the dashboard has its panels: " + panels);
        assertFalse(expressions.isEmpty());

        Set<String> exposed = new TreeSet<>();
        Map<String, String> types = new HashMap<>();
        for (String url : SERVICES.values()) {
            Metrics metrics = scrape(url);
            exposed.addAll(metrics.names());
            types.putAll(metrics.types());
        }
        Set<String> missing = new TreeSet<>();
        for (String expression : expressions) {
            Set<String> names = PromQl.metricNames(expression);
            assertFalse(names.isEmpty(), "no metric found in " + expression);
            for (String name : names) {
                if (!PromQl.exists(name, exposed, types)) {
                    missing.add(name + " (in " + expression + ")");
                }
            }
        }
        assertTrue(missing.isEmpty(), "metrics the dashboard queries but no service exposes: " + missing);
    }

    @Test
    void metricNamesAreExtractedFromPromQl() {
        assertEquals(Set.of("http_server_requests_seconds_count"), PromQl.metricNames(
                "sum by (job) (rate(http_server_requests_seconds_count{status=~\"5..\", uri!=\"/q/metrics\"}[1m]))"));
        assertEquals(Set.of("a_bucket", "b_total", "c"), PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, channel) (rate(a_bucket[5m]))) / on (job) group_left"
                        + " (topic) b_total offset 5m + ignoring(x) c * 2e3"));
        assertTrue(PromQl.exists("h_bucket", Set.of("h_bucket"), Map.of("h", "histogram")));
        assertTrue(PromQl.exists("h_sum", Set.of(), Map.of("h", "histogram")));
        assertFalse(PromQl.exists("g_bucket", Set.of(), Map.of("g", "gauge")));
        assertFalse(PromQl.exists("nowhere_total", Set.of("nowhere"), Map.of()));
    }

    private static int collectExpressions(JsonNode panels, List<String> expressions) {
        int count = 0;
        for (JsonNode panel : panels) {
            if ("row".equals(panel.path("type").asText())) {
                count += collectExpressions(panel.path("panels"), expressions);
                continue;
            }
            count++;
            JsonNode targets = panel.path("targets");
            assertTrue(targets.size() > 0, "panel « " + panel.path("title").asText() + " » queries something");
            for (JsonNode target : targets) {
                String expr = target.path("expr").asText();
                assertFalse(expr.isBlank(), "panel « " + panel.path("title").asText() + " » has an expression");
                expressions.add(expr);
            }
        }
        return count;
    }

    private static void awaitIncrease(Map<String, Metrics> before, String service, String channel, String topic) {
        Map<String, String> labels = Map.of("channel", channel, "topic", topic, "outcome", "success");
        double was = before.get(service).value(CONSUMED, labels);
        double timedWas = before.get(service).value(PROCESSING_COUNT, labels);
        Metrics now = awaitMetrics(SERVICES.get(service), m -> m.value(CONSUMED, labels) >= was + 1);
        assertTrue(now.value(PROCESSING_COUNT, labels) >= timedWas + 1,
                service + " times what it consumes from " + topic);
    }

    private static Metrics awaitMetrics(String url, Predicate<Metrics> condition) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        Metrics last;
        do {
            last = scrape(url);
            if (condition.test(last)) {
                return last;
            }
            Pipeline.sleep(300);
        } while (System.nanoTime() < deadline);
        fail("The metrics of " + url + " did not reach the expected value within " + Pipeline.PATIENCE + ":\n"
                + last.samples(CONSUMED));
        return last;
    }

    private static Map<String, Metrics> scrapeAll() {
        Map<String, Metrics> all = new LinkedHashMap<>();
        SERVICES.forEach((service, url) -> all.put(service, scrape(url)));
        return all;
    }

    private static Metrics scrape(String url) {
        return Metrics.parse(given().baseUri(url).when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static Map<String, Object> awaitDeadLetter(String eventId) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> pending = given().baseUri(Stack.INGEST).queryParam("topic", Topics.UPLOAD_RECEIVED)
                    .when().get("/api/v1/ops/dead-letters").then().statusCode(200).extract().jsonPath().getList("$");
            for (Map<String, Object> letter : pending) {
                if (eventId.equals(letter.get("ceId"))) {
                    return letter;
                }
            }
            Pipeline.sleep(500);
        }
        throw new AssertionError("Dead letter " + eventId + " not listed within " + Pipeline.PATIENCE);
    }

    /** One sample line of the Prometheus text format. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** A scrape: its samples, and the type that each {@code # TYPE} line declares. */
    record Metrics(List<Sample> all, Map<String, String> types) {

        private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        static Metrics parse(String text) {
            List<Sample> samples = new ArrayList<>();
            Map<String, String> types = new HashMap<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    String[] parts = line.split("\\s+");
                    types.put(parts[2], parts[3]);
                    continue;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                // OpenMetrics may follow the value with an exemplar (" # {trace_id=…} 1.0 ts"): not the series' labels.
                int exemplar = line.indexOf(" # ");
                Matcher matcher = LINE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).trim());
                if (!matcher.matches()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                if (matcher.group(3) != null) {
                    Matcher label = LABEL.matcher(matcher.group(3));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                samples.add(new Sample(matcher.group(1), labels, parseValue(matcher.group(4))));
            }
            return new Metrics(samples, types);
        }

        private static double parseValue(String value) {
            return switch (value) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(value);
            };
        }

        Set<String> names() {
            Set<String> names = new TreeSet<>(types.keySet());
            all.forEach(sample -> names.add(sample.name()));
            return names;
        }

        List<Sample> samples(String name) {
            return all.stream().filter(sample -> sample.name().equals(name)).toList();
        }

        /** Sum of the samples of {@code name} whose labels include {@code labels}; 0 when none. */
        double value(String name, Map<String, String> labels) {
            return samples(name).stream()
                    .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                    .mapToDouble(Sample::value).sum();
        }
    }

    /** Just enough PromQL reading to find the metric names of an expression. */
    static final class PromQl {

        private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
        private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
        private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
        private static final Pattern GROUPING = Pattern.compile(
                "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
        private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-z]+");
        private static final Pattern IDENTIFIER = Pattern.compile("(?<![0-9.])\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?");
        private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
                "group_right", "offset", "bool", "and", "or", "unless", "atan2", "inf", "nan", "e");
        private static final Map<String, String> SUFFIXES = Map.of(
                "_bucket", "histogram", "_sum", "histogram|summary", "_count", "histogram|summary");

        private PromQl() {
        }

        static Set<String> metricNames(String expression) {
            String stripped = STRING.matcher(expression).replaceAll(" ");
            stripped = MATCHERS.matcher(stripped).replaceAll(" ");
            stripped = RANGE.matcher(stripped).replaceAll(" ");
            stripped = GROUPING.matcher(stripped).replaceAll(" ");
            stripped = OFFSET.matcher(stripped).replaceAll(" ");
            stripped = stripped.replaceAll("\\b(group_left|group_right)\\b", " ");
            Set<String> names = new TreeSet<>();
            Matcher matcher = IDENTIFIER.matcher(stripped);
            while (matcher.find()) {
                String identifier = matcher.group(1);
                boolean isFunction = matcher.group(2) != null;
                if (!isFunction && !KEYWORDS.contains(identifier.toLowerCase())) {
                    names.add(identifier);
                }
            }
            return names;
        }

        /**
         * A name exists if a service exposes it as a sample or declares it in a TYPE line, or if it
         * is a histogram's {@code _bucket}, or a histogram's or summary's {@code _sum}/{@code _count},
         * of a declared base name.
         */
        static boolean exists(String name, Set<String> exposed, Map<String, String> types) {
            if (exposed.contains(name) && !SUFFIXES.keySet().stream().anyMatch(name::endsWith)) {
                return true;
            }
            for (Map.Entry<String, String> suffix : SUFFIXES.entrySet()) {
                if (name.endsWith(suffix.getKey())) {
                    String base = name.substring(0, name.length() - suffix.getKey().length());
                    String type = types.get(base);
                    if (type != null) {
                        return type.matches(suffix.getValue());
                    }
                    // Not a histogram or summary series: then it must be a plain sample of that name.
                    return exposed.contains(name) && !types.containsKey(base);
                }
            }
            return false;
        }
    }
}
