package fr.passerelle.catalog.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.catalog.dataset.MetadataUpdate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaterialChangeTest {

    private final MaterialChange approved = new MaterialChange("Arceaux vélo", "Emplacements gérés par la ville.",
            "etalab-2.0");

    private static MetadataUpdate update(String title, String description, String licence) {
        return new MetadataUpdate(title, description, null, null, licence, null, null, null, null, null, null);
    }

    @Test
    void titleDescriptionAndLicenceAreMaterialAndNamedInFrench() {
        assertEquals(List.of("titre"), approved.changedBy(update("Stationnements vélo", null, null)));
        assertEquals(List.of("description"), approved.changedBy(update(null, "Autre chose.", null)));
        assertEquals(List.of("licence"), approved.changedBy(update(null, null, "odbl")));
        assertEquals(List.of("titre", "description", "licence"),
                approved.changedBy(update("Autre", "Autre chose.", "odbl")));
    }

    @Test
    void findabilityFieldsAndTheSettingAreNotMaterial() {
        MetadataUpdate findability = new MetadataUpdate(null, null, List.of("vélo"), "Transports", null, "monthly",
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of("38185"), "Service mobilités",
                "donnees@ville.fr", true, "agent@ville.fr");
        assertTrue(approved.changedBy(findability).isEmpty());
    }

    @Test
    void sendingTheSameValuesAgainIsNoChange() {
        assertTrue(approved.changedBy(update("  Arceaux vélo ", "Emplacements gérés par la ville.", "etalab-2.0"))
                .isEmpty(), "a form sends every field back, spaces around included");
        assertTrue(approved.changedBy(update(null, null, null)).isEmpty());
    }

    @Test
    void aFirstDescriptionIsAChange() {
        MaterialChange bare = new MaterialChange("velos", null, "etalab-2.0");
        assertEquals(List.of("description"), bare.changedBy(update(null, "Une description.", null)));
        assertTrue(bare.changedBy(update(null, " ", null)).isEmpty(), "blank is still no description");
    }

    @Test
    void theReasonNamesTheFields() {
        String reason = MaterialChange.reason(List.of("titre", "licence"));
        assertTrue(reason.contains("(titre, licence)") && reason.contains("approbation est retirée"), reason);
    }

    @Test
    void approvalStateFollowsApprovalThenWithdrawal() {
        assertEquals(ApprovalState.NOT_YET_APPROVED, ApprovalState.of(false, false));
        assertEquals(ApprovalState.APPROVED, ApprovalState.of(true, false));
        assertEquals(ApprovalState.WITHDRAWN, ApprovalState.of(false, true));
        assertEquals("anonyme", ApprovalPolicy.actor("  "));
        assertEquals("publieur@ville.fr", ApprovalPolicy.actor(" publieur@ville.fr "));
    }
}
