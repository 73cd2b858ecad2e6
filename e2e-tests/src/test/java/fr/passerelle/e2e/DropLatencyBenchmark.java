package fr.passerelle.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures drop → published on the running stack: a file put in the dropzone until the portal
 * serves it. Not a test (nothing asserted on time); run by {@code bench/drop-latency.sh}.
 */
public final class DropLatencyBenchmark {

    private static final String ORG = "bench";
    private static final String SCHEMA = "stationnement-cyclable";

    private DropLatencyBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String dataset = Pipeline.freshDataset("latence");
        List<List<String>> example = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv", Csv.asFrenchExcelExport(example));
        Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(first, "PUBLISHED");

        List<Long> millis = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            List<List<String>> rows = new ArrayList<>(example);
            List<String> row = new ArrayList<>(example.get(1));
            row.set(example.get(0).indexOf("id_local"), "BENCH" + run);
            rows.add(row);
            long start = System.nanoTime();
            S3.put("dropzone", ORG + "/" + dataset + "/export-" + run + ".csv", Csv.asFrenchExcelExport(rows));
            String version = String.valueOf(run + 1);
            while (!version.equals(Pipeline.latestCsv(ORG, dataset).header("X-Passerelle-Version"))) {
                if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("Version " + version + " not published within 60 s");
                }
                Pipeline.sleep(50);
            }
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            millis.add(elapsed);
            System.out.printf("run %2d: drop → published in %5d ms%n", run, elapsed);
        }
        Collections.sort(millis);
        System.out.printf("drop → published over %d runs: median %d ms, min %d ms, max %d ms%n", runs,
                median(millis), millis.get(0), millis.get(millis.size() - 1));
        System.exit(0);
    }

    private static long median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
