package fr.passerelle.catalog.metadata;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.catalog.approval.ApprovalState;
import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.catalog.dataset.MetadataUpdate;
import fr.passerelle.platform.web.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstPublicationTest {

    /** A dataset as the catalogue creates it from a first file: its title is its identifier, no description. */
    static DatasetView created(String slug) {
        return new DatasetView("ville", slug, "stationnement-cyclable", slug, null, List.of(), null, "etalab-2.0",
                "unknown", null, null, List.of(), null, null, false, null, null, 1, null, null, null, null, null,
                false, ApprovalState.NOT_YET_APPROVED, null);
    }

    @Test
    void aDatasetAsCreatedLacksATitleAndADescriptionNamedInFrench() {
        ApiException refused = assertThrows(ApiException.class, () -> FirstPublication.require(created("velos")));
        assertEquals(422, refused.status());
        assertEquals("metadata-incomplete", refused.error().code());
        assertEquals("La première publication d'un jeu de données demande au moins un titre, une description et une "
                + "licence : il manque un titre lisible (aujourd'hui l'identifiant « velos ») et une description.",
                refused.getMessage());
        assertTrue(refused.error().hint().contains("/api/v1/datasets/ville/velos"), refused.error().hint());
    }

    @Test
    void aTitleAndADescriptionAreEnoughWithTheDefaultLicence() {
        DatasetView described = created("velos").withDraft(new MetadataUpdate("Arceaux vélo", "Les arceaux de la ville.",
                null, null, null, null, null, null, null, null, null));
        assertEquals(List.of(), FirstPublication.missing(described));
        assertDoesNotThrow(() -> FirstPublication.require(described));
    }

    @Test
    void aBlankDescriptionIsNoDescription() {
        DatasetView blank = created("velos").withDraft(new MetadataUpdate("Arceaux vélo", "   ", null, null, null, null,
                null, null, null, null, null));
        assertEquals(List.of("une description"), FirstPublication.missing(blank));
    }
}
