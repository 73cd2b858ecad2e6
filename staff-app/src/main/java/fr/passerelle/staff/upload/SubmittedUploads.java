package fr.passerelle.staff.upload;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Double-submit safety: each upload form carries a one-time key; a second submission of the same
 * form (a second click, a reload that posts again) gets the first one's upload instead of a new one,
 * even while the first is still being sent.
 */
@ApplicationScoped
public class SubmittedUploads {

    static final Duration KEPT = Duration.ofHours(2);

    private record Entry(CompletableFuture<String> uploadId, Instant at) {
    }

    private final Map<String, Entry> submitted = new ConcurrentHashMap<>();
    private final Clock clock;

    public SubmittedUploads() {
        this(Clock.systemUTC());
    }

    SubmittedUploads(Clock clock) {
        this.clock = clock;
    }

    /** The upload id of the form {@code key}: {@code upload} runs only for its first submission. */
    public String once(String key, Supplier<String> upload) {
        Instant now = clock.instant();
        submitted.values().removeIf(entry -> entry.at().isBefore(now.minus(KEPT)));
        CompletableFuture<String> mine = new CompletableFuture<>();
        Entry existing = submitted.putIfAbsent(key, new Entry(mine, now));
        if (existing != null) {
            return await(existing.uploadId());
        }
        try {
            String uploadId = upload.get();
            mine.complete(uploadId);
            return uploadId;
        } catch (RuntimeException e) {
            // A failed submission may be tried again with the same form.
            submitted.remove(key);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static String await(CompletableFuture<String> uploadId) {
        try {
            return uploadId.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
