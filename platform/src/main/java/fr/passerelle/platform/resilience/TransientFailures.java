package fr.passerelle.platform.resilience;

import fr.passerelle.platform.storage.StorageException;

/**
 * Tells an outage of the object store or the database from any other failure: an outage is waited
 * out (the consumers' retry policy, {@link fr.passerelle.platform.consumer.RetryPolicy}), released
 * for a later pass (the dropzone) or answered 503 with {@code Retry-After}, since the same work will
 * succeed once the server is back; anything else would fail again.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    /**
     * The object store unreachable (a storage failure caused by the network, an {@link java.io.IOException};
     * not an answer such as "no such key", which waiting would not change), or PostgreSQL unreachable or
     * restarting: SQL states 08xxx and 57P0x from the JDBC driver or from the reactive client
     * ({@code io.vertx.pgclient.PgException}), a reactive connection lost mid-query
     * ({@code io.vertx.sqlclient.ClosedConnectionException}, or its socket reset under Netty) or refused (Netty's connect exception: the reactive
     * client is the only Netty client of the services that reaches a server of ours, so a portal's refused
     * connection, from {@code java.net.http}, stays an ordinary failure).
     */
    public static boolean isOutage(Throwable failure) {
        return isOutage(failure, false, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** An outage of the object store (rather than of the database) somewhere in {@code failure}'s chain. */
    public static boolean isStorageOutage(Throwable failure) {
        return isStorageOutage(failure, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean isStorageOutage(Throwable failure, java.util.Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof StorageException && isOutage(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isStorageOutage(suppressed, seen)) {
                return true;
            }
        }
        return isStorageOutage(failure.getCause(), seen);
    }

    /**
     * A socket reset or closed under a Netty channel: the reactive client's connection when PostgreSQL restarts (seen
     * in the fault harness: « java.net.SocketException: Connection reset » read by {@code NioSocketChannel}, answered 500
     * to an upload). The portals' client ({@code java.net.http}) and the object store's (OkHttp) read their sockets
     * without Netty, so their resets stay ordinary failures.
     */
    private static boolean isNettyChannelFailure(Throwable failure) {
        if (!(failure instanceof java.net.SocketException || failure instanceof java.nio.channels.ClosedChannelException)) {
            return false;
        }
        if (failure.getClass().getName().startsWith("io.netty.")) {
            return true;
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("io.netty.channel.")) {
                return true;
            }
        }
        return false;
    }

    /** Connection exceptions (08xxx) and operator intervention (57P01 admin shutdown, 57P02 crash, 57P03 starting). */
    private static boolean isOutageState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    /**
     * Causes and suppressed exceptions both: a commit that fails because PostgreSQL went away carries
     * the SQL state in an exception suppressed by the transaction manager's RollbackException.
     */
    private static boolean isOutage(Throwable failure, boolean storage, java.util.Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        boolean inStorage = storage || failure instanceof StorageException;
        if (inStorage && failure instanceof java.io.IOException) {
            return true;
        }
        if (failure instanceof java.sql.SQLException sql && isOutageState(sql.getSQLState())) {
            return true;
        }
        if (failure instanceof io.vertx.sqlclient.DatabaseException database && isOutageState(database.getSqlState())) {
            return true;
        }
        if (failure instanceof io.vertx.sqlclient.ClosedConnectionException
                || failure instanceof java.net.ConnectException && failure.getClass().getName().startsWith("io.netty.")
                || isNettyChannelFailure(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isOutage(suppressed, inStorage, seen)) {
                return true;
            }
        }
        return isOutage(failure.getCause(), inStorage, seen);
    }
}
