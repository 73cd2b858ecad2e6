package fr.passerelle.catalog.version;

import java.time.Instant;

/** One version of a dataset: a file that passed the quality check. */
public record VersionView(
        int version,
        String uploadId,
        String schema,
        long size,
        String sha256,
        long rowCount,
        double validityPercent,
        VersionState state,
        String publicUrl,
        String failureReason,
        Instant createdAt,
        Instant publishedAt) {
}
