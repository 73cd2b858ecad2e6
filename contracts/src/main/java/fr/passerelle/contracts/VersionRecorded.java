package fr.passerelle.contracts;

import java.time.Instant;

/**
 * The catalogue recorded a valid upload as a new version of its dataset.
 *
 * @param awaitingApproval true when the dataset is not approved yet, so nothing is published
 *                         until a publisher approves it
 */
public record VersionRecorded(
        String uploadId,
        String organization,
        String dataset,
        int version,
        boolean awaitingApproval,
        Instant recordedAt) implements PipelineEvent {
}
