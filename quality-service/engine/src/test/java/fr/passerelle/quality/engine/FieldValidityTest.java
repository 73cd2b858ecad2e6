package fr.passerelle.quality.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.report.QualityReport;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Validity per field: the share of rows whose cell in that field has no error. */
class FieldValidityTest {

    @Test
    void countsRowsWithAnErrorInEachField() throws Exception {
        String file = TestSchemas.EQUIPEMENTS_HEADER + "\n"
                + "E-1,Salle,dix,2024-03-01,true,12.5,a@ville.fr\n"
                + "E-2,,10,2024-03-01,true,12.5,a@ville.fr\n"
                + "E-3,,10,2024-03-01,oui,12.5,a@ville.fr\n"
                + "E-4,Salle,10,2024-03-01,true,12.5,a@ville.fr\n";

        QualityReport report = Checked.run(TestSchemas.equipements(), file).report();

        Map<String, Double> expected = new LinkedHashMap<>();
        for (String field : TestSchemas.equipements().fieldNames()) {
            expected.put(field, 100.0);
        }
        expected.put("nom", 50.0);
        expected.put("capacite", 75.0);
        expected.put("gratuit", 75.0);
        assertEquals(expected, report.validityPercentByField());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(report.validityPercentByField().keySet()),
                "in schema order");
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));
        assertEquals(50.0, json.get("validityPercentByField").get("nom").asDouble());
    }

    @Test
    void countsARowOnceForAFieldAndSharesKeyErrorsBetweenTheirFields() {
        var schema = TestSchemas.parse("""
                {"name": "k", "fields": [
                  {"name": "commune", "type": "string"}, {"name": "numero", "type": "integer"},
                  {"name": "nom", "type": "string"}],
                 "primaryKey": ["commune", "numero"]}
                """);
        String file = "commune,numero,nom\n38185,1,a\n38185,1,b\n38185,2,c\n";

        QualityReport report = Checked.run(schema, file).report();

        assertEquals(Map.of("commune", 66.67, "numero", 66.67, "nom", 100.0), report.validityPercentByField());
    }

    @Test
    void anAbsentColumnIsNeverValid() {
        String file = "id,nom,capacite,ouverture,gratuit,tarif\nE-1,Salle,10,2024-03-01,true,12.5\n";

        QualityReport report = Checked.run(TestSchemas.equipements(), file).report();

        assertEquals(0.0, report.validityPercentByField().get("contact"));
        assertEquals(100.0, report.validityPercentByField().get("id"));
    }
}
