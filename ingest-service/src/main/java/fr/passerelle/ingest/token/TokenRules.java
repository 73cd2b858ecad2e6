package fr.passerelle.ingest.token;

import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What an admin may ask for: each refusal says in French what to change. */
public final class TokenRules {

    static final int MAX_SUBJECT_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern MACHINE_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@:-]*");

    private TokenRules() {
    }

    public static TokenGrant check(TokenRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid-token-request", "La demande de jeton est vide.",
                    "Envoyez par exemple {\"subject\": \"agent@ville.fr\", \"roles\": [\"contributor\"]}.");
        }
        TokenKind kind = kindOf(request.kind());
        String subject = subjectOf(request.subject(), kind);
        List<String> roles = rolesOf(request.roles());
        int validity = validityOf(request.validityDays(), kind);
        return new TokenGrant(subject, roles, kind, validity);
    }

    private static TokenKind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            return TokenKind.PERSONNE;
        }
        return TokenKind.of(kind.strip()).orElseThrow(() -> ApiException.badRequest("invalid-token-kind",
                "Le type de jeton doit être « personne » ou « machine ».",
                "« personne » pour un agent (valable 1 jour par défaut), « machine » pour un dépôt automatisé ou un"
                        + " script (90 jours par défaut)."));
    }

    private static String subjectOf(String raw, TokenKind kind) {
        String subject = raw == null ? "" : raw.strip();
        if (subject.isEmpty()) {
            throw ApiException.badRequest("subject-required", "Indiquez à qui le jeton est délivré (subject).",
                    kind == TokenKind.PERSONNE ? "L'adresse électronique de l'agent, par exemple « agent@ville.fr »."
                            : "Un nom qui dit ce que fait la machine, par exemple « export-sig-voirie ».");
        }
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw ApiException.badRequest("invalid-subject",
                    "Le titulaire du jeton (subject) dépasse " + MAX_SUBJECT_LENGTH + " caractères.",
                    "Une adresse électronique ou un nom court suffit.");
        }
        if (subject.codePoints().anyMatch(TokenRules::isInvisible)) {
            // They would let a name pass for another in the list of tokens and the audit log.
            throw ApiException.badRequest("invalid-subject",
                    "Le titulaire du jeton (subject) contient des caractères de contrôle ou invisibles.",
                    "Saisissez-le de nouveau au clavier plutôt que de le copier depuis un autre document.");
        }
        if (kind == TokenKind.PERSONNE && !EMAIL.matcher(subject).matches()) {
            throw ApiException.badRequest("invalid-subject",
                    "Un jeton de personne est délivré à une adresse électronique.",
                    "Par exemple « agent@ville.fr » ; pour un script ou un dépôt automatisé, demandez un jeton"
                            + " de type « machine ».");
        }
        if (kind == TokenKind.MACHINE && !MACHINE_NAME.matcher(subject).matches()) {
            throw ApiException.badRequest("invalid-subject",
                    "Le nom d'un jeton de machine ne peut contenir que des lettres, des chiffres, des espaces et"
                            + " « . _ @ : - », et commence par une lettre ou un chiffre.",
                    "Par exemple « export-sig-voirie ».");
        }
        return subject;
    }

    private static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static List<String> rolesOf(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.badRequest("roles-required", "Indiquez au moins un rôle pour le jeton.",
                    "Parmi " + String.join(", ", Roles.OF_AN_ORGANIZATION) + ", par exemple [\"contributor\"].");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : requested) {
            String name = role == null ? "" : role.strip();
            if (Roles.OPS.equals(name)) {
                throw ApiException.badRequest("ops-role-refused",
                        "Le rôle « ops » ne peut pas être délivré par une organisation.",
                        "Les jetons d'exploitation sont créés par l'opérateur de la plateforme avec son outil en ligne"
                                + " de commande ; demandez-lui si vous en avez besoin.");
            }
            if (!Roles.OF_AN_ORGANIZATION.contains(name)) {
                throw ApiException.badRequest("unknown-role", "Rôle inconnu : « " + printable(name) + " ».",
                        "Les rôles possibles sont " + String.join(", ", Roles.OF_AN_ORGANIZATION) + ".");
            }
            roles.add(name);
        }
        // The usual order, whatever the request's.
        return Roles.OF_AN_ORGANIZATION.stream().filter(roles::contains).toList();
    }

    private static int validityOf(Integer days, TokenKind kind) {
        if (days == null) {
            return kind.defaultValidityDays();
        }
        if (days < 1 || days > kind.maxValidityDays()) {
            throw ApiException.badRequest("invalid-validity",
                    "Un jeton de type « " + kind.label() + " » est valable de 1 à " + kind.maxValidityDays() + " jours.",
                    "Sans validityDays, il l'est " + kind.defaultValidityDays() + " jour"
                            + (kind.defaultValidityDays() > 1 ? "s" : "") + " ; un jeton perdu se révoque à tout moment.");
        }
        return days;
    }

    /** A refused value quoted back, short and without what a terminal would interpret. */
    private static String printable(String value) {
        String cleaned = value.codePoints().map(c -> isInvisible(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
    }
}
