package fr.passerelle.ingest.dropzone;

import java.time.Instant;

/** A drop as staff see it in the dataset's list of recent drops. */
public record DropView(
        String key,
        long size,
        String detectedBy,
        DropOutcome outcome,
        String reason,
        String uploadId,
        String uploadStatus,
        Instant detectedAt,
        Instant finishedAt) {
}
