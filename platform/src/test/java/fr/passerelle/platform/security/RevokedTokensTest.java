package fr.passerelle.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.TokenRevoked;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RevokedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final RevokedTokens revoked = new RevokedTokens(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRevokedTokenIsRefusedUntilItWouldHaveExpiredAnyway() {
        revoked.revoke("jti-1", NOW.plusSeconds(3600));
        assertTrue(revoked.isRevoked("jti-1"));
        assertFalse(revoked.isRevoked("jti-2"));
        assertFalse(revoked.isRevoked(null));
        revoked.revoke("jti-old", NOW.minusSeconds(1));
        assertFalse(revoked.isRevoked("jti-old"), "an expired token is refused anyway: nothing to remember");
        assertEquals(1, revoked.size());
    }

    @Test
    void theFeedAppliesARevocationAndSkipsWhatItCannotRead() {
        RevocationFeed feed = new RevocationFeed(revoked, "127.0.0.1:1", true);
        feed.apply(EventJson.write(new TokenRevoked("e1", NOW, "ville", "jti-3", NOW.plusSeconds(60), "admin@ville.fr")));
        assertTrue(revoked.isRevoked("jti-3"));
        feed.apply("not json");
        feed.apply("{\"tokenId\":\"jti-4\"}");
        feed.apply(null);
        assertFalse(revoked.isRevoked("jti-4"), "a revocation without expiry or organisation is malformed");
        assertEquals(1, revoked.size());
    }
}
