package fr.passerelle.notification.people;

import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The only writer of {@code upload_sender}: who sent each upload, as the audit entry ingest writes with it says. An
 * upload whose sender is known here may be told of at once: its sender is among the dataset's contributors already.
 */
@ApplicationScoped
public class Senders {

    private final Transactions transactions;

    public Senders(Transactions transactions) {
        this.transactions = transactions;
    }

    /** In the caller's transaction. */
    public Uni<Void> sent(UUID uploadId, String organization, String dataset, String actor, Instant at) {
        return transactions.mandatory(session -> session.createNativeQuery(
                        "INSERT INTO upload_sender (upload_id, organization, dataset, actor, accepted_at)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (upload_id) DO NOTHING")
                .setParameter(1, uploadId)
                .setParameter(2, organization)
                .setParameter(3, dataset)
                .setParameter(4, actor)
                .setParameter(5, Columns.timestamp(at))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Boolean> known(UUID uploadId) {
        return transactions.session(session -> session.createNativeQuery(
                        "SELECT 1 FROM upload_sender WHERE upload_id = ?1")
                .setParameter(1, uploadId)
                .getResultList()
                .map(rows -> !rows.isEmpty()));
    }
}
