package fr.passerelle.quality.check;

import fr.passerelle.contracts.QualityVerdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/**
 * What the quality checks of the pipeline did: files by verdict, rows and bytes read, time spent.
 * In Prometheus: {@code passerelle_quality_files_checked_total{verdict}},
 * {@code passerelle_quality_checked_rows_total}, {@code passerelle_quality_read_bytes_total} and the
 * histogram {@code passerelle_quality_check_seconds}; rows per second of checking is
 * {@code rate(passerelle_quality_checked_rows_total[5m]) / rate(passerelle_quality_check_seconds_sum[5m])}.
 */
@ApplicationScoped
public class CheckMetrics {

    private final MeterRegistry registry;
    private final Counter rows;
    private final Counter bytes;
    private final Timer duration;

    public CheckMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rows = Counter.builder("passerelle.quality.checked")
                .description("Data rows read by the pipeline's quality checks").baseUnit("rows").register(registry);
        this.bytes = Counter.builder("passerelle.quality.read")
                .description("Raw bytes read by the pipeline's quality checks").baseUnit("bytes").register(registry);
        this.duration = Timer.builder("passerelle.quality.check")
                .description("Time to check one file: download, reading, validation, fixes, clean file")
                .publishPercentileHistogram().register(registry);
    }

    public void checked(QualityVerdict verdict, long rowCount, long rawBytes, Duration took) {
        Counter.builder("passerelle.quality.files.checked")
                .description("Files checked by the pipeline, by verdict")
                .tags("verdict", verdict.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        rows.increment(rowCount);
        bytes.increment(Math.max(0, rawBytes));
        duration.record(took);
    }
}
