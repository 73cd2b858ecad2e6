package fr.passerelle.notification.outcome;

import fr.passerelle.platform.reactive.FromWorker;
import fr.passerelle.platform.reactive.Transactions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Sends the held messages whose sender did not show in time, or showed while they were being held
 * ({@link HeldMessages#takeDue}): on a scheduler's thread, each batch in a transaction that takes them and writes their
 * messages.
 */
@ApplicationScoped
public class HeldMessageRelease {

    private static final Logger LOG = Logger.getLogger(HeldMessageRelease.class);
    private static final int BATCH = 100;

    private final HeldMessages held;
    private final Outcomes outcomes;
    private final Transactions transactions;
    private final FromWorker worker;

    public HeldMessageRelease(HeldMessages held, Outcomes outcomes, Transactions transactions, FromWorker worker) {
        this.held = held;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.worker = worker;
    }

    @Scheduled(identity = "held-message-release", every = "${passerelle.notifications.held-release-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            int released = releaseDue();
            if (released > 0) {
                LOG.infof("Released %d held message(s)", released);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Held messages not released, tried again at the next pass: %s", e.getMessage());
        }
    }

    /** Every held message due; returns how many. Blocking: a worker or scheduler thread only. */
    public int releaseDue() {
        int released = 0;
        int batch;
        do {
            batch = worker.await(() -> transactions.inTransaction(session -> held.takeDue(BATCH)
                    .call(outcomes::release)
                    .map(java.util.List::size)));
            released += batch;
        } while (batch == BATCH);
        return released;
    }
}
