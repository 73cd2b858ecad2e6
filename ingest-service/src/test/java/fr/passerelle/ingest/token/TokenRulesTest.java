package fr.passerelle.ingest.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.web.ApiException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRulesTest {

    private static TokenGrant check(String subject, List<String> roles, String kind, Integer days) {
        return TokenRules.check(new TokenRequest(subject, roles, kind, days));
    }

    private static ApiException refused(String code, String subject, List<String> roles, String kind, Integer days) {
        ApiException refusal = assertThrows(ApiException.class, () -> check(subject, roles, kind, days));
        assertEquals(400, refusal.status());
        assertEquals(code, refusal.error().code(), refusal.getMessage());
        assertNotNull(refusal.error().hint(), "every refusal says what to do");
        return refusal;
    }

    @Test
    void aPersonsTokenByDefaultLastsOneDay() {
        TokenGrant grant = check("  agent@ville.fr ", List.of("contributor"), null, null);
        assertEquals("agent@ville.fr", grant.subject());
        assertEquals(TokenKind.PERSONNE, grant.kind());
        assertEquals(1, grant.validityDays());
        assertEquals(List.of("contributor"), grant.roles());
    }

    @Test
    void aMachinesTokenByDefaultLastsNinetyDays() {
        TokenGrant grant = check("export-sig-voirie", List.of("contributor"), "machine", null);
        assertEquals(TokenKind.MACHINE, grant.kind());
        assertEquals(90, grant.validityDays());
    }

    @Test
    void validityLimitsDependOnTheKind() {
        assertEquals(30, check("agent@ville.fr", List.of("admin"), "personne", 30).validityDays());
        refused("invalid-validity", "agent@ville.fr", List.of("admin"), "personne", 31);
        assertEquals(365, check("robot", List.of("contributor"), "machine", 365).validityDays());
        refused("invalid-validity", "robot", List.of("contributor"), "machine", 366);
        refused("invalid-validity", "agent@ville.fr", List.of("admin"), null, 0);
        refused("invalid-validity", "agent@ville.fr", List.of("admin"), null, -5);
    }

    @Test
    void rolesAreDeduplicatedInTheUsualOrder() {
        TokenGrant grant = check("agent@ville.fr", List.of("admin", "contributor", "admin", " publisher "), null, null);
        assertEquals(List.of("contributor", "publisher", "admin"), grant.roles());
    }

    @Test
    void rolesAreRequiredAndOnlyThoseOfAnOrganization() {
        refused("roles-required", "agent@ville.fr", null, null, null);
        refused("roles-required", "agent@ville.fr", List.of(), null, null);
        ApiException ops = refused("ops-role-refused", "agent@ville.fr", List.of("contributor", "ops"), null, null);
        assertTrue(ops.getMessage().contains("ops"), ops.getMessage());
        refused("unknown-role", "agent@ville.fr", List.of("superadmin"), null, null);
        refused("unknown-role", "agent@ville.fr", List.of("Admin"), null, null);
        refused("unknown-role", "agent@ville.fr", Arrays.asList("contributor", null), null, null);
    }

    @Test
    void theSubjectIsRequiredAndSane() {
        refused("subject-required", null, List.of("contributor"), null, null);
        refused("subject-required", "   ", List.of("contributor"), null, null);
        refused("invalid-subject", "a".repeat(250) + "@ville.fr", List.of("contributor"), null, null);
        refused("invalid-subject", "agent@ville.fr\nadmin@ville.fr", List.of("contributor"), null, null);
        refused("invalid-subject", "agent\u0000@ville.fr", List.of("contributor"), null, null);
        // A right-to-left override would make a name read as another one in lists and logs.
        refused("invalid-subject", "agent\u202e@ville.fr", List.of("contributor"), null, null);
        refused("invalid-subject", "robot\u200b", List.of("contributor"), "machine", null);
    }

    @Test
    void aPersonIsAnEmailAddressAndAMachineAName() {
        refused("invalid-subject", "Jean Dupont", List.of("contributor"), "personne", null);
        assertEquals("Export SIG voirie", check("Export SIG voirie", List.of("contributor"), "machine", null).subject());
        assertEquals("élec.2024@grenoble", check("élec.2024@grenoble", List.of("contributor"), "machine", null).subject());
        refused("invalid-subject", "-rm -rf", List.of("contributor"), "machine", null);
        refused("invalid-subject", "robot<script>", List.of("contributor"), "machine", null);
    }

    @Test
    void anUnknownKindOrNoRequestIsRefused() {
        refused("invalid-token-kind", "agent@ville.fr", List.of("contributor"), "ops", null);
        ApiException empty = assertThrows(ApiException.class, () -> TokenRules.check(null));
        assertEquals(400, empty.status());
    }
}
