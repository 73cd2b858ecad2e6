package fr.passerelle.publish.remote;

import java.time.Instant;

/** A remote target as staff see it: never its API key. */
public record TargetView(
        String kind,
        String apiUrl,
        String remoteOrganization,
        String remoteDatasetId,
        String remoteResourceId,
        Integer lastVersion,
        String lastStatus,
        String lastError,
        Instant updatedAt) {
}
