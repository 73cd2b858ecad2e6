package fr.passerelle.contracts;

import java.time.Instant;

/**
 * A version could not be published.
 *
 * @param reason French sentence for staff
 */
public record PublicationFailed(
        String uploadId,
        String organization,
        String dataset,
        int version,
        String reason,
        Instant failedAt) implements PipelineEvent {
}
