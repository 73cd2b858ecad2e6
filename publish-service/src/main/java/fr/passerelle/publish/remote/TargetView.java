package fr.passerelle.publish.remote;

import java.time.Instant;

/**
 * A remote target as staff see it: never its API key.
 *
 * @param lastStatus     PUBLISHED, FAILED, DRY_RUN, PENDING (a new push asked, not ended yet), or null (never pushed)
 * @param lastHttpStatus the portal's HTTP answer of the last failure (401: the key is refused), else null
 */
public record TargetView(
        String kind,
        String apiUrl,
        String remoteOrganization,
        String remoteDatasetId,
        String remoteResourceId,
        Integer lastVersion,
        String lastStatus,
        String lastError,
        Integer lastHttpStatus,
        Instant updatedAt) {
}
