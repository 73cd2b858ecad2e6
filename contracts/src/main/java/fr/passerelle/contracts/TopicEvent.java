package fr.passerelle.contracts;

/**
 * A payload that one service sends on one of Passerelle's topics through its outbox: the pipeline's
 * events, which follow one upload, the audit trail, which follows what people do, and token revocations.
 */
public sealed interface TopicEvent permits PipelineEvent, AuditRecorded, TokenRevoked {

    String organization();

    /** The Kafka key: what must stay in order. */
    String key();

    /** The CloudEvents subject ({@code ce_subject}). */
    String subject();
}
