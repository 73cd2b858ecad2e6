package fr.passerelle.staff.administration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.staff.services.Api;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreshTokensTest {

    private static Api.NewToken token(String value) {
        return new Api.NewToken("id", value, "export", List.of("contributor"), "machine", Instant.now());
    }

    @Test
    void aSecondSubmissionOfTheSameFormGetsTheFirstTokenAndIssuesNone() {
        FreshTokens fresh = new FreshTokens();
        AtomicInteger issued = new AtomicInteger();
        Api.NewToken first = fresh.once("alix/form-1", () -> token("t" + issued.incrementAndGet()));
        Api.NewToken second = fresh.once("alix/form-1", () -> token("t" + issued.incrementAndGet()));
        assertSame(first, second);
        assertEquals(1, issued.get());
    }

    @Test
    void theTokenIsShownOnceThenForgotten() {
        FreshTokens fresh = new FreshTokens();
        fresh.once("alix/form-2", () -> token("secret"));
        assertEquals("secret", fresh.takeForDisplay("alix/form-2").orElseThrow().token());
        assertTrue(fresh.takeForDisplay("alix/form-2").isEmpty());
    }

    @Test
    void aRefusedSubmissionMayBeSentAgain() {
        FreshTokens fresh = new FreshTokens();
        assertThrows(IllegalStateException.class, () -> fresh.once("alix/form-3", () -> {
            throw new IllegalStateException("refused");
        }));
        assertEquals("ok", fresh.once("alix/form-3", () -> token("ok")).token());
    }

    @Test
    void anUnshownTokenIsForgottenAfterAFewMinutes() {
        Instant[] now = {Instant.parse("2026-03-01T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        FreshTokens fresh = new FreshTokens(clock);
        fresh.once("alix/form-4", () -> token("old"));
        now[0] = now[0].plus(FreshTokens.KEPT).plusSeconds(1);
        assertTrue(fresh.takeForDisplay("alix/form-4").isEmpty(), "not kept in memory for ever");
    }
}
