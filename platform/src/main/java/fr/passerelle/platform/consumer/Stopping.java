package fr.passerelle.platform.consumer;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether the service is stopping, so that a consumer never dead-letters an event for a failure that only says the
 * service is going away. On SIGTERM, Quarkus closes the reactive PostgreSQL pool while the Kafka connector still
 * drains the records it had polled (seen in the fault harness: valid uploads dead-lettered with « Pool closed »
 * during quality's 7 s shutdown). Such an event is left unacknowledged instead: its offset is not committed, and the
 * next instance, or this one restarted, handles it — the same as after a kill -9.
 */
@ApplicationScoped
public class Stopping {

    /** The reactive SQL client's failure once its pool is closed, which only happens when the service stops. */
    static final String POOL_CLOSED = "Pool closed";

    private volatile boolean stopping;

    /** Quarkus fires the shutdown event before its shutdown tasks close the pools and clients. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Marks the service as stopping (tests; Quarkus does it through the shutdown event). */
    public void begin() {
        stopping = true;
    }

    /** Whether {@code failure} is the service stopping rather than anything wrong with the event. */
    public boolean explains(Throwable failure) {
        return stopping || poolClosed(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean poolClosed(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (POOL_CLOSED.equals(failure.getMessage())) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (poolClosed(suppressed, seen)) {
                return true;
            }
        }
        return poolClosed(failure.getCause(), seen);
    }
}
