package fr.passerelle.contracts;

import java.time.Instant;

/**
 * The quality check of an upload finished.
 *
 * @param clean the cleaned UTF-8 CSV; null when the file could not be read at all
 * @param report the JSON report, always present
 * @param summary one French sentence for staff
 * @param decisions the questions the file leaves to staff (answered with {@code POST /api/v1/uploads/{id}/decisions}
 *                  on ingest); null in events written before decisions existed
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
        Instant checkedAt,
        java.util.List<DecisionQuestion> decisions) implements PipelineEvent {

    /** A check that leaves no question open. */
    public QualityChecked(String uploadId, String organization, String dataset, String schema, QualityVerdict verdict,
                          double validityPercent, long rowCount, long errorCount, String summary, ObjectRef clean,
                          ObjectRef report, Instant checkedAt) {
        this(uploadId, organization, dataset, schema, verdict, validityPercent, rowCount, errorCount, summary, clean,
                report, checkedAt, null);
    }

    /** The open questions: none when the event has none. */
    public java.util.List<DecisionQuestion> decisionsOrNone() {
        return decisions == null ? java.util.List.of() : decisions;
    }
}
