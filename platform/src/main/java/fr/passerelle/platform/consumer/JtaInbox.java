package fr.passerelle.platform.consumer;

import fr.passerelle.platform.inbox.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The inbox on JDBC and JTA: each call blocks the thread that subscribes, which {@link EventConsumers}
 * makes a worker thread. The effects' {@code Uni} is awaited inside the transaction, on that thread, since
 * a JTA transaction belongs to its thread: effects must not move to another thread.
 */
@ApplicationScoped
public class JtaInbox implements Inbox {

    private final ProcessedEvents processed;

    public JtaInbox(ProcessedEvents processed) {
        this.processed = processed;
    }

    /** JDBC blocks: a worker thread, never the Kafka connector's event loop. */
    @Override
    public Executor attemptsExecutor() {
        return Infrastructure.getDefaultWorkerPool();
    }

    @Override
    public Uni<Boolean> isProcessed(String consumer, String eventId) {
        return Uni.createFrom().item(() -> processed.isProcessed(consumer, eventId));
    }

    @Override
    public Uni<Boolean> recordFirst(String consumer, String eventId, Supplier<Uni<Void>> effects) {
        return Uni.createFrom().item(() -> QuarkusTransaction.requiringNew().call(() -> {
            if (!processed.markProcessed(consumer, eventId)) {
                return false;
            }
            effects.get().await().indefinitely();
            return true;
        }));
    }
}
