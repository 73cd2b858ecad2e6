package fr.passerelle.contracts;

import java.time.Instant;

/**
 * The quality check of an upload finished.
 *
 * @param clean the cleaned UTF-8 CSV; null when the file could not be read at all
 * @param report the JSON report, always present
 * @param summary one French sentence for staff
 * @param catalogueSchema the national schema checked against, as schema.data.gouv.fr names it; null for an
 *                        organisation's own schema, a national schema its catalogue does not list, or an older producer
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
        CatalogueSchema catalogueSchema,
        java.util.List<DecisionQuestion> decisions) implements PipelineEvent {

    /** Without a catalogue schema nor questions, as producers before them wrote the event. */
    public QualityChecked(String uploadId, String organization, String dataset, String schema, QualityVerdict verdict,
                          double validityPercent, long rowCount, long errorCount, String summary, ObjectRef clean,
                          ObjectRef report, Instant checkedAt) {
        this(uploadId, organization, dataset, schema, verdict, validityPercent, rowCount, errorCount, summary, clean,
                report, checkedAt, null, null);
    }

    /** The open questions: none when the event has none. */
    public java.util.List<DecisionQuestion> decisionsOrNone() {
        return decisions == null ? java.util.List.of() : decisions;
    }
}
