package fr.passerelle.publish.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonHasOneObjectPerRowWithEmptyCellsAsNull() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PublishedTable.writeJson(csv("id,nom,commentaire\nA1,Gare,\nA2,\"Hôtel de Ville, parvis\",abri\n"), out);
        JsonNode rows = JSON.readTree(out.toByteArray());
        assertEquals(2, rows.size());
        assertEquals("Hôtel de Ville, parvis", rows.get(1).get("nom").asText());
        assertTrue(rows.get(0).get("commentaire").isNull());
    }

    @Test
    void geoJsonReadsAGeopointColumnAndSkipsRowsWithoutCoordinates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean written = PublishedTable.writeGeoJson(
                csv("id,coordonneesxy\nA1,\"[5.7145295,45.191463]\"\nA2,\nA3,\"[500,45]\"\n"), out, Long.MAX_VALUE);
        assertTrue(written);
        JsonNode features = JSON.readTree(out.toByteArray()).get("features");
        assertEquals(1, features.size(), "no point for an empty or out-of-range cell");
        assertEquals(5.7145295, features.get(0).at("/geometry/coordinates/0").asDouble());
        assertEquals(45.191463, features.get(0).at("/geometry/coordinates/1").asDouble());
        assertEquals("A1", features.get(0).at("/properties/id").asText());
    }

    @Test
    void geoJsonReadsLongitudeAndLatitudeColumnsWithDecimalCommas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(PublishedTable.writeGeoJson(csv("nom,Xlong,Ylat\nP1,\"1,452323\",\"46,59698\"\n"), out, Long.MAX_VALUE));
        assertEquals(1.452323, JSON.readTree(out.toByteArray()).at("/features/0/geometry/coordinates/0").asDouble());
    }

    @Test
    void geoJsonStopsAtTheAskedNumberOfPointsCountingOnlyRowsWithCoordinates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(PublishedTable.writeGeoJson(csv("id,lon,lat\nA0,,\nA1,5.1,45.1\nA2,5.2,45.2\nA3,5.3,45.3\n"), out, 2));
        JsonNode features = JSON.readTree(out.toByteArray()).get("features");
        assertEquals(2, features.size());
        assertEquals("A2", features.get(1).at("/properties/id").asText());
    }

    @Test
    void aTableWithoutCoordinatesHasNoGeoJson() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertFalse(PublishedTable.writeGeoJson(csv("id,nom\nA1,Gare\n"), out, Long.MAX_VALUE));
        assertEquals(0, out.size());
        assertFalse(PublishedTable.hasCoordinates(List.of("id", "nom")));
    }

    @Test
    void theHeadStopsAfterTheAskedRows() {
        assertEquals(3, PublishedTable.head(csv("h\n1\n2\n3\n4\n"), 2).size(), "header and two rows");
    }
}
