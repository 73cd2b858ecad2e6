package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An organisation's locale, set on quality, decides how ingest's uploads of its datasets read dates that go both
 * ways; a dataset's own locale overrides it.
 */
class OrganisationLocaleTest {

    private static final String SCHEMA = "stationnement-cyclable";

    @Test
    void anAmericanOrganisationsAmbiguousDatesReadMonthFirstUnlessItsDatasetSaysFrench() {
        String org = "ville-us-" + UUID.randomUUID().toString().substring(0, 8);
        String settings = "/api/v1/organizations/{org}/settings";
        assertEquals("fr-FR", given().baseUri(Stack.QUALITY).when().get(settings, org).then().statusCode(200)
                .extract().jsonPath().getString("locale"), "French until staff say otherwise");

        Response unknown = given().baseUri(Stack.QUALITY).contentType("application/json")
                .body("{\"locale\": \"klingon\"}").when().put(settings, org);
        assertEquals(400, unknown.statusCode(), unknown.asString());
        assertEquals("invalid-locale", unknown.jsonPath().getString("code"));
        assertTrue(unknown.jsonPath().getString("message").contains("La langue « klingon » est inconnue"),
                unknown.asString());
        Auth.with(Auth.token(org, List.of("contributor"))).baseUri(Stack.QUALITY).contentType("application/json")
                .body("{\"locale\": \"en-US\"}").when().put(settings, org).then().statusCode(403);
        Auth.with(Auth.token(org, List.of("contributor"))).baseUri(Stack.QUALITY).when().get(settings, org)
                .then().statusCode(200);

        given().baseUri(Stack.QUALITY).contentType("application/json").body("{\"locale\": \"en-us\"}")
                .when().put(settings, org).then().statusCode(200);
        assertEquals("en-US", given().baseUri(Stack.QUALITY).when().get(settings, org).then().statusCode(200)
                .extract().jsonPath().getString("locale"));

        Map<String, Object> american = dateFix(org, Pipeline.freshDataset("arceaux"));
        assertTrue(String.valueOf(american.get("samples")).contains("after=2024-05-04"), american.toString());
        assertTrue(String.valueOf(american.get("message")).contains("mois/jour"), american.toString());

        String french = Pipeline.freshDataset("arceaux-fr");
        given().baseUri(Stack.QUALITY).contentType("application/json").body("{\"locale\": \"fr-FR\"}")
                .when().put("/api/v1/datasets/{org}/{dataset}/settings", org, french).then().statusCode(200);
        Map<String, Object> overridden = dateFix(org, french);
        assertTrue(String.valueOf(overridden.get("samples")).contains("after=2024-04-05"), overridden.toString());
        assertTrue(String.valueOf(overridden.get("message")).contains("jour/mois"), overridden.toString());
    }

    /** Uploads the national example with every date written 05/04/2024 and returns the report's date fix. */
    private static Map<String, Object> dateFix(String org, String dataset) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))) {
            rows.add(new ArrayList<>(row));
        }
        int date = rows.get(0).indexOf("date_maj");
        for (List<String> row : rows.subList(1, rows.size())) {
            row.set(date, "05/04/2024");
        }
        String upload = Pipeline.accepted(org, dataset, SCHEMA, "arceaux.csv", Csv.asFrenchExcelExport(rows));
        JsonPath status = Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        assertEquals("VALID", status.getString("verdict"), status.prettify());
        JsonPath report = given().baseUri(Stack.QUALITY).when().get("/api/v1/reports/{id}", upload)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> fixes = report.getList("details.fixes");
        return fixes.stream().filter(fix -> "date-format".equals(fix.get("code")) && "date_maj".equals(fix.get("field")))
                .findFirst().orElseThrow(() -> new AssertionError(report.prettify()));
    }
}
