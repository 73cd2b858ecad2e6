package fr.passerelle.contracts;

import java.time.Instant;

/** The catalogue asks for a version to be published. */
public record PublicationRequested(
        String uploadId,
        String organization,
        String dataset,
        int version,
        String schema,
        ObjectRef clean,
        Instant requestedAt) implements PipelineEvent {
}
