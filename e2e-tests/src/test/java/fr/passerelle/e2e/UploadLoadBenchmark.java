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
 * while it lasted. Not a test (nothing asserted on time); run by {@code bench/upload-load.sh}.
 *
 * <p>The uploads go to 25 organisations, one dataset each, whose first version is approved first: each
 * organisation stays within ingest's per-organisation rate (60 a minute), so what is measured is the pipeline,
 * not the limiter.
 */
public final class UploadLoadBenchmark {

    private static final String SCHEMA = "stationnement-cyclable";
    private static final int ORGANIZATIONS = 25;
    private static final List<String> SERVICES = List.of("ingest", "quality", "catalog", "publish");

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
            long[] peak = peaks.getOrDefault(service, new long[2]);
            System.out.printf("| %s: peak threads, peak RSS | %d threads, %d MB |%n", service, peak[0], peak[1] / 1024);
        }
        if (!waiting.isEmpty()) {
            System.out.printf("%d uploads not published within 15 minutes%n", waiting.size());
        }
        System.exit(waiting.isEmpty() ? 0 : 1);
    }

    /** Each service's highest thread count and RSS (kB), from /proc, every 200 ms. */
    private static void sample(Map<String, long[]> peaks) {
        while (true) {
            for (String service : SERVICES) {
                try {
                    Map<String, Long> status = procStatus(StackControl.pid(service));
                    long[] peak = peaks.computeIfAbsent(service, s -> new long[2]);
                    peak[0] = Math.max(peak[0], status.getOrDefault("Threads", 0L));
                    peak[1] = Math.max(peak[1], status.getOrDefault("VmRSS", 0L));
                } catch (Exception e) {
                    // the service restarted between two samples: the next one finds it
                }
            }
            Pipeline.sleep(200);
        }
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
