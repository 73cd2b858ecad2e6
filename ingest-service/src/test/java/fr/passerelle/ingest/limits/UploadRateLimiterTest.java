package fr.passerelle.ingest.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UploadRateLimiterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void allowsTheRateThenRefusesInFrenchWithRetryAfter() {
        UploadRateLimiter limiter = new UploadRateLimiter(6, clock);
        for (int i = 0; i < 6; i++) {
            limiter.acquire("grenoble");
        }

        TooManyUploadsException refused = assertThrows(TooManyUploadsException.class, () -> limiter.acquire("grenoble"));

        assertEquals(429, refused.status());
        assertEquals("too-many-uploads", refused.error().code());
        assertEquals("L'organisation « grenoble » a déjà envoyé 6 fichiers dans la dernière minute, le maximum autorisé.",
                refused.error().message());
        assertEquals(10, refused.retryAfterSeconds(), "one upload every 10 s at 6 a minute");
        assertTrue(refused.error().hint().startsWith("Réessayez dans 10 secondes"), refused.error().hint());
    }

    @Test
    void eachOrganisationHasItsOwnAllowance() {
        UploadRateLimiter limiter = new UploadRateLimiter(2, clock);
        limiter.acquire("grenoble");
        limiter.acquire("grenoble");

        limiter.acquire("lyon");
        assertThrows(TooManyUploadsException.class, () -> limiter.acquire("grenoble"));
    }

    @Test
    void theAllowanceComesBackWithTime() {
        UploadRateLimiter limiter = new UploadRateLimiter(60, clock);
        for (int i = 0; i < 60; i++) {
            limiter.acquire("grenoble");
        }
        assertThrows(TooManyUploadsException.class, () -> limiter.acquire("grenoble"));

        now.set(now.get().plus(Duration.ofSeconds(1)));
        limiter.acquire("grenoble");
        assertThrows(TooManyUploadsException.class, () -> limiter.acquire("grenoble"));

        now.set(now.get().plus(Duration.ofMinutes(5)));
        for (int i = 0; i < 60; i++) {
            limiter.acquire("grenoble");
        }
    }

    @Test
    void idleOrganisationsAreForgottenSoMemoryStaysBounded() {
        UploadRateLimiter limiter = new UploadRateLimiter(1, clock);
        for (int i = 0; i <= UploadRateLimiter.MAX_TRACKED_ORGANIZATIONS; i++) {
            limiter.acquire("org-" + i);
        }
        now.set(now.get().plus(Duration.ofMinutes(2)));

        // Over the bound, full buckets are dropped: org-0 starts afresh, and may upload again.
        limiter.acquire("new-org");
        limiter.acquire("org-0");
        assertThrows(TooManyUploadsException.class, () -> limiter.acquire("org-0"));
    }
}
