package fr.passerelle.ingest.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A token Passerelle issued, as the {@code issued_token} table and the list endpoint hold it: never the token. */
public record IssuedToken(
        UUID id,
        String organization,
        String subject,
        List<String> roles,
        String kind,
        String issuedBy,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy) {
}
