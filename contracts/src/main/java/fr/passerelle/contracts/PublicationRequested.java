package fr.passerelle.contracts;

import java.time.Instant;

/**
 * The catalogue asks for a version to be published.
 *
 * @param metadata the dataset's description for remote portals; may be null (older producers)
 * @param catalogueSchema the national schema the version was checked against, as schema.data.gouv.fr names it;
 *                        null when there is none to declare (an organisation's own schema) or from older producers
 */
public record PublicationRequested(
        String uploadId,
        String organization,
        String dataset,
        int version,
        String schema,
        ObjectRef clean,
        DatasetMetadata metadata,
        Instant requestedAt,
        CatalogueSchema catalogueSchema) implements PipelineEvent {

    /** Without a catalogue schema, as producers before it wrote the event. */
    public PublicationRequested(String uploadId, String organization, String dataset, int version, String schema,
                                ObjectRef clean, DatasetMetadata metadata, Instant requestedAt) {
        this(uploadId, organization, dataset, version, schema, clean, metadata, requestedAt, null);
    }
}
