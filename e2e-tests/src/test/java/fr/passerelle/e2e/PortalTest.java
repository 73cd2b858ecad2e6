package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The embedded public portal: home with search, a page per dataset, CSV, JSON and GeoJSON downloads. */
class PortalTest {

    private static final String ORG = "portail-test";
    private static final String SCHEMA = "stationnement-cyclable";

    @Test
    void aPublishedDatasetHasItsPageAndItsDownloads() {
        String dataset = Pipeline.freshDataset("arceaux");
        String upload = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv",
                Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        String title = "Arceaux vélo " + dataset;
        given().baseUri(Stack.CATALOG).contentType("application/json")
                .body("{\"title\":\"" + title + "\",\"description\":\"Emplacements <b>vélo</b> de la ville.\"}")
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset).then().statusCode(200);
        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(upload, "PUBLISHED");

        String home = given().baseUri(Stack.PUBLISH).queryParam("q", dataset).when().get("/")
                .then().statusCode(200).extract().asString();
        assertTrue(home.contains(title), "the catalogue's title is shown and found by search");
        String other = given().baseUri(Stack.PUBLISH).queryParam("q", "hippopotame-" + dataset).when().get("/")
                .then().statusCode(200).extract().asString();
        assertFalse(other.contains("href=\"/portal/" + ORG + "/" + dataset + "\""), "no link to a dataset that does not match");
        assertTrue(other.contains("Aucun jeu de données ne correspond"));

        String page = given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}", ORG, dataset)
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h1>" + title + "</h1>"), page);
        assertTrue(page.contains("Emplacements &lt;b&gt;vélo&lt;/b&gt;"), "text from staff is escaped");
        assertTrue(page.contains("<td>STSI01</td>"), "the preview shows the first rows");
        assertTrue(page.contains("latest.geojson"), "coordinates give a GeoJSON download");

        JsonPath json = given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}/latest.json", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("STSI01", json.getString("[0].id_local"));
        assertEquals("Grenoble Métropole", json.getString("[0].source"));

        Response geo = given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}/latest.geojson", ORG, dataset);
        assertEquals(200, geo.statusCode());
        assertEquals("FeatureCollection", geo.jsonPath().getString("type"));
        assertEquals(5.7145295, geo.jsonPath().getDouble("features[0].geometry.coordinates[0]"), 1e-9);
        assertEquals(45.191463, geo.jsonPath().getDouble("features[0].geometry.coordinates[1]"), 1e-6);
    }

    @Test
    void anUnpublishedDatasetHasNoPage() {
        given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}", ORG, Pipeline.freshDataset("absent"))
                .then().statusCode(404);
        given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}/latest.json", ORG, Pipeline.freshDataset("absent"))
                .then().statusCode(404);
    }
}
