package fr.passerelle.contracts;

import java.time.Instant;

/**
 * Someone did something that an organisation's admins must be able to trace: uploaded a file,
 * approved a dataset, changed its metadata, its publication targets or its quality settings. Sent in
 * the transaction of the action itself, so there is an entry if and only if the action took effect.
 *
 * @param eventId    the entry's own id, kept by the reader (redeliveries carry the same one)
 * @param dataset    null for an action on the organisation (its custom schemas)
 * @param actor      the token's subject (an e-mail, a machine token's name), or a French label for
 *                   work that nobody asked for at that moment ("dépôt automatique")
 * @param address    the client's IP address; null when no request caused the action
 * @param action     a stable dotted code, such as {@code upload.accepted} or {@code dataset.approved}
 * @param detail     a short French sentence; never a secret (API keys, tokens)
 */
public record AuditRecorded(
        String eventId,
        Instant occurredAt,
        String organization,
        String dataset,
        String actor,
        String address,
        String action,
        String detail) implements TopicEvent {

    /** The entries of one organisation stay in order. */
    @Override
    public String key() {
        return organization;
    }

    @Override
    public String subject() {
        return dataset == null ? "organizations/" + organization
                : "organizations/" + organization + "/datasets/" + dataset;
    }
}
