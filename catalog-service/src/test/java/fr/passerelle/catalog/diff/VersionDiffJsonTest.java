package fr.passerelle.catalog.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.catalog.diff.VersionDiffer.Side;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The cached form of a diff (JSONB) reads back as the diff it was, for both kinds of comparison. */
class VersionDiffJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    private static Side side(int version, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return new Side(version, 0, () -> new ByteArrayInputStream(bytes));
    }

    @Test
    void aKeyedDiffSurvivesTheCache() throws Exception {
        VersionDiff diff = new VersionDiffer().compare(side(1, "id,v,old\na,1,x\nb,2,y\n"),
                side(2, "id,v\na,1\nb,3\nc,4\n"));
        String stored = json.writeValueAsString(diff);
        assertEquals(diff, json.readValue(stored, VersionDiff.class));
        JsonNode tree = json.readTree(stored);
        assertEquals("KEY", tree.get("comparison").asText());
        assertEquals("3", tree.at("/samples/changed/0/changes/0/after").asText());
        assertEquals("old", tree.at("/columns/removed/0").asText());
    }

    @Test
    void aWholeRowDiffKeepsItsNullChangedCount() throws Exception {
        VersionDiff diff = new VersionDiffer().compare(side(1, "id\na\na\n"), side(2, "id\na\n"));
        String stored = json.writeValueAsString(diff);
        assertTrue(json.readTree(stored).get("changed").isNull(), stored);
        assertEquals(diff, json.readValue(stored, VersionDiff.class));
    }
}
