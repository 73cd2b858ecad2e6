package fr.passerelle.contracts;

/**
 * A payload that travels on one of the pipeline topics. Every event concerns one upload of one
 * dataset; the Kafka key is {@code org/dataset} so that the versions of a dataset stay in order.
 */
public sealed interface PipelineEvent extends TopicEvent
        permits UploadReceived, QualityChecked, VersionRecorded, VersionRefused, PublicationRequested,
        PublicationCompleted, PublicationFailed {

    String uploadId();

    @Override
    String organization();

    String dataset();

    @Override
    default String key() {
        return organization() + "/" + dataset();
    }

    /** The CloudEvents subject: the upload the event is about. */
    @Override
    default String subject() {
        return "uploads/" + uploadId();
    }
}
