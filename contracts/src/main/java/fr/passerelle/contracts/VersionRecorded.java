package fr.passerelle.contracts;

import java.time.Instant;

/**
 * The catalogue recorded a valid upload as a new version of its dataset.
 *
 * @param awaitingApproval true when the version waits for a publisher: the dataset is not approved
 *                         (yet, or any more after a material change), or it is set to always ask
 */
public record VersionRecorded(
        String uploadId,
        String organization,
        String dataset,
        int version,
        boolean awaitingApproval,
        Instant recordedAt) implements PipelineEvent {
}
