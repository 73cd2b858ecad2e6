package fr.passerelle.platform.consumer;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The consumers' record of the events they handled ({@code processed_event}), the transaction their
 * effects are written in, and where an event's attempts run. Every service has {@code platform-reactive}'s
 * {@code ReactiveInbox} (Hibernate Reactive); the interface keeps {@link EventConsumers} free of it, and lets its
 * tests use an inbox of their own.
 */
public interface Inbox {

    /**
     * Where {@link EventConsumers} subscribes one event's attempts, and resumes them after a retry's delay: a
     * worker thread for a blocking inbox, a Vert.x context of the event's own for a reactive one. Called once
     * per event.
     */
    Executor attemptsExecutor();

    /** A cheap look before slow work that the recording transaction would then discard. */
    Uni<Boolean> isProcessed(String consumer, String eventId);

    /**
     * In one new transaction: records the event as handled by {@code consumer} and, when it was not yet,
     * writes {@code effects}. A failure of either rolls both back, so that the next attempt starts afresh.
     *
     * @param effects the consumer's writes; runs on the thread and in the transaction of the recording
     * @return true on the first delivery; false when the event was already handled (effects not run)
     */
    Uni<Boolean> recordFirst(String consumer, String eventId, Supplier<Uni<Void>> effects);
}
