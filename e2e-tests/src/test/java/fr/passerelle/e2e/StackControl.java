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
 * Breaks and mends the local stack for the fault tests: kill -9 or SIGTERM by the PIDs the launcher
 * records in {@code .passerelle/run/}, start again with {@code ./passerelle up} (no build), launch services
 * alone, stop, start or restart PostgreSQL.
 */
final class StackControl {

    private StackControl() {
    }

    /** kill -9 of a component: ingest, quality, catalog, publish (or ingest-2…), kafka or s3. */
    static void kill(String component) {
        signal(component, "-9", Duration.ofSeconds(10));
    }

    /**
     * SIGTERM of a component, as an orchestrator stops it, and waits until it has exited: 25 s at most,
     * more than the services' 15 s shutdown timeout.
     *
     * @return how long it took to exit
     */
    static Duration terminate(String component) {
        long started = System.nanoTime();
        signal(component, "-15", Duration.ofSeconds(25));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void signal(String component, String signal, Duration patience) {
        String pid = pidText(component);
        run(List.of("kill", signal, pid), Duration.ofSeconds(10));
        // The process must be gone before "up" looks at it, or "up" would find it still running.
        Path proc = Path.of("/proc", pid);
        long deadline = System.nanoTime() + patience.toNanos();
        while (Files.exists(proc) && System.nanoTime() < deadline) {
            Pipeline.sleep(50);
        }
        if (Files.exists(proc)) {
            throw new AssertionError(component + " (pid " + pid + ") still running " + patience + " after kill " + signal);
        }
        try {
            // As ./passerelle down does: a stopped second instance no longer shows in ./passerelle status.
            Files.deleteIfExists(Stack.root().resolve(".passerelle/run/" + component + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PID the launcher recorded for the component. */
    static int pid(String component) {
        return Integer.parseInt(pidText(component));
    }

    private static String pidText(String component) {
        try {
            return Files.readString(Stack.root().resolve(".passerelle/run/" + component + ".pid")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the process the launcher recorded for the component is alive. */
    static boolean alive(String component) {
        try {
            return Files.exists(Path.of("/proc", pidText(component)));
        } catch (UncheckedIOException e) {
            return false; // no PID file
        }
    }

    /** {@code ./passerelle down}: the services (every instance), S3 and Kafka; PostgreSQL keeps running. */
    static void down() {
        runChecked(passerelle("down"), Duration.ofMinutes(2));
    }

    /** Starts service instances (ingest, ingest-2…) alone: no infrastructure, no waiting for readiness. */
    static void launch(String... instances) {
        List<String> command = new java.util.ArrayList<>(List.of(Stack.root().resolve("passerelle").toString(), "launch"));
        command.addAll(List.of(instances));
        runChecked(new ProcessBuilder(command).directory(Stack.root().toFile()), Duration.ofMinutes(1));
    }

    private static ProcessBuilder passerelle(String command) {
        ProcessBuilder builder = new ProcessBuilder(Stack.root().resolve("passerelle").toString(), command)
                .directory(Stack.root().toFile()).redirectErrorStream(true);
        builder.environment().put("PASSERELLE_SKIP_BUILD", "1");
        return builder;
    }

    /**
     * Starts whatever of the stack is not running, and waits until it is ready: {@code services} are
     * the services to (re)start, infrastructure always comes along.
     *
     * @return how long it took
     */
    static Duration up(String... services) {
        return up(1, services);
    }

    /** Like {@link #up(String...)}, with {@code instances} instances of each service (ingest, ingest-2…). */
    static Duration up(int instances, String... services) {
        long started = System.nanoTime();
        ProcessBuilder up = passerelle("up");
        up.environment().put("PASSERELLE_SERVICES", String.join(" ", services));
        up.environment().put("PASSERELLE_INSTANCES", String.valueOf(instances));
        runChecked(up, Duration.ofMinutes(4));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Restarts the machine's PostgreSQL cluster on the stack's port (5432). */
    static Duration restartPostgres() {
        return postgres("restart");
    }

    /** Stops the machine's PostgreSQL cluster on 5432: callers must start it again in a finally block. */
    static Duration stopPostgres() {
        return postgres("stop");
    }

    static Duration startPostgres() {
        return postgres("start");
    }

    private static Duration postgres(String action) {
        long started = System.nanoTime();
        String clusters = output(new ProcessBuilder("pg_lsclusters", "-h"));
        String[] cluster = clusters.lines().map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > 2 && fields[2].equals("5432")).findFirst()
                .orElseThrow(() -> new AssertionError("no PostgreSQL cluster on port 5432: " + clusters));
        runChecked(new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", cluster[0], cluster[1], action)
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
