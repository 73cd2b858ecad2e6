package fr.passerelle.ingest.upload;

import fr.passerelle.platform.web.ApiException;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi draft « The Idempotency-Key HTTP Header Field »): a
 * Structured Fields string, {@code "…"}; the bare value that many clients send is taken too.
 */
final class IdempotencyKey {

    static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /** @return the key, or null when the request has none */
    static String parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F
                && c != '"' && c != '\\')) {
            throw ApiException.badRequest("idempotency-key-invalid", "L'en-tête Idempotency-Key n'est pas valable.",
                    "Envoyez une clé de 1 à " + MAX_LENGTH + " caractères ASCII visibles, sans espace, nouvelle pour"
                            + " chaque fichier (un UUID par exemple) et reprise telle quelle pour renvoyer la même"
                            + " demande.");
        }
        return key;
    }
}
