package fr.passerelle.staff.administration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form that issues a token: for whom, a person or a machine, which roles, how many days. Checked here
 * for what a person forgets; ingest checks the rest and its refusals are tied to the same fields.
 */
public record TokenForm(String subject, String kind, List<String> roles, String validityDays,
                        Map<String, String> errors) {

    static final List<String> ROLES = List.of("contributor", "publisher", "admin");

    public static TokenForm empty() {
        return new TokenForm("", "machine", List.of("contributor"), "", Map.of());
    }

    public static TokenForm of(String subject, String kind, List<String> roles, String validityDays) {
        String who = subject == null ? "" : subject.strip();
        String type = "personne".equals(kind) ? "personne" : "machine";
        List<String> chosen = roles == null ? List.of() : roles.stream().filter(ROLES::contains).distinct().toList();
        String days = validityDays == null ? "" : validityDays.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (who.isEmpty()) {
            errors.put("subject", "personne".equals(type) ? "Indiquez l'adresse électronique de l'agent, par exemple agent@ville.fr."
                    : "Indiquez un nom qui dit ce que fait la machine, par exemple export-sig-voirie.");
        }
        if (chosen.isEmpty()) {
            errors.put("roles", "Cochez au moins un rôle.");
        }
        if (!days.isEmpty()) {
            int max = "personne".equals(type) ? 30 : 365;
            try {
                int value = Integer.parseInt(days);
                if (value < 1 || value > max) {
                    errors.put("validityDays", "Indiquez une durée entre 1 et " + max + " jours.");
                }
            } catch (NumberFormatException e) {
                errors.put("validityDays", "Indiquez un nombre de jours, par exemple 90.");
            }
        }
        return new TokenForm(who, type, chosen, days, errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The body ingest expects ({@code POST …/tokens}). */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("kind", kind);
        body.put("roles", roles);
        if (!validityDays.isEmpty()) {
            body.put("validityDays", Integer.parseInt(validityDays));
        }
        return body;
    }

    /** The form with ingest's refusal tied to the field it is about. */
    TokenForm refused(String code, String message) {
        Map<String, String> errors = new LinkedHashMap<>(this.errors);
        String field = switch (code == null ? "" : code) {
            case "roles-required", "unknown-role", "ops-role-refused" -> "roles";
            case "invalid-validity" -> "validityDays";
            case "invalid-token-kind" -> "kind";
            default -> "subject";
        };
        errors.put(field, message);
        return new TokenForm(subject, kind, roles, validityDays, errors);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasContributor() {
        return has("contributor");
    }

    public boolean hasPublisher() {
        return has("publisher");
    }

    public boolean hasAdmin() {
        return has("admin");
    }
}
