package fr.passerelle.ingest.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to a token request: the only time the token itself is shown. */
public record NewToken(UUID id, String token, String subject, List<String> roles, String kind, Instant expiresAt) {
}
