package fr.passerelle.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many small uploads at once on the running stack, the figures issue 17 compares before and after the move
 * to Hibernate Reactive: uploads accepted per second, upload → published p50 and p95 (from each upload's own
 * receivedAt and the time it became PUBLISHED, both ingest's), and each service's peak threads and RSS
 * while it lasted, and the CPU seconds each service spent on the run (all its instances: issue 18's scale-out
 * table). Not a test (nothing asserted on time); run by {@code bench/upload-load.sh} and {@code bench/scale-out.sh}.
 *
 * <p>The uploads go to 25 organisations, one dataset each, whose first version is approved first: each
 * organisation stays within ingest's per-organisation rate (60 a minute), so what is measured is the pipeline,
 * not the limiter.
 */
public final class UploadLoadBenchmark {

    private static final String SCHEMA = "stationnement-cyclable";
    private static final int ORGANIZATIONS = 25;
    private static final List<String> SERVICES = List.of("ingest", "quality", "catalog", "publish");
    /** Linux's USER_HZ: /proc/PID/stat counts CPU time in these ticks. */
    private static final int CLOCK_TICKS = 100;

    private UploadLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String run = Pipeline.freshDataset("charge").substring("charge-".length());
        List<String> organizations = new ArrayList<>();
        for (int i = 0; i < ORGANIZATIONS; i++) {
            organizations.add("charge-" + run + "-" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> setup = new ArrayList<>();
        for (String organization : organizations) {
            setup.add(pool.submit(() -> {
                String first = Pipeline.accepted(organization, "jeu", SCHEMA, "premier.csv", content(organization, -1));
                Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
                Pipeline.approve(organization, "jeu");
                Pipeline.awaitStatus(first, "PUBLISHED");
                return null;
            }));
        }
        for (Future<?> done : setup) {
            done.get();
        }
        System.out.printf("%d organisations ready; %d uploads, %d at a time%n", ORGANIZATIONS, uploads, concurrency);

        Map<String, long[]> peaks = new ConcurrentHashMap<>();
        Map<String, Long> cpuBefore = cpuTicks();
        Thread sampler = new Thread(() -> sample(peaks), "sampler");
        sampler.setDaemon(true);
        sampler.start();

        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<Future<?>> sending = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            int number = i;
            sending.add(pool.submit(() -> {
                String organization = organizations.get(number % ORGANIZATIONS);
                while (true) {
                    Response response = Pipeline.upload(organization, "jeu", SCHEMA, "export-" + number + ".csv",
                            content(organization, number));
                    if (response.statusCode() == 202) {
                        accepted.add(response.jsonPath().getString("uploadId"));
                        return null;
                    }
                    refusals.computeIfAbsent(response.statusCode(), code -> new AtomicInteger()).incrementAndGet();
                    String retryAfter = response.header("Retry-After");
                    Pipeline.sleep(retryAfter == null ? 1000 : Long.parseLong(retryAfter) * 1000);
                }
            }));
        }
        for (Future<?> done : sending) {
            done.get();
        }
        double acceptSeconds = (System.nanoTime() - started) / 1e9;

        // Each upload's latency from ingest's own clock: received → the update that made it PUBLISHED.
        List<Long> latencies = new ArrayList<>();
        List<String> waiting = new ArrayList<>(accepted);
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                JsonPath status = Pipeline.status(it.next());
                String now = status.getString("status");
                if (now.equals("PUBLISHED")) {
                    latencies.add(Duration.between(Instant.parse(status.getString("receivedAt")),
                            Instant.parse(status.getString("updatedAt"))).toMillis());
                    it.remove();
                } else if (List.of("REJECTED", "BLOCKED", "FAILED").contains(now)) {
                    throw new IllegalStateException("an upload ended " + now + ": " + status.prettify());
                }
            }
            Pipeline.sleep(1000);
        }
        double allSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> cpuAfter = cpuTicks();
        Collections.sort(latencies);
        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        System.out.printf("| uploads accepted | %d in %.1f s: %.1f uploads/s (refusals %s) |%n", accepted.size(),
                acceptSeconds, accepted.size() / acceptSeconds, refusals);
        System.out.printf("| all published | %d in %.1f s: %.1f uploads/s end to end |%n", latencies.size(), allSeconds,
                latencies.size() / allSeconds);
        System.out.printf("| upload → published | p50 %d ms, p95 %d ms, max %d ms |%n", percentile(latencies, 50),
                percentile(latencies, 95), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
        for (String service : SERVICES) {
            List<String> instances = instances(service);
            long[] peak = peaks.getOrDefault(service, new long[2]);
            System.out.printf("| %s: peak threads, peak RSS | %d threads, %d MB%s |%n", service, peak[0], peak[1] / 1024,
                    instances.size() > 1 ? " (the highest of " + instances.size() + " instances)" : "");
            long ticks = instances.stream().mapToLong(name -> cpuAfter.getOrDefault(name, 0L) - cpuBefore.getOrDefault(name, 0L)).sum();
            System.out.printf("| %s: CPU | %.1f s over %d instance(s) |%n", service, ticks / (double) CLOCK_TICKS, instances.size());
        }
        System.out.printf("| machine | %d cores, load average at the end %s |%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        if (!waiting.isEmpty()) {
            System.out.printf("%d uploads not published within 15 minutes%n", waiting.size());
        }
        System.exit(waiting.isEmpty() ? 0 : 1);
    }

    /** Each service's highest thread count and RSS (kB) over its instances, from /proc, every 200 ms. */
    private static void sample(Map<String, long[]> peaks) {
        while (true) {
            for (String service : SERVICES) {
                for (String instance : instances(service)) {
                    try {
                        Map<String, Long> status = procStatus(StackControl.pid(instance));
                        long[] peak = peaks.computeIfAbsent(service, s -> new long[2]);
                        peak[0] = Math.max(peak[0], status.getOrDefault("Threads", 0L));
                        peak[1] = Math.max(peak[1], status.getOrDefault("VmRSS", 0L));
                    } catch (Exception e) {
                        // the instance restarted between two samples: the next one finds it
                    }
                }
            }
            Pipeline.sleep(200);
        }
    }

    /** The running instances of a service as the local stack names them: "quality", "quality-2"… */
    private static List<String> instances(String service) {
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            String name = n == 1 ? service : service + "-" + n;
            try {
                if (Files.exists(Path.of("/proc", String.valueOf(StackControl.pid(name))))) {
                    names.add(name);
                }
            } catch (Exception e) {
                // no PID file: not running
            }
        }
        return names;
    }

    /** User + system CPU ticks of every running instance, by instance name. */
    private static Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String service : SERVICES) {
            for (String instance : instances(service)) {
                try {
                    String stat = Files.readString(Path.of("/proc", String.valueOf(StackControl.pid(instance)), "stat"));
                    // The fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(instance, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (Exception e) {
                    // gone between the listing and the read
                }
            }
        }
        return ticks;
    }

    private static Map<String, Long> procStatus(int pid) throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            String[] parts = line.split(":\\s+");
            if (parts.length == 2 && (parts[0].equals("Threads") || parts[0].equals("VmRSS"))) {
                values.put(parts[0], Long.parseLong(parts[1].replace(" kB", "").trim()));
            }
        }
        return values;
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The national example with a row of its own, so that every upload is a new version. */
    private static byte[] content(String organization, int number) {
        List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        List<String> header = rows.get(0);
        List<String> row = new ArrayList<>(rows.get(1));
        row.set(header.indexOf("id_local"), "CHARGE" + Math.abs(organization.hashCode() % 10000) + "N" + (number + 1));
        return Csv.asFrenchExcelExport(List.of(header, row));
    }
}
