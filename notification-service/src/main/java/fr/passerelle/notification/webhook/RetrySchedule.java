package fr.passerelle.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a delivery that failed is tried again: after each delay of {@code passerelle.webhooks.retry-delays} in turn
 * (10 s, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h by default: nine attempts over about 23 hours, long enough for a
 * receiver's night-long outage), then never: the delivery is given up (FAILED).
 */
@ApplicationScoped
public class RetrySchedule {

    private final List<Duration> delays;

    public RetrySchedule(@ConfigProperty(name = "passerelle.webhooks.retry-delays") List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    public static RetrySchedule of(Duration... delays) {
        return new RetrySchedule(List.of(delays));
    }

    /** How many attempts a delivery gets in all. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait before the next attempt, after {@code attempts} failed ones; empty when the delivery is given up. */
    public Optional<Duration> after(int attempts) {
        if (attempts < 1 || attempts > delays.size()) {
            return Optional.empty();
        }
        return Optional.of(delays.get(attempts - 1));
    }
}
