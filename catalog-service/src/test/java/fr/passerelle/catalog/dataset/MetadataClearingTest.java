package fr.passerelle.catalog.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A saved coverage date or contact is emptied by an explicit null; left out, it stays. */
class MetadataClearingTest {

    private static MetadataUpdate read(String json) {
        return MetadataJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNullDateOrContactIsEmptiedAndALeftOutOneIsKept() {
        MetadataUpdate update = read("""
                {"title":"Arceaux","temporalStart":null,"contactEmail":null,"description":null}""");

        assertEquals(Set.of("temporalStart", "contactEmail"), update.cleared(),
                "the description is emptied by an empty text, not by null");
        assertTrue(update.clears("temporalStart"));
        assertFalse(update.clears("temporalEnd"), "left out: kept");
        assertFalse(read("{\"title\":\"Arceaux\"}").clears("contactName"));
    }

    @Test
    void theBodyCannotNameWhatToEmptyOtherwise() {
        assertEquals(Set.of(), read("{\"cleared\":[\"contactName\"],\"title\":\"Arceaux\"}").cleared());
    }

    @Test
    void theScoreOfADraftSeesTheFieldsItEmpties() {
        DatasetView saved = new DatasetView("ville", "velos", null, "Arceaux", "Les arceaux.", List.of("vélo"), null,
                "etalab-2.0", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of(), "Mobilités",
                "mobilites@ville.fr", false, null, null, null, null, null, null, Instant.EPOCH, Instant.EPOCH, false,
                null, null);

        DatasetView drafted = saved.withDraft(read("{\"temporalEnd\":null,\"contactName\":null,\"contactEmail\":null}"));

        assertEquals(LocalDate.of(2024, 1, 1), drafted.temporalStart());
        assertNull(drafted.temporalEnd());
        assertNull(drafted.contactName());
        assertNull(drafted.contactEmail());
        assertEquals("Arceaux", drafted.title());
    }

    @Test
    void theAuditLogSaysTheContactWasSentWhenItIsEmptied() {
        assertEquals("Champs envoyés : contact.", MetadataAuditDetail.of(read("{\"contactEmail\":null}")));
    }
}
