package fr.passerelle.staff.administration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A secret (a token, a webhook's signing secret) is shown once, on the page after the form that made it. The form
 * carries a one-time key: a second submission of it (double click, reload) gets the first one's secret instead of
 * making another, and the secret waits here, in memory only, until that page shows it — then it is forgotten.
 * Unshown secrets are forgotten after a few minutes: the admin makes another.
 */
public abstract class ShownOnce<T> {

    static final Duration KEPT = Duration.ofMinutes(5);

    private record Entry<T>(CompletableFuture<T> token, Instant at) {
    }

    private final Map<String, Entry<T>> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    protected ShownOnce() {
        this(Clock.systemUTC());
    }

    protected ShownOnce(Clock clock) {
        this.clock = clock;
    }

    /** Makes the secret of form {@code key} once, whatever the number of submissions. */
    public T once(String key, Supplier<T> make) {
        Instant now = clock.instant();
        issued.values().removeIf(entry -> entry.at().isBefore(now.minus(KEPT)));
        CompletableFuture<T> mine = new CompletableFuture<>();
        Entry<T> existing = issued.putIfAbsent(key, new Entry<>(mine, now));
        if (existing != null) {
            return await(existing.token());
        }
        try {
            T token = make.get();
            mine.complete(token);
            return token;
        } catch (RuntimeException e) {
            // A refused or failed submission may be corrected and sent again with the same form.
            issued.remove(key);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The secret of form {@code key}, the first time only. */
    public Optional<T> takeForDisplay(String key) {
        Entry<T> entry = issued.remove(key);
        if (entry == null || !entry.token().isDone() || entry.at().isBefore(clock.instant().minus(KEPT))) {
            return Optional.empty();
        }
        try {
            return Optional.of(entry.token().getNow(null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static <T> T await(CompletableFuture<T> token) {
        try {
            return token.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
