package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quality engine at work in the pipeline: a file with a person's phone numbers is BLOCKED until
 * staff decide, a clerk's dates are fixed on the way, a file without a schema gets the one it
 * resembles, and a rejected file can be downloaded annotated.
 */
class QualityInThePipelineTest {

    private static final String ORG = "mise-en-qualite";
    private static final String SCHEMA = "stationnement-cyclable";
    private static final String AGENT_PHONE = "Téléphone agent";

    @Test
    void personalDataBlocksTheFileUntilStaffDecideThenTheFixedFileGoesOn() {
        String dataset = Pipeline.freshDataset("arceaux-agents");
        String blocked = Pipeline.accepted(ORG, dataset, SCHEMA, "export.csv", Csv.asFrenchExcelExport(clerkExport()));
        JsonPath status = Pipeline.awaitStatus(blocked, "BLOCKED");
        assertEquals("BLOCKED", status.getString("verdict"));
        assertTrue(status.getString("summary").contains("Publication bloquée"), status.getString("summary"));

        JsonPath report = report(blocked);
        List<Map<String, Object>> personal = report.getList("details.personalData");
        assertEquals(1, personal.size(), report.prettify());
        assertEquals(AGENT_PHONE, personal.get(0).get("column"));
        assertEquals("phone", personal.get(0).get("kind"));
        assertFalse(report.prettify().contains("06 12 34 56 78"), "the report never shows the number itself");

        // The clerk drops the column's personal data and tells the check to ignore the column.
        given().baseUri(Stack.QUALITY).contentType("application/json")
                .body("{\"columnMapping\": {\"" + AGENT_PHONE + "\": \"\"}, \"privacyDecisions\": {\"" + AGENT_PHONE
                        + "\": \"supprimer\"}}")
                .when().put("/api/v1/datasets/{org}/{dataset}/settings", ORG, dataset).then().statusCode(200);
        Response recheck = given().baseUri(Stack.INGEST).when().post("/api/v1/uploads/{id}/recheck", blocked);
        assertEquals(202, recheck.statusCode(), recheck.asString());
        String again = recheck.jsonPath().getString("uploadId");
        JsonPath checked = Pipeline.awaitStatus(again, "AWAITING_APPROVAL");
        assertEquals("VALID", checked.getString("verdict"), checked.prettify());

        JsonPath fixed = report(again);
        List<Map<String, Object>> fixes = fixed.getList("details.fixes");
        assertTrue(fixes.stream().anyMatch(fix -> "date-format".equals(fix.get("code"))
                && "date_maj".equals(fix.get("field"))), fixed.prettify());
        assertEquals("drop", fixed.getString("details.privacyDecisions['" + AGENT_PHONE + "']"));

        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(again, "PUBLISHED");
        List<List<String>> published = Csv.rows(Pipeline.latestCsv(ORG, dataset).asByteArray());
        int date = published.get(0).indexOf("date_maj");
        assertEquals("2020-09-17", published.get(1).get(date), "the date was published in ISO 8601");
        assertFalse(published.get(0).contains(AGENT_PHONE));
        assertFalse(new String(Pipeline.latestCsv(ORG, dataset).asByteArray(), StandardCharsets.UTF_8).contains("06 12"));
    }

    /** The registry holds every schema the project ships, whatever lies beside the repository. */
    @Test
    void theSchemaListHoldsEveryShippedSchemaAndCatalogueDonneesPassesWithItsContactAsInformation() throws Exception {
        List<String> shipped = java.nio.file.Files.readAllLines(Stack.shippedSchemas().resolve("index.txt")).stream()
                .map(String::strip).filter(name -> !name.isEmpty()).sorted().toList();
        JsonPath schemas = given().baseUri(Stack.QUALITY).when().get("/api/v1/schemas").then().statusCode(200)
                .extract().jsonPath();
        List<String> names = schemas.getList("name");
        assertTrue(names.containsAll(shipped), names + " holds " + shipped);
        assertEquals(14, shipped.size());
        assertEquals("geojson", schemas.getString("find { it.name == 'amenagements-cyclables' }.kind"));

        String dataset = Pipeline.freshDataset("catalogue");
        String upload = Pipeline.accepted(ORG, dataset, "catalogue-donnees", "catalogue.csv",
                java.nio.file.Files.readAllBytes(Csv.example("catalogue-donnees", "exemple-valide.csv")));
        JsonPath checked = Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        assertEquals("VALID", checked.getString("verdict"), checked.prettify());
        JsonPath report = report(upload);
        assertEquals(Boolean.TRUE, report.getBoolean("details.personalData[0].askedBySchema"), report.prettify());
    }

    @Test
    void aFileWithoutASchemaGetsTheOneItResembles() {
        String dataset = Pipeline.freshDataset("sans-schema");
        String upload = Pipeline.accepted(ORG, dataset, null, "velos.csv",
                Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
        JsonPath status = Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        assertEquals(SCHEMA, status.getString("schema"), "ingest records the detected schema");
        assertTrue(status.getString("summary").startsWith("Aucun schéma n'était indiqué"), status.getString("summary"));
        assertEquals(SCHEMA, report(upload).getString("details.schemaDetection.chosenSchema"));
    }

    @Test
    void aFileResemblingNoSchemaIsRejectedNamingTheClosestOnes() {
        String upload = Pipeline.accepted(ORG, Pipeline.freshDataset("inconnu"), null, "inventaire.csv",
                "couleur;poids;taille\nrouge;3;5\n".getBytes(StandardCharsets.UTF_8));
        JsonPath status = Pipeline.awaitStatus(upload, "REJECTED");
        assertTrue(status.getString("summary").contains("Les plus proches sont"), status.getString("summary"));
        assertNull(status.getString("schema"));
        assertEquals("schema-not-detected", report(upload).getString("problem.code"));
    }

    @Test
    void aRejectedFileCanBeDownloadedAnnotatedWithEveryError() {
        List<List<String>> rows = new ArrayList<>(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv")));
        List<String> bad = new ArrayList<>(rows.get(1));
        bad.set(rows.get(0).indexOf("capacite"), "beaucoup");
        rows.set(1, bad);
        String upload = Pipeline.accepted(ORG, Pipeline.freshDataset("annote"), SCHEMA, "velos.csv",
                Csv.asFrenchExcelExport(rows));
        Pipeline.awaitStatus(upload, "REJECTED");

        Response xlsx = given().baseUri(Stack.QUALITY).when().get("/api/v1/reports/{id}/annotated.xlsx", upload);
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.contentType().startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        byte[] workbook = xlsx.asByteArray();
        assertTrue(workbook.length > 4 && workbook[0] == 'P' && workbook[1] == 'K', "an XLSX (a ZIP) file");

        String errors = given().baseUri(Stack.QUALITY).when().get("/api/v1/reports/{id}/errors.csv", upload)
                .then().statusCode(200).extract().asString();
        assertTrue(errors.startsWith("\uFEFFligne;colonne;code;valeur;message;conseil"), errors);
        assertTrue(errors.contains(";capacite;type-error;beaucoup;"), errors);

        String annotatedCsv = given().baseUri(Stack.QUALITY).when().get("/api/v1/reports/{id}/annotated.csv", upload)
                .then().statusCode(200).extract().asString();
        assertTrue(annotatedCsv.startsWith("\uFEFFerreurs;"), annotatedCsv);
        Auth.with(Auth.staff("ville")).baseUri(Stack.QUALITY).when().get("/api/v1/reports/{id}/annotated.xlsx",
                "00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    /** The national example as a clerk's spreadsheet exports it: dd/mm/yyyy dates and an agent's mobile number. */
    private static List<List<String>> clerkExport() {
        List<List<String>> example = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        List<String> header = new ArrayList<>(example.get(0));
        header.add(AGENT_PHONE);
        List<String> row = new ArrayList<>(example.get(1));
        int date = header.indexOf("date_maj");
        row.set(date, "17/09/2020");
        row.add("06 12 34 56 78");
        return List.of(header, row);
    }

    private static JsonPath report(String uploadId) {
        return given().baseUri(Stack.QUALITY).when().get("/api/v1/reports/{id}", uploadId)
                .then().statusCode(200).extract().jsonPath();
    }
}
