package fr.passerelle.catalog.dataset;

import java.time.Instant;

/** A dataset as the catalogue API shows it. */
public record DatasetView(
        String organization,
        String dataset,
        String schema,
        String title,
        String description,
        boolean approved,
        String approvedBy,
        Instant approvedAt,
        Integer latestVersion,
        Integer publishedVersion,
        String publicUrl,
        FailedAttempt lastFailedAttempt,
        Instant createdAt,
        Instant updatedAt) {

    /** The latest upload that failed the quality check; the published version stayed in place. */
    public record FailedAttempt(String uploadId, String summary, String reportUrl, Instant at) {
    }
}
