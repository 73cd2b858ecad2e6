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
        Instant createdAt,
        Instant updatedAt) {
}
