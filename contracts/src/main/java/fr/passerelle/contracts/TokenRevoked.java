package fr.passerelle.contracts;

import java.time.Instant;

/**
 * An organisation's admin revoked a token Passerelle had issued: every instance of every service
 * refuses it from then on. The topic is compacted (one record per token) so that a service starting
 * later still learns every revocation of tokens that have not expired.
 *
 * @param tokenId   the token's {@code jti}
 * @param expiresAt when the token would have expired anyway: after it, the entry can be forgotten
 */
public record TokenRevoked(
        String eventId,
        Instant occurredAt,
        String organization,
        String tokenId,
        Instant expiresAt,
        String revokedBy) implements TopicEvent {

    @Override
    public String key() {
        return tokenId;
    }

    @Override
    public String subject() {
        return "organizations/" + organization + "/tokens/" + tokenId;
    }
}
