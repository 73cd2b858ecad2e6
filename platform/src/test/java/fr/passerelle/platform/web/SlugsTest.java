package fr.passerelle.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest
    @ValueSource(strings = {"grenoble", "ville-de-lyon", "a", "cc-du-pays-de-gex-2026"})
    void acceptsSlugs(String slug) {
        assertEquals(slug, Slugs.require(slug, "l'organisation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ville", "ville de lyon", "../etc", "-ville", "ville-", "vïlle", "a/b",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void refusesAnythingElseWithAFrenchMessage(String value) {
        ApiException refused = assertThrows(ApiException.class, () -> Slugs.require(value, "l'organisation"));
        assertEquals(400, refused.status());
        assertEquals("invalid-slug", refused.error().code());
        assertTrue(refused.error().message().startsWith("L'identifiant de l'organisation"), refused.getMessage());
    }
}
