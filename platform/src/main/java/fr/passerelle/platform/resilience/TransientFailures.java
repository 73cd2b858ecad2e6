package fr.passerelle.platform.resilience;

import fr.passerelle.platform.storage.StorageException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Waits out an outage of the object store or the database instead of giving up on the work at
 * hand: a consumer that dead-lettered an event because S3 was away for 30 s would lose an upload
 * to an ops replay. Anything else fails at once, to the consumer's own short retries and its
 * dead-letter topic. The work must be idempotent: it may run several times.
 */
public final class TransientFailures {

    private static final Logger LOG = Logger.getLogger(TransientFailures.class);
    private static final Duration FIRST_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_DELAY = Duration.ofSeconds(10);
    /** Well under a consumer's {@code max.poll.interval.ms}: the partition is kept while waiting. */
    public static final Duration CONSUMER_PATIENCE = Duration.ofMinutes(2);

    private TransientFailures() {
    }

    /** Runs {@code work}, again after an outage, for at most {@code patience} in all. */
    public static <T> T retry(String what, Duration patience, Callable<T> work) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration delay = FIRST_DELAY;
        while (true) {
            try {
                return work.call();
            } catch (Exception e) {
                if (!isOutage(e) || System.nanoTime() + delay.toNanos() > deadline) {
                    throw e;
                }
                LOG.warnf("%s: %s unavailable, trying again in %d ms", what,
                        e instanceof StorageException ? "object storage" : "database", delay.toMillis());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            }
        }
    }

    public static void run(String what, Duration patience, Runnable work) throws Exception {
        retry(what, patience, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} in a transaction of its own and, after an outage, again in a new one: what a
     * consumer marked {@code @Transactional} cannot do, its transaction being bound to one attempt.
     */
    public static void inTransaction(String what, Duration patience, Runnable work) throws Exception {
        run(what, patience, () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(work));
    }

    /**
     * {@link #inTransaction(String, Duration, Runnable)} with the consumers' patience: a database outage
     * is waited out, each attempt in a new transaction, rather than dead-lettered after 3 short retries.
     */
    public static void inTransaction(String what, Runnable work) throws Exception {
        inTransaction(what, CONSUMER_PATIENCE, work);
    }

    /**
     * The object store unreachable (a storage failure caused by the network, an {@link java.io.IOException};
     * not an answer such as "no such key", which waiting would not change), or PostgreSQL unreachable or
     * restarting (SQL states 08xxx, 57P0x).
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
        if (failure instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
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
