package fr.passerelle.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.Topics;
import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.outbox.Outbox;
import fr.passerelle.platform.outbox.OutboxRelay;
import fr.passerelle.platform.security.Caller;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit trail through the real {@link Outbox}, on a database that only remembers what it was asked. */
class AuditTrailTest {

    private final RecordingDatabase database = new RecordingDatabase();
    private final Outbox outbox = new Outbox(database, new NoTransactions(), new OutboxRelay(null, "", "test"));

    @Test
    void anActionOfTheCallerWritesExactlyOneOutboxRowOnTheAuditTopic() {
        AuditTrail trail = new AuditTrail(outbox, new FixedCaller("agent@ville.fr", "203.0.113.7"));

        AuditRecorded entry = trail.record("dataset.metadata.changed", "ville", "velos", "Champs modifiés : titre.");

        assertEquals(1, database.updates.size());
        Object[] row = database.updates.get(0).parameters();
        assertTrue(database.updates.get(0).sql().startsWith("INSERT INTO outbox"));
        assertEquals(Topics.AUDIT, row[1]);
        assertEquals("ville", row[2], "keyed by organisation");
        assertEquals(EventType.AUDIT_RECORDED.ceType(), row[3]);
        assertEquals("organizations/ville/datasets/velos", row[4]);
        AuditRecorded sent = EventJson.read((String) row[5], AuditRecorded.class);
        assertEquals(entry, sent);
        assertEquals("agent@ville.fr", sent.actor());
        assertEquals("203.0.113.7", sent.address());
        assertEquals("dataset.metadata.changed", sent.action());
        assertEquals("velos", sent.dataset());
        assertEquals("Champs modifiés : titre.", sent.detail());
        assertEquals(0, sent.occurredAt().getNano() % 1000, "microseconds, as the audit log stores them");
    }

    @Test
    void unattendedWorkNamesItsLabelAndNoAddress() {
        AuditTrail trail = new AuditTrail(outbox, new FixedCaller("agent@ville.fr", "203.0.113.7"));

        AuditRecorded entry = trail.record(trail.callerOr(Actor.DROPZONE), "upload.accepted", "ville", "velos", "Reçu.");

        assertEquals("dépôt automatique", entry.actor());
        assertNull(entry.address());
        assertEquals(1, database.updates.size());
    }

    @Test
    void aPersonWhoAsksForAPullIsNamedRatherThanTheSchedule() {
        AuditTrail trail = new AuditTrail(outbox, new FixedCaller("agent@ville.fr", "203.0.113.7")) {
            @Override
            boolean servingRequest() {
                return true;
            }
        };

        assertEquals(new Actor("agent@ville.fr", "203.0.113.7"), trail.callerOr(Actor.SCHEDULED_PULL));
    }

    @Test
    void aBadActionCodeOrAMissingOrganisationWritesNothing() {
        AuditTrail trail = new AuditTrail(outbox, new FixedCaller("a", "b"));

        assertThrows(IllegalArgumentException.class, () -> trail.record("Upload accepted", "ville", null, "x"));
        assertThrows(IllegalArgumentException.class, () -> trail.record("upload", "ville", null, "x"));
        assertThrows(IllegalArgumentException.class, () -> trail.record("upload.accepted", null, null, "x"));
        assertTrue(database.updates.isEmpty());
    }

    @Test
    void detailsAreOneBoundedLine() {
        assertEquals("a b", AuditTrail.shortened("a\r\n\tb\n"));
        String longDetail = AuditTrail.shortened("x".repeat(10_000));
        assertEquals(AuditTrail.MAX_DETAIL, longDetail.length());
        assertTrue(longDetail.endsWith("…"));
        assertNull(AuditTrail.shortened(null));
    }

    @Test
    void urlsLoseTheirCredentialsQueryAndFragment() {
        assertEquals("https://www.data.gouv.fr/api/1", AuditTrail.safeUrl("https://www.data.gouv.fr/api/1"));
        assertEquals("https://data.ville.fr:8443/export/velos.csv?…",
                AuditTrail.safeUrl(" https://user:secret@data.ville.fr:8443/export/velos.csv?apikey=s3cr3t#x "));
        assertEquals("(adresse illisible)", AuditTrail.safeUrl("not a url"));
        assertNull(AuditTrail.safeUrl(null));
    }

    private record Update(String sql, Object[] parameters) {
    }

    private static final class RecordingDatabase extends Database {
        final List<Update> updates = new ArrayList<>();

        RecordingDatabase() {
            super(null);
        }

        @Override
        public int update(String sql, Object... parameters) {
            updates.add(new Update(sql, parameters));
            return 1;
        }
    }

    private static final class FixedCaller extends Caller {
        private final String subject;
        private final String address;

        FixedCaller(String subject, String address) {
            this.subject = subject;
            this.address = address;
        }

        @Override
        public String subject() {
            return subject;
        }

        @Override
        public String address() {
            return address;
        }
    }

    /** The outbox only registers a wake-up for after the commit; no commit happens here. */
    private static final class NoTransactions implements TransactionSynchronizationRegistry {
        @Override
        public Object getTransactionKey() {
            return "test";
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
        }

        @Override
        public int getTransactionStatus() {
            return jakarta.transaction.Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
