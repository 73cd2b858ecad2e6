package fr.passerelle.e2e;

import fr.passerelle.portals.UdataContractServer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing doubled, on the real stack: a steady stream of uploads (valid and invalid,
 * several organisations and datasets) while each service is stopped with SIGTERM (graceful shutdown:
 * requests in flight finish, consumers stop cleanly) and restarted, then killed with kill -9 and restarted, the
 * Kafka broker and PostgreSQL are restarted, the S3 server is away, and a data.gouv.fr-like target
 * answers 503. At the end, from the services' own APIs and databases: every accepted upload reached
 * its final status, each valid one is exactly one version, published, the outboxes are empty, no
 * dead letter, and the portal serves each dataset's latest version. Prints the figures.
 *
 * <p>Runs after the other end-to-end tests, in its own surefire execution: {@code ./passerelle test} runs
 * the short form (200 uploads; {@code -DskipFaults} skips it), {@code bench/faults.sh} the long form
 * (2,000 uploads).
 */
@Tag("faults")
class PipelineFaultsTest {

    private static final int UPLOADS = Integer.getInteger("passerelle.faults.uploads", 200);
    private static final Duration S3_OUTAGE = Duration.ofSeconds(Long.getLong("passerelle.faults.s3-outage-seconds", 30));
    private static final String SCHEMA = "stationnement-cyclable";
    private static final String RUN = Pipeline.freshDataset("p").substring(2);
    private static final List<String> ORGS = List.of("pannes-a-" + RUN, "pannes-b-" + RUN, "pannes-c-" + RUN);
    private static final int DATASETS_PER_ORG = 3;
    private static final List<String> SCHEMAS_OF_SERVICES = List.of("ingest", "quality", "catalog", "publish",
            "notification");

    /** One upload of the stream: where it goes, whether it is valid, and what happened to it. */
    private record Planned(int number, String organization, String dataset, boolean valid, byte[] content) {
    }

    private final Map<Integer, List<String>> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger acceptedCount = new AtomicInteger();
    /** The bodies of the answers that were failures rather than refusals, to find their cause in the log. */
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    /** How long each service took to exit after SIGTERM (part of its recovery time). */
    private final Map<String, Duration> shutdowns = new LinkedHashMap<>();
    /** Uploads the senders may send so far: released a slice at each fault, so every fault meets uploads in flight. */
    private final AtomicInteger released = new AtomicInteger();
    private static final int FAULTS = 12;
    private static final int SLICE = Math.max(1, UPLOADS / (FAULTS + 1));

    @Test
    void noUploadIsLostOrDoubledThroughCrashesRestartsAndOutages() throws Exception {
        List<String[]> datasets = new ArrayList<>();
        for (String org : ORGS) {
            for (int d = 0; d < DATASETS_PER_ORG; d++) {
                datasets.add(new String[] {org, "jeu-" + d});
            }
        }
        try (UdataContractServer udata = new UdataContractServer()) {
            String[] remote = datasets.get(0);
            for (String[] dataset : datasets) {
                approveFirstVersion(dataset[0], dataset[1]);
            }
            given().baseUri(Stack.PUBLISH).contentType("application/json")
                    .body(Map.of("apiUrl", udata.apiUrl(), "organizationId", UdataContractServer.ORGANIZATION,
                            "apiKey", UdataContractServer.API_KEY))
                    .when().put("/api/v1/targets/{org}/{dataset}/udata", remote[0], remote[1]).then().statusCode(200);

            List<Planned> plan = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                String[] dataset = datasets.get(i % datasets.size());
                boolean valid = i % 4 != 3;
                plan.add(new Planned(i, dataset[0], dataset[1], valid, content(i, valid)));
            }
            ExecutorService senders = Executors.newFixedThreadPool(4);
            List<Future<?>> sending = new ArrayList<>();
            long started = System.nanoTime();
            released.set(SLICE);
            for (Planned upload : plan) {
                sending.add(senders.submit(() -> send(upload)));
            }
            Map<String, Duration> recovery = new LinkedHashMap<>();
            recovery.put("cible data.gouv.fr en 503 pendant 10 s", during(() -> {
                udata.unavailable.set(true);
                Pipeline.sleep(10_000);
                udata.unavailable.set(false);
                return Duration.ofSeconds(10);
            }));
            for (String service : SCHEMAS_OF_SERVICES) {
                recovery.put("SIGTERM " + service, during(() -> {
                    Duration stopping = StackControl.terminate(service);
                    shutdowns.put(service, stopping);
                    return stopping.plus(StackControl.up(service));
                }));
            }
            for (String service : SCHEMAS_OF_SERVICES) {
                recovery.put("kill -9 " + service, during(() -> {
                    StackControl.kill(service);
                    return StackControl.up(service);
                }));
            }
            recovery.put("redémarrage de Kafka", during(() -> {
                StackControl.kill("kafka");
                return StackControl.up("ingest", "quality", "catalog", "publish", "notification");
            }));
            recovery.put("redémarrage de PostgreSQL", during(StackControl::restartPostgres));
            recovery.put("S3 absent " + S3_OUTAGE.toSeconds() + " s", during(() -> {
                StackControl.kill("s3");
                Pipeline.sleep(S3_OUTAGE.toMillis());
                return StackControl.up("ingest", "quality", "catalog", "publish", "notification");
            }));
            released.set(UPLOADS);
            senders.shutdown();
            for (Future<?> future : sending) {
                future.get(10, TimeUnit.MINUTES);
            }
            Duration streaming = Duration.ofNanos(System.nanoTime() - started);

            // Every accepted upload reaches its final status; none stays behind.
            Map<Integer, String> finals = new LinkedHashMap<>();
            Map<String, String> statusOf = new LinkedHashMap<>();
            List<String> lost = new ArrayList<>();
            for (Planned upload : plan) {
                for (String id : accepted.getOrDefault(upload.number(), List.of())) {
                    String expected = upload.valid() ? "PUBLISHED" : "REJECTED";
                    String status = awaitFinal(id);
                    finals.put(upload.number(), status);
                    statusOf.put(id, status);
                    if (!expected.equals(status)) {
                        lost.add("upload " + upload.number() + " (" + id + ") ended " + status + ", expected " + expected);
                    }
                }
            }
            // Each valid upload is exactly one version of its dataset; each dataset's portal serves its latest.
            List<String> duplicated = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String[] dataset : datasets) {
                List<Map<String, Object>> versions = given().baseUri(Stack.CATALOG)
                        .when().get("/api/v1/datasets/{org}/{dataset}/versions", dataset[0], dataset[1])
                        .then().statusCode(200).extract().jsonPath().getList("$");
                Map<String, Long> byUpload = versions.stream().collect(Collectors.groupingBy(
                        version -> String.valueOf(version.get("uploadId")), Collectors.counting()));
                byUpload.forEach((upload, count) -> {
                    if (count > 1) {
                        duplicated.add(dataset[0] + "/" + dataset[1] + ": upload " + upload + " is " + count + " versions");
                    }
                });
                Set<String> expectedUploads = plan.stream()
                        .filter(upload -> upload.valid() && upload.organization().equals(dataset[0])
                                && upload.dataset().equals(dataset[1]))
                        .flatMap(upload -> accepted.getOrDefault(upload.number(), List.of()).stream())
                        .collect(Collectors.toSet());
                expectedUploads.stream().filter(upload -> !byUpload.containsKey(upload)).sorted()
                        .forEach(upload -> missing.add(dataset[0] + "/" + dataset[1] + ": upload " + upload
                                + " (" + statusOf.get(upload) + ") is no version"));
                int latest = versions.stream().mapToInt(version -> ((Number) version.get("version")).intValue()).max()
                        .orElseThrow();
                Response csv = Pipeline.latestCsv(dataset[0], dataset[1]);
                assertEquals(String.valueOf(latest), csv.header("X-Passerelle-Version"),
                        dataset[0] + "/" + dataset[1] + ": the portal serves the latest version");
            }
            // The remote portal caught up after its outage, in place: one dataset, one resource.
            int remoteLatest = given().baseUri(Stack.CATALOG)
                    .when().get("/api/v1/datasets/{org}/{dataset}/versions", remote[0], remote[1]).then().extract()
                    .jsonPath().getList("version", Integer.class).stream().mapToInt(Integer::intValue).max().orElseThrow();
            Pipeline.awaitRemoteTarget(remote[0], remote[1], remoteLatest);
            assertEquals(1, udata.datasets.size(), "no duplicate remote dataset");
            assertEquals(1, udata.resources.values().iterator().next().size(), "no duplicate remote resource");

            long unsent = unsentOutboxEvents();
            List<Object> deadLetters = given().baseUri(Stack.INGEST).when().get("/api/v1/ops/dead-letters")
                    .then().statusCode(200).extract().jsonPath().getList("$").stream()
                    .filter(letter -> ORGS.stream().anyMatch(org -> String.valueOf(letter).contains(org))).toList();

            long valid = plan.stream().filter(Planned::valid).count();
            long published = finals.values().stream().filter("PUBLISHED"::equals).count();
            long rejected = finals.values().stream().filter("REJECTED"::equals).count();
            Notified notified = notified(rejected);
            // Besides the stream's, each dataset's first version, approved before it (sent without a key).
            long recorded = uploadsRecorded() - datasets.size();
            System.out.println(table(plan.size(), valid, published, rejected, lost.size(), duplicated.size(), unsent,
                    deadLetters.size(), streaming, recovery) + "| dépôts du flux enregistrés par ingest | " + recorded + " |\n"
                    + notified.lines());

            assertEquals(plan.size(), acceptedCount.get() - duplicateAcceptances(), "every upload was accepted in the end");
            // A try whose answer was lost (ingest killed after its commit) and sent again is the same upload.
            assertEquals(plan.size(), recorded, "one upload per file sent, whatever the tries");
            assertTrue(lost.isEmpty(), "lost: " + lost);
            assertTrue(missing.isEmpty(), "every valid upload is a version: " + missing);
            assertTrue(duplicated.isEmpty(), "duplicated: " + duplicated);
            assertEquals(0, unsent, "nothing is stuck in an outbox");
            assertTrue(deadLetters.isEmpty(), "no dead letter: " + deadLetters);
            // Issue 19: one message per refused file, none left unsent, each mail received once.
            assertEquals(rejected, notified.messages(), "one message per refused file: " + notified);
            assertEquals(0, notified.unsent(), "no message left unsent: " + notified);
            // A kill -9 after the relay took a message and before it was recorded sends it again, with the same
            // Message-ID (mail clients fold it): counted as « en double », not a failure (NotificationsTest).
            assertEquals(notified.sent(), notified.distinctMails(), "every sent message received: " + notified);
            assertEquals(0, refusals.getOrDefault("500", new AtomicInteger()).get(), () -> "never a 500: " + refusals
                    + "\n" + failuresWithTheirCause());
        }
    }

    /** Each failure's answer and, when ingest logged it, the log lines under its error id (the cause). */
    private String failuresWithTheirCause() {
        StringBuilder told = new StringBuilder();
        for (String body : failures) {
            told.append(body).append('\n');
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"errorId\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            if (id.find()) {
                told.append(ingestLogUnder(id.group(1))).append('\n');
            }
        }
        return told.toString();
    }

    /** Ingest's log from {@code id} on (its stack trace), in the current log or the one a restart set aside. */
    private static String ingestLogUnder(String id) {
        for (String name : List.of("ingest.log", "ingest.log.1")) {
            java.nio.file.Path log = Stack.home().resolve("logs").resolve(name);
            try {
                String text = new String(java.nio.file.Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8);
                int at = text.indexOf(id);
                if (at >= 0) {
                    return text.substring(text.lastIndexOf('\n', at) + 1, Math.min(text.length(), at + 4_000));
                }
            } catch (java.io.IOException e) {
                // no such log (yet): try the other one
            }
        }
        return "(error id " + id + " is in neither ingest.log nor ingest.log.1)";
    }

    /** Sends until accepted, as a careful client does: waits as Retry-After says, or a second. */
    private void send(Planned upload) {
        while (released.get() <= upload.number()) {
            Pipeline.sleep(50);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        // One key for all the tries: an answer lost to a kill (ingest committed, then died) makes no second upload.
        String idempotencyKey = RUN + "-" + upload.number();
        while (System.nanoTime() < deadline) {
            try {
                Response response = Pipeline.upload(Stack.INGEST, upload.organization(), upload.dataset(), SCHEMA,
                        "export-" + upload.number() + ".csv", upload.content(), idempotencyKey);
                if (response.statusCode() == 202) {
                    accepted.computeIfAbsent(upload.number(), n -> Collections.synchronizedList(new ArrayList<>()))
                            .add(response.jsonPath().getString("uploadId"));
                    acceptedCount.incrementAndGet();
                    return;
                }
                refusals.computeIfAbsent(String.valueOf(response.statusCode()), code -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() >= 500 && response.statusCode() != 503) {
                    failures.add(response.asString());
                }
                String retryAfter = response.header("Retry-After");
                Pipeline.sleep(retryAfter == null ? 1000 : Math.min(10, Long.parseLong(retryAfter)) * 1000);
            } catch (Exception e) {
                // RestAssured throws ConnectException unchecked: the service is down, the client tries again.
                refusals.computeIfAbsent("connexion", code -> new AtomicInteger()).incrementAndGet();
                Pipeline.sleep(1000);
            }
        }
        throw new AssertionError("upload " + upload.number() + " was never accepted: " + refusals);
    }

    private interface Fault {
        Duration inflict() throws Exception;
    }

    /**
     * Once half the slice released so far is accepted, releases the next slice and inflicts the fault while it
     * flows (and while the pipeline still checks, records and publishes the earlier ones); times the recovery.
     */
    private Duration during(Fault fault) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (acceptedCount.get() < released.get() - SLICE / 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the stream stalled: " + acceptedCount.get() + " accepted of " + released.get()
                        + " released; refusals " + refusals);
            }
            Pipeline.sleep(100);
        }
        released.set(Math.min(UPLOADS, released.get() + SLICE));
        Duration took = fault.inflict();
        for (String url : List.of(Stack.INGEST, Stack.QUALITY, Stack.CATALOG, Stack.PUBLISH)) {
            awaitReady(url);
        }
        return took;
    }

    private static void awaitReady(String url) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (given().baseUri(url).when().get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Pipeline.sleep(250);
        }
        throw new AssertionError(url + " not ready within " + Pipeline.PATIENCE);
    }

    /** Polls an upload until a final status: these uploads wait behind restarts, so the patience is longer. */
    private static String awaitFinal(String uploadId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String status = null;
        while (System.nanoTime() < deadline) {
            try {
                status = Pipeline.status(uploadId).getString("status");
                if (Set.of("PUBLISHED", "REJECTED", "BLOCKED", "FAILED").contains(status)) {
                    return status;
                }
            } catch (RuntimeException | AssertionError e) {
                // the service is still coming back
            }
            Pipeline.sleep(250);
        }
        return "bloqué en " + status;
    }

    private int duplicateAcceptances() {
        return accepted.values().stream().mapToInt(ids -> ids.size() - 1).sum();
    }

    private static void approveFirstVersion(String organization, String dataset) {
        String first = Pipeline.accepted(organization, dataset, SCHEMA, "premier.csv", content(-1, true));
        Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
        Pipeline.approve(organization, dataset);
        Pipeline.awaitStatus(first, "PUBLISHED");
    }

    /** The national example with a row of its own (so every version differs), broken when invalid. */
    private static byte[] content(int number, boolean valid) {
        List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        List<String> header = rows.get(0);
        List<String> row = new ArrayList<>(rows.get(1));
        row.set(header.indexOf("id_local"), "STPANNE" + (number + 1));
        if (!valid) {
            row.set(header.indexOf("capacite"), "beaucoup");
        }
        return Csv.asFrenchExcelExport(List.of(header, row));
    }

    /**
     * What notification-service told of this run: its messages for the refused files (to the uploader, the datasets'
     * contributor), once the sender is done, and the mail GreenMail received for them.
     */
    record Notified(long messages, long sent, long unsent, long mails, long distinctMails) {
        String lines() {
            return "| messages (courriels) des dépôts refusés | " + messages + " (" + sent + " envoyés, le reste au résumé"
                    + " du jour) |\n| courriels distincts reçus / renvois à l'identique (même Message-ID) | " + distinctMails
                    + " / " + (mails - distinctMails) + " |\n";
        }
    }

    private static Notified notified(long rejected) throws Exception {
        String sql = "SELECT count(*), count(*) FILTER (WHERE status = 'SENT'),"
                + " count(*) FILTER (WHERE status IN ('PENDING', 'SENDING', 'FAILED'))"
                + " FROM message WHERE kind = 'upload.rejected' AND recipient = ANY (?)";
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        long[] counts;
        do {
            try (Connection connection = DriverManager.getConnection(Stack.JDBC, "notification",
                    Stack.secret("PASSERELLE_DB_PASSWORD_NOTIFICATION"));
                 var statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text",
                        ORGS.stream().map(org -> "agent@" + org + ".fr").toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    counts = new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)};
                }
            }
            if (counts[0] < rejected || counts[2] > 0) {
                Pipeline.sleep(500); // the last outcomes may still be on their way, or being sent
            }
        } while ((counts[0] < rejected || counts[2] > 0) && System.nanoTime() < deadline);
        Pipeline.sleep(1000); // GreenMail lists a mail once its SMTP dialogue ended
        long mails = 0;
        Set<String> ids = new java.util.HashSet<>();
        for (String org : ORGS) {
            for (Mailbox.Mail mail : Mailbox.of("agent@" + org + ".fr")) {
                if (mail.subject() != null && mail.subject().contains("Fichier refusé")) {
                    mails++;
                    ids.add(mail.messageId());
                }
            }
        }
        return new Notified(counts[0], counts[1], counts[2], mails, ids.size());
    }

    /** The uploads ingest recorded for this run's organisations, known to the client or not. */
    private static long uploadsRecorded() throws Exception {
        try (Connection connection = DriverManager.getConnection(Stack.JDBC, "ingest",
                Stack.secret("PASSERELLE_DB_PASSWORD_INGEST"));
             var statement = connection.prepareStatement("SELECT count(*) FROM upload WHERE organization = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", ORGS.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long unsentOutboxEvents() throws Exception {
        long unsent = 0;
        for (String service : SCHEMAS_OF_SERVICES) {
            long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
            long count;
            do {
                try (Connection connection = DriverManager.getConnection(Stack.JDBC, service,
                        Stack.secret("PASSERELLE_DB_PASSWORD_" + service.toUpperCase()));
                     ResultSet rows = connection.createStatement()
                             .executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
                    rows.next();
                    count = rows.getLong(1);
                }
                if (count > 0) {
                    Pipeline.sleep(500); // the relay may still be sending the last events
                }
            } while (count > 0 && System.nanoTime() < deadline);
            unsent += count;
        }
        return unsent;
    }

    private String table(int sent, long valid, long published, long rejected, int lost, int duplicated, long unsent,
                         int deadLetters, Duration streaming, Map<String, Duration> recovery) {
        StringBuilder table = new StringBuilder("\n| pannes : " + sent + " dépôts | nombre |\n|---|---|\n");
        table.append("| envoyés | ").append(sent).append(" (dont ").append(valid).append(" valides) |\n");
        table.append("| acceptés (202) | ").append(acceptedCount.get()).append(" |\n");
        table.append("| refus avant acceptation, par code | ").append(refusals).append(" |\n");
        table.append("| publiés | ").append(published).append(" |\n");
        table.append("| refusés (REJECTED) | ").append(rejected).append(" |\n");
        table.append("| perdus | ").append(lost).append(" |\n");
        table.append("| en double | ").append(duplicated).append(" |\n");
        table.append("| événements restés dans une outbox | ").append(unsent).append(" |\n");
        table.append("| lettres mortes | ").append(deadLetters).append(" |\n");
        table.append("| durée du flux | ").append(streaming.toSeconds()).append(" s |\n");
        recovery.forEach((fault, took) -> table.append("| retour après ").append(fault).append(" | ")
                .append(String.format("%.1f s", took.toMillis() / 1000.0)).append(" |\n"));
        shutdowns.forEach((service, took) -> table.append("| arrêt de ").append(service).append(" après SIGTERM | ")
                .append(String.format("%.1f s", took.toMillis() / 1000.0)).append(" |\n"));
        return table.toString();
    }
}
