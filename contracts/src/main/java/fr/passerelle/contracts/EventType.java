package fr.passerelle.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Binds each event payload to its topic and CloudEvents type ({@code ce_type}).
 */
public enum EventType {
    UPLOAD_RECEIVED(Topics.UPLOAD_RECEIVED, "fr.passerelle.upload.received.v1", UploadReceived.class),
    QUALITY_CHECKED(Topics.QUALITY_CHECKED, "fr.passerelle.quality.checked.v1", QualityChecked.class),
    VERSION_RECORDED(Topics.VERSION_RECORDED, "fr.passerelle.version.recorded.v1", VersionRecorded.class),
    VERSION_REFUSED(Topics.VERSION_REFUSED, "fr.passerelle.version.refused.v1", VersionRefused.class),
    PUBLICATION_REQUESTED(Topics.PUBLICATION_REQUESTED, "fr.passerelle.publication.requested.v1",
            PublicationRequested.class),
    PUBLICATION_COMPLETED(Topics.PUBLICATION_COMPLETED, "fr.passerelle.publication.completed.v1",
            PublicationCompleted.class),
    PUBLICATION_FAILED(Topics.PUBLICATION_FAILED, "fr.passerelle.publication.failed.v1",
            PublicationFailed.class),
    AUDIT_RECORDED(Topics.AUDIT, "fr.passerelle.audit.recorded.v1", AuditRecorded.class),
    TOKEN_REVOKED(Topics.TOKENS_REVOKED, "fr.passerelle.token.revoked.v1", TokenRevoked.class);

    private final String topic;
    private final String ceType;
    private final Class<? extends TopicEvent> payloadType;

    EventType(String topic, String ceType, Class<? extends TopicEvent> payloadType) {
        this.topic = topic;
        this.ceType = ceType;
        this.payloadType = payloadType;
    }

    public String topic() {
        return topic;
    }

    public String ceType() {
        return ceType;
    }

    public Class<? extends TopicEvent> payloadType() {
        return payloadType;
    }

    /** Name of the JSON Schema of the payload, under {@code /schemas/} in this module's resources. */
    public String jsonSchemaResource() {
        return "/schemas/" + ceType.substring("fr.passerelle.".length()) + ".json";
    }

    public static EventType of(TopicEvent event) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType.isInstance(event))
                .findFirst()
                .orElseThrow();
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType.equals(ceType)).findFirst();
    }
}
