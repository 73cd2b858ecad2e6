package passerelle.bench;

import fr.passerelle.quality.engine.QualityCheck;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The engine's hot path, one row at a time: a generated IRVE file of {@value #ROWS} rows (IrveCsvGenerator, ~7 %
 * defects) read, mapped, checked (types, constraints, duplicate rows, personal data) and, with the fixes, fixed and
 * written as the clean CSV. JMH reports the time per row ({@code @OperationsPerInvocation}); the file stays in the
 * page cache, so the disk is not measured. Run by bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class EngineRowBench {

    static final int ROWS = 20_000;

    private TableSchema schema;
    private Path file;

    @Setup
    public void generate() throws IOException {
        schema = SchemaCatalog.shipped().find("irve-statique").orElseThrow();
        file = Files.createTempFile("irve-jmh-", ".csv");
        // The bench's generator lives in the default package (bench/java): reached by reflection, as Java requires.
        try {
            Class.forName("IrveCsvGenerator").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {Integer.toString(ROWS), "20240601", file.toString()});
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("bench/java/IrveCsvGenerator.java not compiled beside the benchmark", e);
        }
    }

    @TearDown
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".defects"));
    }

    /** Validation only, as `validate` without --fix: the clean CSV is discarded, so it is not even formatted. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public QualityReport validate() throws IOException {
        return QualityCheck.of(schema).run(file, OutputStream.nullOutputStream());
    }

    /** With the automatic fixes, writing the clean CSV (to a stream that counts the bytes and drops them). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public QualityReport fixAndWrite() throws IOException {
        return QualityCheck.of(schema).withFixes().run(file, new Sink());
    }

    /** Not {@link OutputStream#nullOutputStream()}, which the engine does not write to. */
    static final class Sink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
