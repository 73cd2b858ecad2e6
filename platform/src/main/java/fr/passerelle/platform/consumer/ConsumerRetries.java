package fr.passerelle.platform.consumer;

import fr.passerelle.platform.resilience.TransientFailures;
import fr.passerelle.platform.storage.StorageException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies the {@link RetryPolicy}, configured here and nowhere else ({@code passerelle.consumers.*}), to the
 * attempts at one event. {@link EventConsumers} applies it to every delivery; a handler applies it to a step
 * whose failure, once the policy gives up, it turns into an outcome of its own rather than a dead letter
 * (publish: « stockage indisponible » on the publication).
 */
@ApplicationScoped
public class ConsumerRetries {

    private static final Logger LOG = Logger.getLogger(ConsumerRetries.class);

    private final RetryPolicy policy;
    private final ConsumerMetrics metrics;

    @Inject
    public ConsumerRetries(
            @ConfigProperty(name = "passerelle.consumers.outage-patience", defaultValue = "2m") Duration outagePatience,
            @ConfigProperty(name = "passerelle.consumers.outage-first-delay", defaultValue = "500ms") Duration firstOutageDelay,
            @ConfigProperty(name = "passerelle.consumers.outage-max-delay", defaultValue = "10s") Duration maxOutageDelay,
            @ConfigProperty(name = "passerelle.consumers.failure-retries", defaultValue = "3") int failureRetries,
            @ConfigProperty(name = "passerelle.consumers.failure-delay", defaultValue = "500ms") Duration failureDelay,
            ConsumerMetrics metrics) {
        this(new RetryPolicy(outagePatience, firstOutageDelay, maxOutageDelay, failureRetries, failureDelay), metrics);
    }

    public ConsumerRetries(RetryPolicy policy, ConsumerMetrics metrics) {
        this.policy = policy;
        this.metrics = metrics;
    }

    /**
     * Attempts {@code work} until it succeeds or the policy gives up; the last failure is then the failure, as is
     * (never a wrapper: the dead letter's headers name it).
     */
    public <T> Uni<T> patiently(String consumer, String what, Supplier<Uni<T>> work) {
        return patiently(consumer, what, work, Infrastructure.getDefaultWorkerPool());
    }

    /** The same, each attempt after a delay resumed on {@code executor} (the event's, see {@link Inbox}). */
    public <T> Uni<T> patiently(String consumer, String what, Supplier<Uni<T>> work, Executor executor) {
        return attempt(consumer, what, work, new RetryPolicy.Attempts(), executor);
    }

    private <T> Uni<T> attempt(String consumer, String what, Supplier<Uni<T>> work, RetryPolicy.Attempts attempts,
                               Executor executor) {
        return Uni.createFrom().<T>deferred(work::get).onFailure().recoverWithUni(failure -> {
            boolean outage = TransientFailures.isOutage(failure);
            Optional<Duration> delay = policy.nextDelay(failure, attempts);
            if (delay.isEmpty()) {
                return Uni.createFrom().failure(failure);
            }
            metrics.retried(consumer, outage);
            if (outage) {
                LOG.warnf("%s: %s unavailable, trying again in %d ms", what,
                        failure instanceof StorageException ? "object storage" : "database", delay.get().toMillis());
            } else {
                LOG.infof("%s failed (%s), trying again in %d ms", what, failure, delay.get().toMillis());
            }
            // Quarkus fires Mutiny's delays from a Vert.x timer, on some event loop: the next attempt goes back where
            // the event's attempts run, a worker for JDBC (seen in the fault harness: "The current thread cannot be
            // blocked: vert.x-eventloop-thread-0"), the event's own Vert.x context for Hibernate Reactive.
            return Uni.createFrom().voidItem().onItem().delayIt().by(delay.get())
                    .emitOn(executor)
                    .chain(() -> attempt(consumer, what, work, attempts, executor));
        });
    }
}
