package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.passerelle.e2e.HostileCorpus.HostileFile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * More than a hundred hostile uploads sent to the running stack, a few at a time: each is refused
 * with its French answer (an HTTP error, or REJECTED with the report's finding), the ingest and
 * quality services stay up with a bounded resident memory, and a valid upload sent in the middle of
 * them goes through.
 */
class HostileUploadsTest {

    private static final String SCHEMA = "stationnement-cyclable";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** Several organisations, so the corpus stays under the per-organisation upload rate. */
    private static final int ORGANISATIONS = 4;
    /** Resident memory a service run with -Xmx256m may reach: heap, metaspace, code, buffers. */
    private static final long MAX_RSS_KB = 1024 * 1024;
    private static final Set<String> FINAL = Set.of("PUBLISHED", "AWAITING_APPROVAL", "REJECTED", "BLOCKED", "FAILED");

    private static String organisation(int index) {
        return "hostile-" + (index % ORGANISATIONS) + "-" + RUN;
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyHostileFileIsRefusedInFrenchAndTheServicesStayUp() throws Exception {
        List<HostileFile> corpus = HostileCorpus.files();
        List<String> names = HostileCorpus.hostileNames();
        assertTrue(corpus.size() + names.size() + 20 >= 100, "at least 100 hostile uploads: " + corpus.size());
        RssSampler rss = RssSampler.start("ingest", "quality");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, String> uploadOf = new ConcurrentHashMap<>();
            List<Future<?>> sent = new ArrayList<>();
            String valid = null;
            for (int i = 0; i < corpus.size(); i++) {
                HostileFile file = corpus.get(i);
                String org = organisation(i);
                sent.add(pool.submit(() -> uploadOf.put(file.name(), Pipeline.accepted(org,
                        Pipeline.freshDataset("h"), SCHEMA, file.filename(), file.content().get()))));
                if (i == corpus.size() / 2) {
                    valid = Pipeline.accepted("hostile-valid-" + RUN, Pipeline.freshDataset("valide"), SCHEMA,
                            "valide.csv", Files.readAllBytes(Csv.example(SCHEMA, "exemple-valide.csv")));
                }
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String org = organisation(corpus.size() + i);
                String key = "name " + i;
                sent.add(pool.submit(() -> uploadOf.put(key, hostileName(org, name))));
            }
            for (Future<?> future : sent) {
                future.get(3, TimeUnit.MINUTES);
            }

            assertNotNull(valid);
            JsonPath validStatus = Pipeline.awaitStatus(valid, "AWAITING_APPROVAL");
            assertEquals("VALID", validStatus.getString("verdict"), validStatus.prettify());

            List<String> failures = new ArrayList<>();
            for (HostileFile file : corpus) {
                String problem = checkRefusal(file, uploadOf.get(file.name()));
                if (problem != null) {
                    failures.add(file.name() + ": " + problem);
                }
            }
            for (int i = 0; i < names.size(); i++) {
                if (uploadOf.get("name " + i).isEmpty()) {
                    continue; // refused at once: its form could not be read
                }
                JsonPath status = awaitFinal(uploadOf.get("name " + i));
                assertEquals("REJECTED", status.getString("status"), status.prettify());
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        } finally {
            pool.shutdownNow();
            rss.stop();
        }
        assertLive(Stack.INGEST);
        assertLive(Stack.QUALITY);
        rss.assertBelow(MAX_RSS_KB);
    }

    /**
     * An upload of a small readable file under a hostile name: 202, and the name kept is one safe key segment; or,
     * when a line break in the name breaks the form's part header itself, a French 400 ({@code ""} is returned).
     */
    private static String hostileName(String org, String name) {
        Response response = Pipeline.upload(org, Pipeline.freshDataset("nom"), SCHEMA, name, "a,b\n1,2\n".getBytes());
        if (name.contains("\n") || name.contains("\r")) {
            if (response.statusCode() == 400) {
                assertHouseJson(response);
                assertEquals("malformed-request", response.jsonPath().getString("code"), response.asString());
                return "";
            }
        }
        assertEquals(202, response.statusCode(), response.asString());
        String kept = response.jsonPath().getString("filename");
        assertTrue(kept.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,119}"), "unsafe name kept: " + kept);
        return response.jsonPath().getString("uploadId");
    }

    /** @return null when the upload ended REJECTED with the expected finding, else what went wrong */
    private static String checkRefusal(HostileFile file, String uploadId) {
        if (uploadId == null) {
            return "not uploaded";
        }
        JsonPath status = awaitFinal(uploadId);
        if (!"REJECTED".equals(status.getString("status"))) {
            return "ended " + status.getString("status") + " instead of REJECTED";
        }
        JsonPath report = given().when().get(status.getString("reportUrl")).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> samples = report.getList("details.samples");
        if (samples == null) {
            return "no findings in " + report.prettify();
        }
        for (Map<String, Object> sample : samples) {
            String message = String.valueOf(sample.get("message"));
            if (message.contains("Exception") || message.contains("root:")) {
                return "a technical message or a server file in the report: " + message;
            }
        }
        boolean found = samples.stream().anyMatch(sample -> file.code().equals(sample.get("code"))
                && String.valueOf(sample.get("message")).contains(file.fragment()));
        return found ? null : "no " + file.code() + " « " + file.fragment() + " » in " + samples;
    }

    private static JsonPath awaitFinal(String uploadId) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = Pipeline.status(uploadId);
            if (FINAL.contains(last.getString("status"))) {
                return last;
            }
            Pipeline.sleep(250);
        }
        fail("Upload " + uploadId + " did not finish: " + (last == null ? "" : last.prettify()));
        return last;
    }

    @Test
    void emptyFilesAndBadIdentifiersAreRefusedAtOnce() {
        for (String name : List.of("vide.csv", "vide.xlsx", "vide.json")) {
            assertError(Pipeline.upload("hostile-e-" + RUN, Pipeline.freshDataset("vide"), SCHEMA, name, new byte[0]),
                    400, "empty-file");
        }
        for (String org : List.of("Ville", "ville_de", "x".repeat(70), "vélo", "-ville", "ville-", "a b", "%2e%2e",
                "ville%00", "ville\u202E")) {
            // A token can only be of a bad slug if an identity provider let one through: then the slug check answers.
            Response response = Auth.with(Auth.staff(org)).baseUri(Stack.INGEST)
                    .multiPart("file", "a.csv", "a\n1\n".getBytes(), "text/csv").multiPart("schema", SCHEMA)
                    .when().post("/api/v1/organizations/{org}/datasets/{dataset}/uploads", org, "velos");
            assertTrue(response.statusCode() == 400 || response.statusCode() == 404, org + ": " + response.statusCode());
            Response stranger = Auth.with(Auth.staff("ville")).baseUri(Stack.INGEST)
                    .multiPart("file", "a.csv", "a\n1\n".getBytes(), "text/csv")
                    .when().post("/api/v1/organizations/{org}/datasets/{dataset}/uploads", org, "velos");
            assertTrue(stranger.statusCode() == 403 || stranger.statusCode() == 404, org + ": " + stranger.statusCode());
            assertHouseJson(response);
            assertHouseJson(stranger);
            if (response.statusCode() == 400) {
                assertEquals("invalid-slug", response.jsonPath().getString("code"), org);
                assertFalse(response.jsonPath().getString("message").isBlank());
            }
        }
        for (String schema : List.of("../../etc/passwd", "Schema", "x".repeat(200))) {
            assertError(Pipeline.upload("hostile-s-" + RUN, Pipeline.freshDataset("schema"), schema, "a.csv",
                    "a\n1\n".getBytes()), 400, "invalid-slug");
        }
    }

    @Test
    void anUploadDeclaredOverTheLimitIsRefusedBeforeItsBodyIsSent() throws IOException {
        URI ingest = URI.create(Stack.INGEST);
        try (Socket socket = new Socket(ingest.getHost(), ingest.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/organizations/hostile-size-" + RUN + "/datasets/gros/uploads HTTP/1.1\r\n"
                    + "Host: " + ingest.getHost() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: 107374182400\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(readSome(socket.getInputStream()), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"file-too-large\""), answer);
            assertTrue(answer.contains("taille maximale"), answer);
        }
        assertLive(Stack.INGEST);
    }

    @Test
    void anOrganisationSendingTooFastIsToldWhenToComeBack() {
        String org = "hostile-rate-" + RUN;
        Response last = null;
        // Empty files: each counts against the rate, none enters the pipeline.
        for (int i = 0; i < 200; i++) {
            last = Pipeline.upload(org, "rafale", SCHEMA, "vide.csv", new byte[0]);
            if (last.statusCode() == 429) {
                break;
            }
            assertEquals(400, last.statusCode(), last.asString());
        }
        assertNotNull(last);
        assertError(last, 429, "too-many-uploads");
        assertTrue(Long.parseLong(last.header("Retry-After")) >= 1, last.header("Retry-After"));
        assertEquals(400, Pipeline.upload("hostile-other-" + RUN, "rafale", SCHEMA, "vide.csv", new byte[0]).statusCode(),
                "another organisation is not held back");
    }

    @Test
    void anExportUrlToThePrivateNetworkIsRefused() {
        String org = "hostile-ssrf-" + RUN;
        String dataset = Pipeline.freshDataset("ssrf");
        Pipeline.accepted(org, dataset, SCHEMA, "a.csv", "a,b\n1,2\n".getBytes());
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/export.csv",
                "http://localhost:8081/api/v1/ops/dead-letters", "http://[::1]:8082/", "http://192.168.1.1/")) {
            Response response = given().baseUri(Stack.INGEST).contentType("application/json")
                    .body("{\"url\":\"" + url + "\",\"intervalMinutes\":1440}")
                    .when().put("/api/v1/organizations/{org}/datasets/{dataset}/source", org, dataset);
            assertError(response, 400, "url-not-allowed");
            assertTrue(response.jsonPath().getString("message").contains("Passerelle n'envoie de requêtes qu'aux adresses publiques"),
                    response.asString());
        }
    }

    /**
     * OWASP CSV injection: formulas in the free-text columns of a valid file, and in a number column of an
     * invalid one, never open as formulas from any CSV Passerelle serves: read back on {@code ,} and on
     * {@code ;} (as a French Excel does), and split naively on both, no cell starts like a formula unless
     * it is a plain number.
     */
    @Test
    void formulasInAFileNeverOpenAsFormulasFromAnyCsvPasserelleServes() throws Exception {
        String org = "hostile-csv-" + RUN;
        List<List<String>> rows = new ArrayList<>(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv")));
        List<String> header = rows.get(0);
        List<String> payloads = HostileCorpus.formulaPayloads();
        List<List<String>> valid = new ArrayList<>(List.of(header));
        List<List<String>> invalid = new ArrayList<>(List.of(header));
        for (int i = 0; i < payloads.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(1 + i % (rows.size() - 1)));
            row.set(header.indexOf("id_local"), "INJ" + i);
            row.set(header.indexOf("commentaires"), payloads.get(i));
            row.set(header.indexOf("proprietaire"), payloads.get((i + 1) % payloads.size()));
            row.set(header.indexOf("source"), "Ville;" + payloads.get((i + 2) % payloads.size()));
            valid.add(row);
            List<String> broken = new ArrayList<>(row);
            broken.set(header.indexOf("capacite"), payloads.get(i));
            invalid.add(broken);
        }
        String dataset = Pipeline.freshDataset("formules");
        String published = Pipeline.accepted(org, dataset, SCHEMA, "formules.csv", Csv.asUtf8(valid));
        Pipeline.awaitStatus(published, "AWAITING_APPROVAL");
        Pipeline.approve(org, dataset);
        Pipeline.awaitStatus(published, "PUBLISHED");
        String rejected = Pipeline.accepted(org, Pipeline.freshDataset("formules-ko"), SCHEMA, "formules.csv",
                Csv.asUtf8(invalid));
        assertEquals("REJECTED", awaitFinal(rejected).getString("status"));

        Response latest = Pipeline.latestCsv(org, dataset);
        Response errors = given().baseUri(Stack.QUALITY).when().get("/api/v1/reports/{id}/errors.csv", rejected);
        Response annotated = given().baseUri(Stack.QUALITY).when().get("/api/v1/reports/{id}/annotated.csv", rejected);
        Map<String, Response> served = Map.of("latest.csv", latest, "errors.csv", errors, "annotated.csv", annotated);
        for (Map.Entry<String, Response> csv : served.entrySet()) {
            assertEquals(200, csv.getValue().statusCode(), csv.getKey() + ": " + csv.getValue().asString());
            String text = csv.getValue().asString().replace("\uFEFF", "");
            assertTrue(text.contains("'=1+1"), csv.getKey() + " holds the neutralised payload: " + abbreviate(text));
            List<String> live = formulasIn(text);
            assertEquals(List.of(), live, csv.getKey() + ": cells a spreadsheet would run");
        }
        assertTrue(latest.asString().contains("\"x;'=2+3;y\""), "separator smuggling in latest.csv: "
                + abbreviate(latest.asString()));
        assertTrue(annotated.asString().contains("\"x;'=2+3;y\""), "separator smuggling in annotated.csv");
        assertTrue(errors.asString().contains(";'=1+1;") || errors.asString().contains(";\"'=1+1"),
                "the value column of errors.csv: " + abbreviate(errors.asString()));
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    /** Cells that would open as formulas, however a spreadsheet splits the text. */
    private static List<String> formulasIn(String text) {
        List<String> live = new ArrayList<>();
        for (char separator : new char[] {',', ';'}) {
            for (de.siegmar.fastcsv.reader.CsvRecord record : de.siegmar.fastcsv.reader.CsvReader.builder()
                    .fieldSeparator(separator).allowExtraFields(true).allowMissingFields(true)
                    .allowExtraCharsAfterClosingQuote(true).ofCsvRecord(text)) {
                record.getFields().stream().filter(HostileUploadsTest::opensAsFormula)
                        .forEach(cell -> live.add("on '" + separator + "': " + cell));
            }
        }
        for (String line : text.split("\r?\n")) {
            for (String raw : line.split("[,;\t]")) {
                String cell = raw.startsWith("\"") ? raw.substring(1) : raw;
                if (opensAsFormula(cell)) {
                    live.add("split naively: " + cell);
                }
            }
        }
        return live;
    }

    private static boolean opensAsFormula(String cell) {
        String trimmed = cell.stripLeading();
        if (trimmed.isEmpty() || trimmed.matches("[+-]?(\\d+([.,]\\d+)?|[.,]\\d+)([eE][+-]?\\d+)?")) {
            return false;
        }
        return "=+-@\t\r＝＋－＠".indexOf(cell.charAt(0)) >= 0 || "=+-@＝＋－＠".indexOf(trimmed.charAt(0)) >= 0;
    }

    /** An error answer in the house's shape: JSON (never an HTML page or an empty body) with an error id. */
    static void assertHouseJson(Response response) {
        assertTrue(String.valueOf(response.contentType()).startsWith("application/json"),
                "the house's JSON, never HTML: " + response.statusCode() + " " + response.contentType() + " "
                        + response.asString());
        assertFalse(String.valueOf(response.jsonPath().getString("errorId")).isBlank(), response.asString());
        assertFalse(response.jsonPath().getString("message").isBlank(), response.asString());
    }

    private static void assertError(Response response, int status, String code) {
        assertEquals(status, response.statusCode(), response.asString());
        assertHouseJson(response);
        JsonPath body = response.jsonPath();
        assertEquals(code, body.getString("code"), response.asString());
        assertFalse(body.getString("message").isBlank());
        assertFalse(response.asString().contains("Exception"), response.asString());
    }

    private static void assertLive(String baseUrl) {
        given().baseUri(baseUrl).when().get("/q/health/live").then().statusCode(200);
    }

    private static byte[] readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int total = 0;
        while (total < buffer.length) {
            int read = in.read(buffer, total, buffer.length - total);
            if (read < 0) {
                break;
            }
            total += read;
            String sofar = new String(buffer, 0, total, StandardCharsets.UTF_8);
            if (sofar.contains("\r\n\r\n") && sofar.trim().endsWith("}")) {
                break;
            }
        }
        return java.util.Arrays.copyOf(buffer, total);
    }

    /**
     * Samples the resident memory (VmRSS) of the services the local stack launched, whose PIDs it
     * keeps in {@code .passerelle/run/<name>.pid}, every half second.
     */
    private static final class RssSampler {

        private final Map<String, Long> pids = new ConcurrentHashMap<>();
        private final Map<String, Long> maxKb = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        static RssSampler start(String... services) {
            RssSampler sampler = new RssSampler();
            Path run = Path.of(System.getProperty("passerelle.home", Stack.root().resolve(".passerelle").toString()))
                    .resolve("run");
            for (String service : services) {
                Path pidFile = run.resolve(service + ".pid");
                try {
                    long pid = Long.parseLong(Files.readString(pidFile).trim());
                    sampler.pids.put(service, javaProcess(pid));
                } catch (IOException e) {
                    throw new UncheckedIOException("No PID for " + service + " in " + pidFile + ": is the stack up?", e);
                }
            }
            sampler.thread = new Thread(sampler::loop, "rss-sampler");
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        /** The launcher's PID, or its java child when it is a wrapper (setsid, nohup). */
        private static long javaProcess(long pid) {
            return ProcessHandle.of(pid).flatMap(handle -> handle.info().command()
                    .filter(command -> command.endsWith("java")).map(command -> handle)
                    .or(() -> handle.descendants().filter(child -> child.info().command()
                            .map(command -> command.endsWith("java")).orElse(false)).findFirst()))
                    .map(ProcessHandle::pid).orElse(pid);
        }

        private void loop() {
            while (running.get()) {
                pids.forEach((service, pid) -> maxKb.merge(service, rssKb(pid), Math::max));
                Pipeline.sleep(500);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
            pids.forEach((service, pid) -> maxKb.merge(service, rssKb(pid), Math::max));
        }

        void assertBelow(long limitKb) {
            maxKb.forEach((service, kb) -> assertTrue(kb > 0 && kb < limitKb,
                    service + " reached " + kb / 1024 + " MB resident, over " + limitKb / 1024 + " MB"));
            assertEquals(pids.keySet(), maxKb.keySet(), "every service sampled");
        }

        private static long rssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
                return 0;
            } catch (IOException e) {
                // The process is gone: the liveness check says so more clearly.
                return 0;
            }
        }
    }
}
