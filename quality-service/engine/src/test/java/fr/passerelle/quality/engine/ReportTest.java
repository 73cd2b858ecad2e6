package fr.passerelle.quality.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    private static final String HEADER = TestSchemas.EQUIPEMENTS_HEADER + "\n";

    @Test
    void countsEveryErrorButKeepsAHundredSamplesPerCode() {
        StringBuilder raw = new StringBuilder(HEADER);
        for (int i = 0; i < 250; i++) {
            raw.append("E-").append(i).append(",Salle,beaucoup,,,,\n");
        }
        for (int i = 0; i < 5; i++) {
            raw.append("F-").append(i).append(",,10,,,,\n");
        }

        QualityReport report = Checked.run(TestSchemas.equipements(), raw.toString()).report();

        assertEquals(255, report.errorCount());
        assertEquals(Map.of("type-error", 250L, "constraint-error", 5L), report.errorsByCode());
        assertEquals(Map.of("capacite", 250L, "nom", 5L), report.errorsByField());
        assertEquals(105, report.samples().size());
        assertEquals(2, report.samples().get(0).rowNumber(), "samples are the first errors, in file order");
        assertEquals(101, report.samples().get(99).rowNumber());
        assertEquals(252, report.samples().get(100).rowNumber(), "the first constraint-error");
        assertEquals(255, report.rowCount());
        assertEquals(0, report.validRowCount());
    }

    @Test
    void streamsLargeFiles() {
        StringBuilder raw = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            raw.append("E-").append(i).append(",Salle polyvalente numéro ").append(i).append(',').append(i % 500)
                    .append(",2024-03-31,true,12.5,salle").append(i).append("@ville.fr\n");
        }

        QualityReport report = Checked.run(TestSchemas.equipements(), raw.toString()).report();

        assertEquals(Verdict.VALID, report.verdict(), report.summary());
        assertEquals(100_000, report.rowCount());
        assertEquals("Le fichier est conforme au schéma « Équipements publics » : 100\u202f000 lignes, aucune erreur.",
                report.summary());
    }

    @Test
    void summarisesErrorsAndValidityInFrench() {
        StringBuilder raw = new StringBuilder(HEADER);
        for (int i = 1; i <= 8; i++) {
            raw.append("E-").append(i).append(",Salle,10,,,,\n");
        }
        raw.append("E-9,Salle,dix,hier,,,\n");
        raw.append("E-10,Salle,10,,peut-être,,\n");

        QualityReport report = Checked.run(TestSchemas.equipements(), raw.toString()).report();

        assertEquals(80.0, report.validityPercent());
        assertEquals("Le fichier n'est pas conforme au schéma « Équipements publics » : 3 erreurs sur 2 lignes "
                + "(validité 80,00 %).", report.summary());
    }

    @Test
    void roundsValidityToTwoDecimals() {
        QualityReport report = Checked.run(TestSchemas.equipements(),
                HEADER + "E-1,Salle,10,,,,\nE-2,Salle,10,,,,\nE-3,Salle,x,,,,\n").report();

        assertEquals(66.67, report.validityPercent());
        assertEquals("Le fichier n'est pas conforme au schéma « Équipements publics » : 1 erreur sur 1 ligne "
                + "(validité 66,67 %).", report.summary());
    }

    @Test
    void serialisesToJsonWithFrictionlessCodes() throws Exception {
        QualityReport report = Checked.run(TestSchemas.equipements(), HEADER + "E-1,Salle,abc,,,,\n").report();

        JsonNode json = new ObjectMapper().valueToTree(report);

        assertEquals("INVALID", json.path("verdict").asText());
        assertEquals("equipements", json.path("schemaName").asText());
        assertEquals(",", json.path("delimiter").asText());
        assertEquals(1, json.path("errorsByCode").path("type-error").asLong());
        JsonNode sample = json.path("samples").path(0);
        assertEquals("type-error", sample.path("code").asText());
        assertEquals(2, sample.path("rowNumber").asLong());
        assertEquals("capacite", sample.path("field").asText());
        assertEquals(report, new ObjectMapper().treeToValue(json, QualityReport.class), "and back");
    }

    @Test
    void everyErrorCodeHasItsOwnFrictionlessCodeATitleAndAHint() {
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toSet());

        assertEquals(ErrorCode.values().length, codes.size());
        assertEquals("type-error", ErrorCode.TYPE_ERROR.code());
        assertEquals("constraint-error", ErrorCode.CONSTRAINT_ERROR.code());
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(code.code().matches("[a-z]+(-[a-z]+)*"), code::name);
            assertFalse(code.title().isBlank(), code::name);
            assertTrue(code.defaultHint().endsWith("."), code::name);
        }
    }
}
