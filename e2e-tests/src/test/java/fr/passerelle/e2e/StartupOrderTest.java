package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up in any order: the four services are started before PostgreSQL, Kafka and S3, stay up
 * without being ready, and become ready when the infrastructure comes, without a restart; then an
 * upload goes all the way to the portal. Stops the whole stack and the machine's PostgreSQL cluster
 * for about half a minute: runs with the fault tests.
 */
@Tag("faults")
class StartupOrderTest {

    private static final String SCHEMA = "stationnement-cyclable";
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("ingest", Stack.INGEST);
        SERVICES.put("quality", Stack.QUALITY);
        SERVICES.put("catalog", Stack.CATALOG);
        SERVICES.put("publish", Stack.PUBLISH);
    }

    @Test
    void servicesStartedBeforeTheirInfrastructureWaitForItAndBecomeReady() {
        String[] names = SERVICES.keySet().toArray(String[]::new);
        Map<String, Integer> pids = new LinkedHashMap<>();
        StackControl.down();
        boolean postgresStopped = false;
        try {
            StackControl.stopPostgres();
            postgresStopped = true;
            StackControl.launch(names);
            // Without PostgreSQL a service waits for its migrations: alive, not listening yet.
            long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < until) {
                for (var service : SERVICES.entrySet()) {
                    assertTrue(StackControl.alive(service.getKey()), service.getKey() + " waits for PostgreSQL instead of exiting");
                    assertTrue(status(service.getValue(), "/q/health/ready") != 200, service.getKey() + " is not ready without PostgreSQL");
                }
                Pipeline.sleep(1_000);
            }
            for (String name : names) {
                pids.put(name, StackControl.pid(name));
            }
        } finally {
            if (postgresStopped) {
                StackControl.startPostgres();
            }
        }
        // PostgreSQL back, Kafka and S3 still away: live (HTTP up), not ready.
        for (var service : SERVICES.entrySet()) {
            awaitStatus(service.getValue(), "/q/health/live", 200);
            assertTrue(status(service.getValue(), "/q/health/ready") != 200,
                    service.getKey() + " is not ready without Kafka and S3");
        }
        Pipeline.sleep(5_000);
        for (var service : SERVICES.entrySet()) {
            assertTrue(StackControl.alive(service.getKey()), service.getKey() + " waits for Kafka and S3 instead of exiting");
            assertEquals(200, status(service.getValue(), "/q/health/live"), service.getKey() + " stays live");
            assertTrue(status(service.getValue(), "/q/health/ready") != 200, service.getKey() + " still not ready");
        }
        // Kafka and S3 come: the same processes become ready (up would start any missing one: none is).
        Duration ready = StackControl.up(names);
        for (var service : SERVICES.entrySet()) {
            awaitStatus(service.getValue(), "/q/health/ready", 200);
            assertEquals(pids.get(service.getKey()), StackControl.pid(service.getKey()),
                    service.getKey() + " became ready without a restart");
        }
        System.out.println("\n| démarrage dans le désordre | |\n|---|---|\n| Kafka et S3 démarrés, services prêts en | "
                + String.format("%.1f s", ready.toMillis() / 1000.0) + " |\n");

        String dataset = Pipeline.freshDataset("ordre-demarrage");
        String uploadId = Pipeline.accepted("demarrage", dataset, SCHEMA, "premier.csv", content());
        Pipeline.awaitStatus(uploadId, "AWAITING_APPROVAL");
        Pipeline.approve("demarrage", dataset);
        Pipeline.awaitStatus(uploadId, "PUBLISHED");
        assertEquals(200, Pipeline.latestCsv("demarrage", dataset).statusCode());
    }

    /** The HTTP status of GET url+path, or -1 when nothing listens. */
    private static int status(String url, String path) {
        try {
            return given().baseUri(url).when().get(path).statusCode();
        } catch (Exception e) {
            return -1; // RestAssured throws ConnectException unchecked
        }
    }

    private static void awaitStatus(String url, String path, int expected) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = status(url, path);
            if (last == expected) {
                return;
            }
            Pipeline.sleep(250);
        }
        throw new AssertionError(url + path + " answered " + last + ", not " + expected + ", within " + Pipeline.PATIENCE);
    }

    private static byte[] content() {
        List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        return Csv.asFrenchExcelExport(List.of(rows.get(0), rows.get(1)));
    }
}
