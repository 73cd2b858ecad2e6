package fr.passerelle.staff.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.contracts.TokenClaims;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The person logged in, from the access token the provider gave for them (the one the services get):
 * their name, organisation and roles ({@link TokenClaims}). Templates reach it as {@code inject:person}.
 */
@RequestScoped
@Named("person")
public class Person {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SecurityIdentity identity;

    private JsonNode claims;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    /** "Bearer …": what every call to a service carries. */
    public String bearer() {
        return "Bearer " + accessToken();
    }

    private String accessToken() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new IllegalStateException("no access token in the session");
        }
        return credential.getToken();
    }

    /** Who they are for the provider (login): unique, unlike their name. */
    public String subject() {
        return identity.getPrincipal().getName();
    }

    public String name() {
        if (!isLoggedIn()) {
            return "";
        }
        String given = claim("given_name").orElse("");
        String family = claim("family_name").orElse("");
        String full = (given + " " + family).strip();
        return full.isEmpty() ? claim(TokenClaims.NAME).orElse(identity.getPrincipal().getName()) : full;
    }

    /** The organisation the person belongs to; empty for operators. */
    public Optional<String> organization() {
        return isLoggedIn() ? claim(TokenClaims.ORGANIZATION).filter(org -> !org.isBlank()) : Optional.empty();
    }

    public String organizationName() {
        return organization().orElse("aucune organisation");
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Templates: {@code inject:person.admin} (the Administration entry of the menu). */
    public boolean isAdmin() {
        return isLoggedIn() && hasRole("admin");
    }

    public boolean isPublisher() {
        return isLoggedIn() && hasRole("publisher");
    }

    public boolean isContributor() {
        return isLoggedIn() && hasRole("contributor");
    }

    private Optional<String> claim(String name) {
        JsonNode value = claims().get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    // The provider's token, verified by quarkus-oidc at login and on every request: read, not verified again.
    private JsonNode claims() {
        if (claims == null) {
            String[] parts = accessToken().split("\\.");
            try {
                claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                claims = JSON.createObjectNode();
            }
        }
        return claims;
    }
}
