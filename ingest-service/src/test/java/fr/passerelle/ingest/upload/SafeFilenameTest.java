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

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "../../../../etc/passwd", "..\\..\\windows\\system32\\config", "....//....//x.csv", "%2e%2e%2fsecret.csv",
            "velos\u202Evsc.exe", "velos\u200F\u202Bcsv.exe", "nom\u0000.csv", "\u001B[31mrouge.csv", "a\tb\nc\rd.csv",
            "\uFEFFbom.csv", "con.csv", "..", ".", "...", " ", "~/.ssh/id_rsa", "/dev/zero", "x/../../y.csv",
            "émoji 🚲 vélo.csv", "\u0085next-line.csv", "名前.csv", "a:b*c?d\"e<f>g|h.csv"})
    void aHostileNameNeverLeavesItsFolderInTheObjectKey(String original) {
        String name = SafeFilename.of(original);
        String key = "grenoble/velos/0b0d2a3e-6c55-4b8e-9d53-3c1f0e0a7b11/" + name;

        assertTrue(name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,119}"), name);
        assertTrue(!name.equals(".") && !name.equals("..") && !name.contains("/") && !name.contains("\\"), name);
        assertEquals(4, key.split("/").length, "the name is one segment of the key: " + key);
    }

    @org.junit.jupiter.api.Test
    void aTenThousandCharacterNameOfControlCharactersIsBounded() {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            name.append((char) (i % 32));
        }
        String safe = SafeFilename.of(name + ".csv");

        assertTrue(safe.length() <= 120, safe);
        assertTrue(safe.chars().noneMatch(Character::isISOControl), safe);
    }
}
