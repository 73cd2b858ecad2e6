package fr.passerelle.platform.resilience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.storage.StorageException;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
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

    /** The reactive client's error as Hibernate Reactive hands it on: wrapped in a CompletionException. */
    @Test
    void theReactiveClientsConnectionAndShutdownStatesAreOutagesItsOtherErrorsAreNot() {
        PgException shutdown = new PgException("terminating connection due to administrator command", "FATAL",
                "57P01", null);
        assertTrue(TransientFailures.isOutage(new CompletionException(new RuntimeException("HR000001", shutdown))));
        assertTrue(TransientFailures.isOutage(new PgException("the database system is starting up", "FATAL",
                "57P03", null)));
        assertTrue(TransientFailures.isOutage(new PgException("connection failure", "FATAL", "08006", null)));
        assertFalse(TransientFailures.isOutage(new CompletionException(new PgException(
                "duplicate key value violates unique constraint", "ERROR", "23505", null))));
        assertFalse(TransientFailures.isOutage(new PgException("relation \"report\" does not exist", "ERROR",
                "42P01", null)));
    }

    @Test
    void aReactiveConnectionLostMidQueryIsAnOutage() {
        assertTrue(TransientFailures.isOutage(new CompletionException(ClosedConnectionException.INSTANCE)));
    }

    /** A real refusal: the reactive client pointed at a port where nothing listens. */
    @Test
    void aReactiveConnectionRefusedIsAnOutage() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ServerSocket socket = new ServerSocket(0)) {
            int closedPort = socket.getLocalPort();
            socket.close();
            Throwable refused = PgConnection.connect(vertx, new PgConnectOptions().setHost("127.0.0.1")
                            .setPort(closedPort).setDatabase("passerelle").setUser("quality"))
                    .toCompletionStage().toCompletableFuture()
                    .handle((connection, failure) -> failure).get(10, TimeUnit.SECONDS);
            assertNotNull(refused, "nothing listens on port " + closedPort);
            assertTrue(TransientFailures.isOutage(new CompletionException(refused)), refused.toString());
            assertFalse(TransientFailures.isStorageOutage(refused));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A connection reset under Netty, as the reactive client's is when PostgreSQL restarts: a real Vert.x socket to a
     * server that accepts, then closes with a reset (linger 0).
     */
    @Test
    void aSocketResetUnderNettyIsAnOutage() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ServerSocket server = new ServerSocket(0)) {
            java.util.concurrent.CompletableFuture<Throwable> failure = new java.util.concurrent.CompletableFuture<>();
            vertx.createNetClient().connect(server.getLocalPort(), "127.0.0.1").onComplete(connected -> {
                if (connected.failed()) {
                    failure.complete(connected.cause());
                    return;
                }
                connected.result().exceptionHandler(failure::complete);
                connected.result().closeHandler(ignored -> failure.complete(null));
                connected.result().write("SELECT 1");
            });
            try (java.net.Socket accepted = server.accept()) {
                accepted.setSoLinger(true, 0);
                accepted.getInputStream().read();
            }
            Throwable reset = failure.get(10, TimeUnit.SECONDS);
            assertNotNull(reset, "the reset reaches the socket as an exception");
            assertTrue(TransientFailures.isOutage(new CompletionException(reset)), reset.toString());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        // The same exception from a client without Netty (a portal's java.net.http) stays an ordinary failure.
        java.net.SocketException elsewhere = new java.net.SocketException("Connection reset");
        elsewhere.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("jdk.internal.net.http.SocketTube", "read", "SocketTube.java", 1)});
        assertFalse(TransientFailures.isOutage(elsewhere));
    }

    /** A portal refusing a connection (java.net.http) is no outage of ours: tried a few times, then dead-lettered. */
    @Test
    void aRefusedConnectionOutsideTheStoresAndTheDatabaseIsNoOutage() {
        assertFalse(TransientFailures.isOutage(new java.io.UncheckedIOException(new java.net.ConnectException(
                "Connection refused"))));
    }
}
