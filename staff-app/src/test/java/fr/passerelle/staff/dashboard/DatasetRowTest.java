package fr.passerelle.staff.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.staff.services.Api;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dashboard line of a dataset the catalogue does not know yet: what its last upload became. */
class DatasetRowTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-06T08:30:00Z");

    @Test
    void aDatasetWhoseOnlyFileWasRefusedShowsTheRefusalAndLeadsToTheReport() {
        DatasetRow row = DatasetRow.ofLastUpload(new Api.LastUpload("arceaux", "0b7f1d1e-8a51-4a8e-9c55-6f1f3c0c2a11",
                "arceaux.csv", "REJECTED", "INVALID", 40.0, "3 erreurs.", null, RECEIVED));

        assertEquals("Aucune version", row.lastState());
        assertEquals("Dernier dépôt (« arceaux.csv », le 6 décembre 2026 à 09h30) : Refusé : le fichier contient des erreurs",
                row.lastUpload());
        assertEquals("/rapports/0b7f1d1e-8a51-4a8e-9c55-6f1f3c0c2a11", row.reportPath());
        assertEquals("/depots/0b7f1d1e-8a51-4a8e-9c55-6f1f3c0c2a11", row.page(), "the catalogue has no page for it");
        assertEquals("40 %", row.validity());
        assertTrue(row.needsNewFile());
        assertFalse(row.awaitingApproval());
    }

    @Test
    void aFirstFileStillBeingCheckedHasNoReportYetAndNeedsNothing() {
        DatasetRow row = DatasetRow.ofLastUpload(new Api.LastUpload("arceaux", "0b7f1d1e-8a51-4a8e-9c55-6f1f3c0c2a11",
                "arceaux.csv", "CHECKING", null, null, null, null, RECEIVED));

        assertNull(row.reportPath());
        assertFalse(row.needsNewFile());
        assertTrue(row.lastUpload().endsWith("Contrôle en cours"), row.lastUpload());
    }

    @Test
    void aDatasetOfTheCatalogueLeadsToItsPage() {
        DatasetRow row = DatasetRow.of(new Api.Dataset("ville", "velos", "stationnement-cyclable", "Vélos", 1, null, null,
                RECEIVED), List.of(), List.of(), "http://portail");

        assertEquals("/jeux/velos", row.page());
        assertNull(row.lastUpload());
        assertFalse(row.needsNewFile());
    }
}
