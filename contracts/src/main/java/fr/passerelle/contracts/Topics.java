package fr.passerelle.contracts;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Kafka topic names. They are part of the public contract (ops dashboards and users' scripts
 * subscribe to them): never rename one, publish a {@code .v2} beside it instead.
 */
public final class Topics {

    public static final String UPLOAD_RECEIVED = "passerelle.upload.received.v1";
    public static final String QUALITY_CHECKED = "passerelle.quality.checked.v1";
    public static final String VERSION_RECORDED = "passerelle.version.recorded.v1";
    public static final String VERSION_REFUSED = "passerelle.version.refused.v1";
    public static final String PUBLICATION_REQUESTED = "passerelle.publication.requested.v1";
    public static final String PUBLICATION_COMPLETED = "passerelle.publication.completed.v1";
    public static final String PUBLICATION_FAILED = "passerelle.publication.failed.v1";
    public static final String DROPS = "passerelle.drops.v1";
    /** Who did what in an organisation, keyed by organisation; read by ingest, which serves the audit log. */
    public static final String AUDIT = "passerelle.audit.v1";
    /** Tokens revoked before their expiry, keyed by token id; read from the beginning by every instance. */
    public static final String TOKENS_REVOKED = "passerelle.tokens.revoked.v1";

    /**
     * Topics kept by key rather than by age ({@code cleanup.policy=compact}): a revocation must outlive
     * the default retention, as long as the token it revokes (up to a year for a machine token).
     */
    public static final java.util.Set<String> COMPACTED = java.util.Set.of(TOKENS_REVOKED);

    /** Suffix of the dead-letter topic that each consumer of a topic writes to. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** The event topics, without their dead-letter topics. */
    public static final List<String> EVENT_TOPICS = List.of(
            UPLOAD_RECEIVED, QUALITY_CHECKED, VERSION_RECORDED, VERSION_REFUSED, PUBLICATION_REQUESTED,
            PUBLICATION_COMPLETED, PUBLICATION_FAILED, DROPS, AUDIT, TOKENS_REVOKED);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every topic the platform needs, dead-letter topics included: what the stack creates. */
    public static List<String> all() {
        return EVENT_TOPICS.stream()
                .flatMap(topic -> Stream.of(topic, deadLetterOf(topic)))
                .toList();
    }
}
