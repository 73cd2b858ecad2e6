package fr.passerelle.publish.remote;

import java.time.Instant;

/**
 * A remote target as staff see it: never its API key.
 *
 * @param lastStatus     PUBLISHED, FAILED, DRY_RUN, PENDING (a new push asked, not ended yet), or null (never pushed)
 * @param lastHttpStatus the portal's HTTP answer of the last failure (401: the key is refused), else null
 * @param schemaDeclaration in French, what this portal is told of the published version's schema, or that nothing
 *                          is declared for an organisation's own schema, and why; null before any publication
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
        Instant updatedAt,
        String schemaDeclaration) {

    TargetView withSchemaDeclaration(String declaration) {
        return new TargetView(kind, apiUrl, remoteOrganization, remoteDatasetId, remoteResourceId, lastVersion,
                lastStatus, lastError, lastHttpStatus, updatedAt, declaration);
    }
}
