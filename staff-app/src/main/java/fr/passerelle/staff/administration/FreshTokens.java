package fr.passerelle.staff.administration;

import fr.passerelle.staff.services.Api;
import jakarta.enterprise.context.ApplicationScoped;
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
 * A token is shown once, on the page after the form that issued it. The form carries a one-time key: a
 * second submission of it (double click, reload) gets the first one's token instead of issuing another, and
 * the token waits here, in memory only, until that page shows it — then it is forgotten. Unshown tokens are
 * forgotten after a few minutes: the admin revokes and issues again.
 */
@ApplicationScoped
public class FreshTokens {

    static final Duration KEPT = Duration.ofMinutes(5);

    private record Entry(CompletableFuture<Api.NewToken> token, Instant at) {
    }

    private final Map<String, Entry> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    public FreshTokens() {
        this(Clock.systemUTC());
    }

    FreshTokens(Clock clock) {
        this.clock = clock;
    }

    /** Issues the token of form {@code key} once, whatever the number of submissions. */
    public Api.NewToken once(String key, Supplier<Api.NewToken> issue) {
        Instant now = clock.instant();
        issued.values().removeIf(entry -> entry.at().isBefore(now.minus(KEPT)));
        CompletableFuture<Api.NewToken> mine = new CompletableFuture<>();
        Entry existing = issued.putIfAbsent(key, new Entry(mine, now));
        if (existing != null) {
            return await(existing.token());
        }
        try {
            Api.NewToken token = issue.get();
            mine.complete(token);
            return token;
        } catch (RuntimeException e) {
            // A refused or failed submission may be corrected and sent again with the same form.
            issued.remove(key);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The token of form {@code key}, the first time only. */
    public Optional<Api.NewToken> takeForDisplay(String key) {
        Entry entry = issued.remove(key);
        if (entry == null || !entry.token().isDone() || entry.at().isBefore(clock.instant().minus(KEPT))) {
            return Optional.empty();
        }
        try {
            return Optional.of(entry.token().getNow(null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Api.NewToken await(CompletableFuture<Api.NewToken> token) {
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
