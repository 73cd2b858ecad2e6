package fr.passerelle.ingest.audit;

import java.time.Instant;

/**
 * One line of an organisation's audit log, as its admins read it.
 *
 * @param dataset null for an action on the organisation itself (its custom schemas)
 * @param address the client's IP address; null for work no request caused (drops, scheduled pulls)
 * @param source  the service that recorded it
 */
public record AuditEntry(
        String id,
        Instant occurredAt,
        String actor,
        String address,
        String action,
        String dataset,
        String detail,
        String source) {
}
