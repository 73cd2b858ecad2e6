package fr.passerelle.platform.consumer;

import fr.passerelle.platform.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one consumer skeleton: a consumer declares its {@link Subscription} and a handler returning {@code Uni},
 * and its {@code @Incoming} method returns {@code consume(…)} (one line). The skeleton does the rest, the same
 * way for every consumer:
 * <ul>
 * <li><b>first delivery</b>: the event is recorded in {@code processed_event} in the transaction of the handler's
 * writes, so a redelivery (rebalance, crash before the offset commit, outbox re-send) is a no-op;</li>
 * <li><b>patience</b>: an outage of the database or the object store is waited out, other failures are tried
 * again a few times, by the project's one {@link RetryPolicy} ({@link ConsumerRetries});</li>
 * <li><b>dead letter</b>: then the failure, as is, nacks the message, which the house failure strategy
 * ({@link fr.passerelle.platform.messaging.MessagingDefaults}) sends to {@code <topic>.dlq} — except a failure
 * that only says the service is stopping ({@link Stopping}): that event is left unacknowledged, for redelivery;</li>
 * <li><b>metrics</b>: {@link ConsumerMetrics}, per consumer and outcome;</li>
 * <li><b>threads</b>: the handler is subscribed where the {@link Inbox} says ({@link Inbox#attemptsExecutor}): a
 * worker thread for JDBC, never the Kafka connector's event loop; a Vert.x context of the event's own for
 * Hibernate Reactive. Slow work that is no write is moved to a worker by the handler itself, explicitly
 * ({@link Work#blocking}), and comes back to the event's context for the writes.</li>
 * </ul>
 * The channel processes one message at a time, in order: SmallRye concatenates the {@code Uni}s of a method
 * returning one.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final Inbox inbox;
    private final ConsumerRetries retries;
    private final ConsumerMetrics metrics;
    private final Stopping stopping;

    public EventConsumers(Inbox inbox, ConsumerRetries retries, ConsumerMetrics metrics, Stopping stopping) {
        this.inbox = inbox;
        this.retries = retries;
        this.metrics = metrics;
        this.stopping = stopping;
    }

    /** A handler in steps: slow work first, then {@link FirstDelivery#record} of its outcome. */
    @FunctionalInterface
    public interface Steps<T> {
        Uni<Void> handle(T event, FirstDelivery delivery);
    }

    /**
     * Consumes one record: {@code handler} writes the event's effects, in the transaction that records it (or, for
     * a subscription {@link Subscription#idempotentByItself idempotent by itself}, in transactions of its own).
     */
    public <T> Uni<Void> consume(Subscription<T> subscription, ConsumerRecord<String, String> record,
                                 Function<T, Uni<Void>> handler) {
        if (!subscription.recorded()) {
            return run(subscription, record, (event, delivery) -> handler.apply(event));
        }
        return run(subscription, record,
                (event, delivery) -> delivery.record(() -> handler.apply(event)).replaceWithVoid());
    }

    /**
     * Consumes one record whose handling has slow work to do before its writes (checking a file, copying it): a
     * redelivery is skipped before that work, and the handler records the event with the work's outcome
     * ({@link FirstDelivery#record}). The whole handler is attempted again after a failure, so its slow work must
     * be idempotent (same object keys).
     */
    public <T> Uni<Void> consumeInSteps(Subscription<T> subscription, ConsumerRecord<String, String> record,
                                        Steps<T> steps) {
        if (!subscription.recorded()) {
            throw new IllegalArgumentException(subscription.consumer() + " records nothing: use consume");
        }
        return run(subscription, record, steps);
    }

    /** The policy itself, for a step that decides what an outage outlasting the patience means. */
    public ConsumerRetries retries() {
        return retries;
    }

    private <T> Uni<Void> run(Subscription<T> subscription, ConsumerRecord<String, String> record, Steps<T> steps) {
        String consumer = subscription.consumer();
        String what = consumer + " on " + record.topic() + "-" + record.partition() + "@" + record.offset();
        Executor executor = inbox.attemptsExecutor();
        return Uni.createFrom().deferred(() -> {
                    DecodedEvent<T> event = subscription.decoder().apply(record);
                    return retries.patiently(consumer, what, () -> attempt(subscription, record, event, steps)
                            .onFailure(stopping::explains).recoverWithUni(failure -> leftForRedelivery(what, failure)),
                            executor);
                })
                .runSubscriptionOn(executor)
                .onItem().invoke(outcome -> metrics.counted(consumer, outcome))
                .onFailure().invoke(failure -> {
                    metrics.counted(consumer, ConsumerMetrics.Outcome.DEAD_LETTERED);
                    LOG.warnf("%s: given up, to the dead-letter topic: %s", what, failure);
                })
                .replaceWithVoid();
    }

    /**
     * An attempt the service's stop cut short: neither acknowledged nor dead-lettered, never completed, so the
     * connector closes without committing its offset and the event is delivered again.
     */
    private static Uni<ConsumerMetrics.Outcome> leftForRedelivery(String what, Throwable failure) {
        LOG.infof("%s: not finished before the service stopped (%s), left for redelivery", what, failure);
        return Uni.createFrom().nothing();
    }

    private <T> Uni<ConsumerMetrics.Outcome> attempt(Subscription<T> subscription, ConsumerRecord<String, String> record,
                                                     DecodedEvent<T> event, Steps<T> steps) {
        TraceContext.received(record);
        if (!subscription.recorded()) {
            return steps.handle(event.payload(), null).replaceWith(ConsumerMetrics.Outcome.HANDLED);
        }
        return inbox.isProcessed(subscription.consumer(), event.id()).chain(processed -> {
            if (processed) {
                return Uni.createFrom().item(ConsumerMetrics.Outcome.REDELIVERED);
            }
            FirstDelivery delivery = new FirstDelivery(inbox, subscription.consumer(), event.id(), record);
            return steps.handle(event.payload(), delivery).map(ignored -> delivery.outcome());
        });
    }
}
