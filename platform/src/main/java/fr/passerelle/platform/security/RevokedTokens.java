package fr.passerelle.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens revoked before their expiry, in this instance's memory (every request is checked against
 * it, never the database): fed by {@link RevocationFeed} from the compacted revocations topic, and at
 * once by the instance that revokes. A token past its expiry is refused anyway, so it is forgotten.
 */
@ApplicationScoped
public class RevokedTokens {

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;

    public RevokedTokens() {
        this(Clock.systemUTC());
    }

    RevokedTokens(Clock clock) {
        this.clock = clock;
    }

    public boolean isRevoked(String tokenId) {
        return tokenId != null && expiries.containsKey(tokenId);
    }

    public void revoke(String tokenId, Instant expiresAt) {
        Instant now = clock.instant();
        if (tokenId == null || expiresAt == null || !expiresAt.isAfter(now)) {
            return;
        }
        expiries.put(tokenId, expiresAt);
        expiries.values().removeIf(expiry -> !expiry.isAfter(now));
    }

    public int size() {
        return expiries.size();
    }
}
