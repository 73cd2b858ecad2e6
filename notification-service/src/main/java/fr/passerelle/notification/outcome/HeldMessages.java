package fr.passerelle.notification.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.notification.mail.Letter;
import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only writer of {@code held_message}: messages about an upload, to the dataset's contributors, that wait for the
 * audit entry naming the upload's sender (read on another topic, maybe after the outcome), at most {@code sender-wait}.
 * Taking them deletes them, in the caller's transaction, which writes their messages: two instances never both take
 * one.
 */
@ApplicationScoped
public class HeldMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message waiting for its upload's sender. */
    public record Held(MessageKind kind, String eventId, String organization, String dataset, Letter letter) {
    }

    private final Transactions transactions;
    private final Duration wait;

    public HeldMessages(Transactions transactions,
                        @ConfigProperty(name = "passerelle.notifications.sender-wait") Duration wait) {
        this.transactions = transactions;
        this.wait = wait;
    }

    public Uni<Void> hold(UUID uploadId, Held held) {
        String letter;
        try {
            letter = JSON.writeValueAsString(held.letter());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("A letter that cannot be written as JSON", e));
        }
        return transactions.mandatory(session -> session.createNativeQuery(
                        "INSERT INTO held_message (event_id, upload_id, kind, organization, dataset, letter, release_at)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (kind, event_id) DO NOTHING")
                .setParameter(1, held.eventId())
                .setParameter(2, uploadId)
                .setParameter(3, held.kind().name())
                .setParameter(4, held.organization())
                .setParameter(5, held.dataset())
                .setParameter(6, letter)
                .setParameter(7, Columns.timestamp(Instant.now().plus(wait)))
                .executeUpdate()).replaceWithVoid();
    }

    /** The upload's held messages, now that its sender is known. */
    public Uni<List<Held>> takeFor(UUID uploadId) {
        return take("DELETE FROM held_message WHERE upload_id = ?1"
                + " RETURNING kind, event_id, organization, dataset, letter", uploadId);
    }

    /**
     * Messages whose sender never showed in time (an audit topic far behind, an entry lost to retention), and those
     * whose sender's entry was read while they were being held (the two transactions side by side: neither saw the
     * other's row).
     */
    public Uni<List<Held>> takeDue(int limit) {
        return take("DELETE FROM held_message WHERE (kind, event_id) IN (SELECT h.kind, h.event_id FROM held_message h"
                + " WHERE h.release_at <= now() OR EXISTS (SELECT 1 FROM upload_sender s WHERE s.upload_id = h.upload_id)"
                + " ORDER BY h.release_at LIMIT ?1 FOR UPDATE OF h SKIP LOCKED)"
                + " RETURNING kind, event_id, organization, dataset, letter", limit);
    }

    private Uni<List<Held>> take(String sql, Object parameter) {
        return transactions.mandatory(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter(1, parameter)
                .getResultList()
                .map(rows -> rows.stream().map(HeldMessages::held).toList()));
    }

    private static Held held(Object[] row) {
        try {
            return new Held(MessageKind.valueOf((String) row[0]), (String) row[1], (String) row[2], (String) row[3],
                    JSON.readValue((String) row[4], Letter.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A held message whose letter cannot be read", e);
        }
    }
}
