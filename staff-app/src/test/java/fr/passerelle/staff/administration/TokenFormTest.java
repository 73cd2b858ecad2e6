package fr.passerelle.staff.administration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenFormTest {

    @Test
    void aMachineTokenRequestCarriesItsRolesAndDays() {
        TokenForm form = TokenForm.of(" export-sig ", "machine", List.of("contributor", "contributor", "ops"), "90");
        assertTrue(form.valid(), form.errors().toString());
        assertEquals(Map.of("subject", "export-sig", "kind", "machine", "roles", List.of("contributor"), "validityDays", 90),
                form.request());
    }

    @Test
    void aFormWithoutSubjectOrRoleSaysSoBesideEachField() {
        TokenForm form = TokenForm.of("", "personne", List.of(), "45");
        assertEquals(java.util.Set.of("subject", "roles", "validityDays"), form.errors().keySet());
        assertEquals("Indiquez une durée entre 1 et 30 jours.", form.errors().get("validityDays"));
    }

    @Test
    void ingestsRefusalIsTiedToItsField() {
        TokenForm form = TokenForm.of("agent", "personne", List.of("admin"), "");
        assertEquals("Adresse attendue.", form.refused("invalid-subject", "Adresse attendue.").errors().get("subject"));
        assertEquals("Rôle inconnu.", form.refused("unknown-role", "Rôle inconnu.").errors().get("roles"));
    }

    @Test
    void auditActionsReadInFrenchAndUnknownOnesKeepTheirCode() {
        assertEquals("Nouvel envoi à un portail", AuditLine.action("target.retried"));
        assertEquals("Réglages de l'organisation modifiés", AuditLine.action("organization.settings.changed"));
        assertEquals("Nouveau secret d'un webhook", AuditLine.action("webhook.secret.rotated"));
        assertEquals("dataset.archived", AuditLine.action("dataset.archived"));
    }
}
