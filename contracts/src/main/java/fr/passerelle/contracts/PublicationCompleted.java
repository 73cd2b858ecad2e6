package fr.passerelle.contracts;

import java.time.Instant;

/** A version is served by the public portal. */
public record PublicationCompleted(
        String uploadId,
        String organization,
        String dataset,
        int version,
        String publicUrl,
        Instant completedAt) implements PipelineEvent {
}
