package fr.passerelle.contracts;

/**
 * A payload that travels on one of the pipeline topics. Every event concerns one upload of one
 * dataset; the Kafka key is {@code org/dataset} so that the versions of a dataset stay in order.
 */
public sealed interface PipelineEvent
        permits UploadReceived, QualityChecked, VersionRecorded, PublicationRequested,
        PublicationCompleted, PublicationFailed {

    String uploadId();

    String organization();

    String dataset();

    default String key() {
        return organization() + "/" + dataset();
    }

    /** The CloudEvents subject: the upload the event is about. */
    default String subject() {
        return "uploads/" + uploadId();
    }
}
