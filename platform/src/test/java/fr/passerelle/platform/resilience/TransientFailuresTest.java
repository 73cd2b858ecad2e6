package fr.passerelle.platform.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.storage.StorageException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void anObjectStoreOutageIsWaitedOut() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String result = TransientFailures.retry("test", Duration.ofSeconds(10), () -> {
            if (calls.incrementAndGet() < 3) {
                throw new StorageException("Cannot read raw/x", new java.net.ConnectException("Connection refused"));
            }
            return "lu";
        });
        assertEquals("lu", result);
        assertEquals(3, calls.get());
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> TransientFailures.retry("test", Duration.ofSeconds(10), () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug");
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void theOutageIsRethrownOncePatienceIsSpent() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(StorageException.class, () -> TransientFailures.retry("test", Duration.ofMillis(800), () -> {
            calls.incrementAndGet();
            throw new StorageException("Cannot write", new java.net.SocketTimeoutException("timeout"));
        }));
        assertTrue(calls.get() >= 1 && calls.get() <= 3, "a few tries within 0.8 s: " + calls.get());
    }

    @Test
    void aStoreThatAnswersNoSuchKeyIsNoOutage() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(StorageException.class, () -> TransientFailures.retry("test", Duration.ofSeconds(10), () -> {
            calls.incrementAndGet();
            throw new StorageException("Cannot read raw/x", new IllegalStateException("NoSuchKey"));
        }));
        assertEquals(1, calls.get(), "a missing object is not waited for");
    }

    @Test
    void onlyConnectionAndShutdownStatesOfTheDatabaseAreOutages() {
        assertTrue(TransientFailures.isOutage(new Database.DatabaseException("SELECT 1",
                new SQLException("refused", "08001"))));
        assertTrue(TransientFailures.isOutage(new Database.DatabaseException("SELECT 1",
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertFalse(TransientFailures.isOutage(new Database.DatabaseException("SELECT 1",
                new SQLException("duplicate key", "23505"))));
    }

    /** What Narayana throws when PostgreSQL restarts during a commit (seen by the fault harness). */
    @Test
    void aCommitThatFailedBecausePostgresqlWentAwayIsAnOutage() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertTrue(TransientFailures.isOutage(new RuntimeException("Error invoking subclass method", rollback)));
        RuntimeException constraint = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        constraint.addSuppressed(new Exception(new SQLException("duplicate key", "23505")));
        assertFalse(TransientFailures.isOutage(constraint));
    }

    @Test
    void anOutageIsToldAsTheStoresOrTheDatabasesFromWhereverItHides() {
        RuntimeException store = new RuntimeException("wrapped",
                new StorageException("Cannot store raw/x", new java.net.ConnectException("refused")));
        assertTrue(TransientFailures.isOutage(store));
        assertTrue(TransientFailures.isStorageOutage(store));
        RuntimeException database = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        database.addSuppressed(new Exception(new SQLException("connection refused", "08001")));
        assertTrue(TransientFailures.isOutage(database));
        assertFalse(TransientFailures.isStorageOutage(database));
        assertFalse(TransientFailures.isStorageOutage(null));
    }
}
