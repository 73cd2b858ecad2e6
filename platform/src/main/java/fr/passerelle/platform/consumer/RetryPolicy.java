package fr.passerelle.platform.consumer;

import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.platform.resilience.TransientFailures;
import java.time.Duration;
import java.util.Optional;

/**
 * The project's one retry policy for consumers: what to do after a failed attempt at an event.
 * <ul>
 * <li>an event that is no event of its type ({@link MalformedEventException}): nothing, it is dead-lettered at
 * once, since no attempt would read it better;</li>
 * <li>the database or the object store unreachable ({@link TransientFailures#isOutage}): waited out, with a delay
 * doubling from {@code firstOutageDelay} to {@code maxOutageDelay}, for {@code outagePatience} in all from the
 * first attempt; then dead-lettered, so that an ops replay finishes it;</li>
 * <li>anything else: {@code failureRetries} more attempts, {@code failureDelay} apart (a lost race, a lock
 * timeout), then dead-lettered.</li>
 * </ul>
 * The patience stays well under the Kafka consumer's {@code max.poll.interval.ms}: the partition is kept while
 * waiting.
 */
public record RetryPolicy(Duration outagePatience, Duration firstOutageDelay, Duration maxOutageDelay,
                          int failureRetries, Duration failureDelay) {

    /** The delay before the next attempt, or empty to give up on the event. */
    public Optional<Duration> nextDelay(Throwable failure, Attempts attempts) {
        if (isMalformed(failure)) {
            return Optional.empty();
        }
        if (TransientFailures.isOutage(failure)) {
            Duration delay = firstOutageDelay.multipliedBy(1L << Math.min(attempts.outages(), 20));
            if (delay.compareTo(maxOutageDelay) > 0) {
                delay = maxOutageDelay;
            }
            if (attempts.elapsed().plus(delay).compareTo(outagePatience) > 0) {
                return Optional.empty();
            }
            attempts.outage();
            return Optional.of(delay);
        }
        if (attempts.failures() >= failureRetries) {
            return Optional.empty();
        }
        attempts.failure();
        return Optional.of(failureDelay);
    }

    private static boolean isMalformed(Throwable failure) {
        for (Throwable link = failure; link != null; link = link.getCause() == link ? null : link.getCause()) {
            if (link instanceof MalformedEventException) {
                return true;
            }
        }
        return false;
    }

    /** The attempts at one event so far; one per event, never shared. */
    public static final class Attempts {

        private final long startedNanos = System.nanoTime();
        private int outages;
        private int failures;

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startedNanos);
        }

        int outages() {
            return outages;
        }

        int failures() {
            return failures;
        }

        void outage() {
            outages++;
        }

        void failure() {
            failures++;
        }
    }
}
