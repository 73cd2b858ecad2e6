package fr.passerelle.contracts;

import java.time.Instant;

/**
 * The quality check of an upload finished.
 *
 * @param clean the cleaned UTF-8 CSV; null when the file could not be read at all
 * @param report the JSON report, always present
 * @param summary one French sentence for staff
 */
public record QualityChecked(
        String uploadId,
        String organization,
        String dataset,
        String schema,
        QualityVerdict verdict,
        double validityPercent,
        long rowCount,
        long errorCount,
        String summary,
        ObjectRef clean,
        ObjectRef report,
        Instant checkedAt) implements PipelineEvent {
}
