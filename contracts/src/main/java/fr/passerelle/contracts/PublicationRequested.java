package fr.passerelle.contracts;

import java.time.Instant;

/**
 * The catalogue asks for a version to be published.
 *
 * @param metadata the dataset's description for remote portals; may be null (older producers)
 */
public record PublicationRequested(
        String uploadId,
        String organization,
        String dataset,
        int version,
        String schema,
        ObjectRef clean,
        DatasetMetadata metadata,
        Instant requestedAt) implements PipelineEvent {
}
