package fr.passerelle.ingest.audit;

import fr.passerelle.platform.web.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Which page of the log a request asks for: the newest entries, or those before an instant (the
 * {@code occurredAt} of the last entry of the previous page), at most {@code limit} of them.
 *
 * @param before null for the newest entries
 */
public record AuditPage(int limit, Instant before) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** Reads the query parameters as sent, so that a wrong one gets a French 400, not JAX-RS's bare 404. */
    public static AuditPage of(String limit, String before) {
        return new AuditPage(limitOf(limit), beforeOf(before));
    }

    private static int limitOf(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("invalid-limit", "Le nombre d'entrées demandé (« " + text
                            + " ») doit être un nombre entier entre 1 et " + MAX_LIMIT + ".",
                    "Par défaut, les " + DEFAULT_LIMIT + " entrées les plus récentes sont renvoyées ; pour voir les"
                            + " suivantes, passez before=<occurredAt de la dernière entrée reçue>.");
        }
        return limit;
    }

    private static Instant beforeOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-before", "« " + text + " » n'est pas un instant ISO 8601.",
                    "Donnez un instant en UTC, par exemple before=2026-11-23T10:15:30Z : c'est le champ occurredAt"
                            + " de la dernière entrée de la page précédente.");
        }
    }
}
