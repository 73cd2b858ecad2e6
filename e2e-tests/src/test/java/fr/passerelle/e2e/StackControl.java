package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Breaks and mends the local stack for the fault tests: kill -9 by the PIDs the launcher records in
 * {@code .passerelle/run/}, start again with {@code ./passerelle up} (no build), restart PostgreSQL.
 */
final class StackControl {

    private StackControl() {
    }

    /** kill -9 of a component: ingest, quality, catalog, publish, kafka or s3. */
    static void kill(String component) {
        Path pidFile = Stack.root().resolve(".passerelle/run/" + component + ".pid");
        try {
            String pid = Files.readString(pidFile).trim();
            run(List.of("kill", "-9", pid), Duration.ofSeconds(10));
            // The process must be gone before "up" looks at it, or "up" would find it still running.
            Path proc = Path.of("/proc", pid);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Files.exists(proc) && System.nanoTime() < deadline) {
                Pipeline.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts whatever of the stack is not running, and waits until it is ready: {@code services} are
     * the services to (re)start, infrastructure always comes along.
     *
     * @return how long it took
     */
    static Duration up(String... services) {
        long started = System.nanoTime();
        ProcessBuilder up = new ProcessBuilder(Stack.root().resolve("passerelle").toString(), "up")
                .directory(Stack.root().toFile()).redirectErrorStream(true);
        up.environment().put("PASSERELLE_SKIP_BUILD", "1");
        up.environment().put("PASSERELLE_SERVICES", String.join(" ", services));
        runChecked(up, Duration.ofMinutes(4));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Restarts the machine's PostgreSQL cluster on the stack's port (5432). */
    static Duration restartPostgres() {
        long started = System.nanoTime();
        String clusters = output(new ProcessBuilder("pg_lsclusters", "-h"));
        String[] cluster = clusters.lines().map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > 2 && fields[2].equals("5432")).findFirst()
                .orElseThrow(() -> new AssertionError("no PostgreSQL cluster on port 5432: " + clusters));
        runChecked(new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", cluster[0], cluster[1], "restart")
                .redirectErrorStream(true), Duration.ofMinutes(2));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void run(List<String> command, Duration timeout) {
        runChecked(new ProcessBuilder(command).redirectErrorStream(true), timeout);
    }

    private static void runChecked(ProcessBuilder builder, Duration timeout) {
        String output = output(builder, timeout);
        if (output.startsWith("exit ")) {
            throw new AssertionError(String.join(" ", builder.command()) + " failed: " + output);
        }
    }

    private static String output(ProcessBuilder builder) {
        return output(builder, Duration.ofSeconds(30));
    }

    /** The command's output; prefixed with "exit N" when it failed. */
    private static String output(ProcessBuilder builder, Duration timeout) {
        try {
            Path log = Files.createTempFile("passerelle-fault-", ".log");
            try {
                Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", builder.command()) + " did not end within " + timeout);
                }
                String output = Files.readString(log);
                return process.exitValue() == 0 ? output : "exit " + process.exitValue() + ": " + output;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void assertReady(String baseUrl) {
        assertEquals(200, io.restassured.RestAssured.given().baseUri(baseUrl).when().get("/q/health/ready").statusCode(),
                baseUrl + " is ready again");
    }
}
