package fr.passerelle.ingest.dropzone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropKeyTest {

    @Test
    void readsOrganisationDatasetAndFileName() {
        DropKey key = DropKey.parse("grenoble/velos/2026/11/export nuit.csv").orElseThrow();
        assertEquals("grenoble", key.organization());
        assertEquals("velos", key.dataset());
        assertEquals("export nuit.csv", key.filename());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fichier.csv", "grenoble/fichier.csv", "Grenoble/velos/a.csv", "grenoble/velos/",
            "grenoble/velos/sous-dossier/", "../velos/a.csv", "grenoble//a.csv"})
    void refusesKeysOutsideTheLayout(String key) {
        assertTrue(DropKey.parse(key).isEmpty(), key);
    }

    @Test
    void rejectedDropsAreNeverTakenForNewOnes() {
        assertTrue(DropKey.isRejected("rejected/grenoble/velos/a.csv"));
        assertFalse(DropKey.isRejected("grenoble/velos/rejected.csv"));
    }
}
