package fr.passerelle.ingest.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@code passerelle.upload.rate-per-minute} uploads per organisation per minute: a token
 * bucket per organisation, refilled continuously, bursts up to the whole minute's allowance.
 *
 * <p>Kept in this instance's memory: with several ingest instances behind a load balancer each one
 * allows the rate, so the effective limit is the rate times the instances. Enough to stop a runaway
 * script; a shared limit would need PostgreSQL or a gateway.
 */
@ApplicationScoped
public class UploadRateLimiter {

    /** Buckets kept before the full (idle) ones are dropped: bounded whatever slugs callers invent. */
    static final int MAX_TRACKED_ORGANIZATIONS = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public UploadRateLimiter(@ConfigProperty(name = "passerelle.upload.rate-per-minute", defaultValue = "60") int perMinute) {
        this(perMinute, Clock.systemUTC());
    }

    UploadRateLimiter(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("passerelle.upload.rate-per-minute must be at least 1");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Takes one upload from the organisation's allowance.
     *
     * @throws TooManyUploadsException (429, French) when the allowance is spent
     */
    public void acquire(String organization) {
        long now = clock.millis();
        if (buckets.size() > MAX_TRACKED_ORGANIZATIONS) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        long waitMillis = buckets.computeIfAbsent(organization, org -> new Bucket(perMinute, now)).take(now);
        if (waitMillis > 0) {
            throw new TooManyUploadsException(organization, perMinute, (waitMillis + 999) / 1000);
        }
    }

    /** Refilled lazily, on each use, by the time elapsed since the last one. */
    private static final class Bucket {

        private final long capacity;
        private final double refillPerMilli;
        private double tokens;
        private long last;

        Bucket(int perMinute, long now) {
            this.capacity = perMinute;
            this.refillPerMilli = perMinute / 60_000.0;
            this.tokens = perMinute;
            this.last = now;
        }

        /** @return 0 when a token was taken, else the milliseconds until one is there */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / refillPerMilli);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * refillPerMilli);
                last = now;
            }
        }
    }
}
