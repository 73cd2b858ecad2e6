package fr.passerelle.ingest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeFilenameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "velos.csv|velos.csv",
            "Stationnements vélo 2026.csv|Stationnements_velo_2026.csv",
            "../../etc/passwd|passwd",
            "C:\\Users\\agent\\Bureau\\export.xlsx|export.xlsx",
            ".hidden.csv|hidden.csv",
            "Données œuvre € .csv|Donnees_uvre_.csv",
            "/|fichier",
            "..|fichier"})
    void keepsOnlyASafeBaseName(String original, String expected) {
        assertEquals(expected, SafeFilename.of(original));
    }

    @Test
    void controlCharactersAreReplaced() {
        assertEquals("a_b_c.csv", SafeFilename.of("a" + (char) 0 + "b\r\nc.csv"));
    }

    @Test
    void aMissingNameGetsADefault() {
        assertEquals("fichier", SafeFilename.of(null));
    }

    @Test
    void aVeryLongNameIsCutButKeepsItsExtension() {
        String name = SafeFilename.of("x".repeat(5000) + ".csv");
        assertEquals(120, name.length());
        assertTrue(name.endsWith(".csv"));
    }
}
