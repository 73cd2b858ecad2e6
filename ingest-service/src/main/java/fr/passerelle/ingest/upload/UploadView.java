package fr.passerelle.ingest.upload;

import java.time.Instant;
import java.util.List;

/**
 * What staff see of an upload: one status, the stages it went through, links to the results.
 *
 * @param failureReason for a FAILED upload, why, in French (a dead letter's reason, or the publication's)
 * @param deadLetterId  the dead letter that failed it, while no operator replayed it
 */
public record UploadView(
        String uploadId,
        String organization,
        String dataset,
        String schema,
        String filename,
        String source,
        long size,
        String sha256,
        UploadStatus status,
        String failureReason,
        String deadLetterId,
        String verdict,
        Double validityPercent,
        String summary,
        Integer version,
        String reportUrl,
        String publicUrl,
        String traceId,
        Instant receivedAt,
        Instant updatedAt,
        List<Stage> stages) {

    /**
     * One step of the upload's way through the pipeline.
     *
     * @param durationMs time since the step before (since reception for the first one)
     */
    public record Stage(String stage, String outcome, String detail, Instant at, long durationMs) {
    }
}
