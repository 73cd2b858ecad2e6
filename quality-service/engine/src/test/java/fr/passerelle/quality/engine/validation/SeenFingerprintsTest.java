package fr.passerelle.quality.engine.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeenFingerprintsTest {

    private final Fingerprinter fingerprinter = new Fingerprinter();

    @Test
    void answersTheRowAFingerprintWasFirstMetOn() {
        SeenFingerprints seen = new SeenFingerprints();

        assertEquals(SeenFingerprints.NEW, seen.putIfAbsent(fingerprinter.of("A"), 2));
        assertEquals(SeenFingerprints.NEW, seen.putIfAbsent(fingerprinter.of("B"), 3));
        assertEquals(2, seen.putIfAbsent(fingerprinter.of("A"), 4));
        assertEquals(2, seen.putIfAbsent(fingerprinter.of("A"), 5));
        assertEquals(2, seen.size());
        assertTrue(seen.contains(fingerprinter.of("B")));
        assertFalse(seen.contains(fingerprinter.of("C")));
    }

    @Test
    void keepsEveryFingerprintAcrossGrowth() {
        SeenFingerprints seen = new SeenFingerprints();
        int count = 300_000;
        for (int i = 0; i < count; i++) {
            assertEquals(SeenFingerprints.NEW, seen.putIfAbsent(fingerprinter.of("id-" + i), i + 2L));
        }

        assertEquals(count, seen.size());
        for (int i = 0; i < count; i += 997) {
            assertEquals(i + 2L, seen.putIfAbsent(fingerprinter.of("id-" + i), 1_000_000));
        }
        assertFalse(seen.contains(fingerprinter.of("id-" + count)));
    }

    @Test
    void storesTheFingerprintThatLooksLikeAnEmptySlot() {
        SeenFingerprints seen = new SeenFingerprints();

        assertEquals(SeenFingerprints.NEW, seen.putIfAbsent(new Fingerprint(0, 0), 7));
        assertEquals(7, seen.putIfAbsent(new Fingerprint(0, 0), 8));
        assertTrue(seen.contains(new Fingerprint(0, 0)));
    }

    @Test
    void fingerprintsTellApartTextsThatConcatenateAlike() {
        assertNotEquals(fingerprinter.of(List.of("ab", "c")), fingerprinter.of(List.of("a", "bc")));
        assertNotEquals(fingerprinter.of(List.of("", "a")), fingerprinter.of(List.of("a")));
        assertEquals(fingerprinter.of(List.of("ab", "c")), fingerprinter.of(List.of("ab", "c")));
    }

    @Test
    void fingerprintsLongTextsWholly() {
        String longText = "x".repeat(100_000);

        assertNotEquals(fingerprinter.of(longText), fingerprinter.of(longText + "y"));
        assertNotEquals(fingerprinter.of(longText), fingerprinter.of("y" + longText.substring(1)));
        assertEquals(fingerprinter.of(longText), fingerprinter.of("x".repeat(100_000)));
    }
}
