import fr.passerelle.quality.engine.QualityCheck;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same work run several times in one JVM, as quality-service runs the engine: the JIT has compiled the hot path
 * after the first runs, the schema catalogue is loaded once, so the later runs show the speed a person waiting for a
 * report gets from a service that has been up for a while (the CLI's cold run pays the JVM's start and warm-up).
 * Prints one line a run: {@code KIND run N wall_ms cpu_ms} (CPU: the whole process, JIT and GC threads included).
 *
 * <p>Usage: {@code java -cp engine.jar:lib/*:classes WarmRuns fastcsv|engine|engine-fix FILE RUNS [SCHEMAS_DIR SCHEMA]}
 */
public final class WarmRuns {

    public static void main(String[] args) throws IOException {
        String kind = args[0];
        Path file = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        TableSchema schema = kind.startsWith("engine")
                ? SchemaCatalog.fromDirectory(Path.of(args[3])).find(args[4]).orElseThrow() : null;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            String found = switch (kind) {
                case "fastcsv" -> FastCsvBareParse.parse(file).replace(' ', '/');
                case "engine" -> summary(QualityCheck.of(schema).run(file, OutputStream.nullOutputStream()));
                case "engine-fix" -> fixed(QualityCheck.of(schema).withFixes(), file);
                default -> throw new IllegalArgumentException("kind: fastcsv, engine or engine-fix");
            };
            System.out.printf("%s run %d %d %d %s%n", kind, run, (System.nanoTime() - start) / 1_000_000,
                    (os.getProcessCpuTime() - cpu) / 1_000_000, found);
        }
    }

    private static String fixed(QualityCheck check, Path file) throws IOException {
        Path clean = Files.createTempFile("warm-runs-", ".csv");
        try (OutputStream out = Files.newOutputStream(clean)) {
            return summary(check.run(file, out));
        } finally {
            Files.delete(clean);
        }
    }

    private static String summary(QualityReport report) {
        return report.rowCount() + "/" + report.errorCount();
    }
}
