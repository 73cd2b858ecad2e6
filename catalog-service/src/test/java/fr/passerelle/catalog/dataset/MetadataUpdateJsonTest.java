package fr.passerelle.catalog.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The PUT body binds to the full record, the approval setting included, despite the shorter constructor. */
class MetadataUpdateJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void theSettingAndTheAuthorAreRead() throws Exception {
        MetadataUpdate update = json.readValue("""
                {"title":"Arceaux","temporalStart":"2024-01-01","alwaysAsk":true,"updatedBy":"agent@ville.fr"}""",
                MetadataUpdate.class);
        assertEquals("Arceaux", update.title());
        assertEquals(LocalDate.of(2024, 1, 1), update.temporalStart());
        assertEquals(Boolean.TRUE, update.alwaysAsk());
        assertEquals("agent@ville.fr", update.updatedBy());
    }

    @Test
    void leftOutMeansUnchanged() throws Exception {
        MetadataUpdate update = json.readValue("{\"alwaysAsk\":false}", MetadataUpdate.class);
        assertEquals(Boolean.FALSE, update.alwaysAsk());
        assertNull(update.title());
        assertNull(json.readValue("{\"title\":\"x\"}", MetadataUpdate.class).alwaysAsk());
    }
}
