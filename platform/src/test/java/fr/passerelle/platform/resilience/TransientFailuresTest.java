package fr.passerelle.platform.resilience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.storage.StorageException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void anObjectStoreUnreachableIsAnOutageNotAMissingObject() {
        assertTrue(TransientFailures.isOutage(new StorageException("Cannot read raw/x",
                new java.net.ConnectException("Connection refused"))));
        assertTrue(TransientFailures.isOutage(new StorageException("Cannot write",
                new java.net.SocketTimeoutException("timeout"))));
        assertFalse(TransientFailures.isOutage(new StorageException("Cannot read raw/x",
                new IllegalStateException("NoSuchKey"))), "a missing object is not waited for");
        assertFalse(TransientFailures.isOutage(new IllegalStateException("a bug")));
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
