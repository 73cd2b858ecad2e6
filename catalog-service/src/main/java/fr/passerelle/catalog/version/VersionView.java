package fr.passerelle.catalog.version;

import fr.passerelle.contracts.CatalogueSchema;
import java.time.Instant;

/**
 * One version of a dataset: a file that passed the quality check.
 *
 * @param catalogueSchema the national schema as schema.data.gouv.fr names it, declared on portals; null for an
 *                        organisation's own schema (nothing declared)
 */
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
        Instant publishedAt,
        CatalogueSchema catalogueSchema) {
}
