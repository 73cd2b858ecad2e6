package fr.passerelle.staff.administration;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** A token the organisation issued, as the list shows it: never the token itself. */
public record TokenLine(String id, String subject, String kind, String roles, String issued, String expires,
                        String state, String badge, boolean revocable) {

    static TokenLine of(Api.IssuedToken token, Instant now) {
        String state;
        String badge;
        boolean revocable = false;
        if (token.revokedAt() != null) {
            state = "Révoqué le " + Labels.when(token.revokedAt()) + (token.revokedBy() == null ? "" : " par " + token.revokedBy());
            badge = "fr-badge--error";
        } else if (token.expiresAt() != null && token.expiresAt().isBefore(now)) {
            state = "Expiré";
            badge = "";
        } else {
            state = "Valide";
            badge = "fr-badge--success";
            revocable = true;
        }
        return new TokenLine(token.id(), token.subject(), "personne".equals(token.kind()) ? "Personne" : "Machine",
                roles(token.roles()), Labels.when(token.issuedAt()) + (token.issuedBy() == null ? "" : " par " + token.issuedBy()),
                Labels.when(token.expiresAt()), state, badge, revocable);
    }

    static String roles(List<String> roles) {
        return roles == null ? "" : roles.stream().map(TokenLine::role).collect(Collectors.joining(", "));
    }

    static String role(String role) {
        return switch (role) {
            case "contributor" -> "contributeur";
            case "publisher" -> "publieur";
            case "admin" -> "administrateur";
            default -> role;
        };
    }
}
