package fr.passerelle.platform.consumer;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * The consumers' record of the events they handled ({@code processed_event}), and the transaction their
 * effects are written in. Its only implementation today is {@link JtaInbox} (JDBC and JTA, on the worker
 * thread {@link EventConsumers} runs on); a reactive one (a Hibernate Reactive session's transaction) can
 * replace it without a consumer changing.
 */
public interface Inbox {

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
