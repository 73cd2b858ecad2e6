package fr.passerelle.ingest.token;

import java.util.List;

/** What an admin sends to get a token; {@code kind} and {@code validityDays} are optional. */
public record TokenRequest(String subject, List<String> roles, String kind, Integer validityDays) {
}
