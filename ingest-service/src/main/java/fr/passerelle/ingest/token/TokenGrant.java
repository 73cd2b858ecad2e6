package fr.passerelle.ingest.token;

import java.util.List;

/** A token request once checked: what the token will grant, to whom, for how long. */
public record TokenGrant(String subject, List<String> roles, TokenKind kind, int validityDays) {
}
