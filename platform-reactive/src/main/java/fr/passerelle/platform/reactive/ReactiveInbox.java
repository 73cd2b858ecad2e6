package fr.passerelle.platform.reactive;

import fr.passerelle.platform.consumer.Inbox;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The consumers' inbox on Hibernate Reactive: the event's {@code processed_event} record and the handler's writes in
 * one reactive transaction, so a redelivery is a no-op. Every service's inbox (the JDBC and JTA one it replaced is
 * gone).
 *
 * <p>Each event's attempts run on a Vert.x duplicated context of its own (marked safe for Hibernate Reactive, which
 * keeps the session there): never the Kafka connector's shared context, so two events never share a session, and a
 * retry after its delay comes back to the same context.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ReactiveInbox implements Inbox {

    private final Transactions transactions;
    private final Vertx vertx;

    public ReactiveInbox(Transactions transactions, Vertx vertx) {
        this.transactions = transactions;
        this.vertx = vertx;
    }

    @Override
    public Executor attemptsExecutor() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return command -> context.runOnContext(ignored -> command.run());
    }

    @Override
    public Uni<Boolean> isProcessed(String consumer, String eventId) {
        return transactions.session(session -> session
                .createNativeQuery("SELECT 1 FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getResultList()
                .map(rows -> !((List<?>) rows).isEmpty()));
    }

    @Override
    public Uni<Boolean> recordFirst(String consumer, String eventId, Supplier<Uni<Void>> effects) {
        return transactions.inTransaction(session -> session
                .createNativeQuery("INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? effects.get().replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)));
    }
}
