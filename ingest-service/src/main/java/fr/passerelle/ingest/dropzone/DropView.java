package fr.passerelle.ingest.dropzone;

import java.time.Instant;

/**
 * A drop as staff see it in the dataset's list of recent drops.
 *
 * @param reason       why it was REJECTED or FAILED, in French
 * @param deadLetterId for a FAILED drop, the dead letter an operator replays
 */
public record DropView(
        String key,
        long size,
        String detectedBy,
        DropOutcome outcome,
        String reason,
        String deadLetterId,
        String uploadId,
        String uploadStatus,
        Instant detectedAt,
        Instant finishedAt) {
}
