package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded public portal: home with search, a page per dataset with its description, CSV, JSON and GeoJSON
 * downloads, every published version to download, and French error pages on DSFR for its pages.
 */
class PortalTest {

    private static final String ORG = "portail-test";
    /** The local stack names it in publish's configuration (passerelle.portal.organizations.demo). */
    private static final String NAMED_ORG = "demo";
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
    void theDatasetPageSaysWhoPublishesWhatUnderWhichLicenceAndKeepsEveryVersion() {
        String dataset = Pipeline.freshDataset("arceaux-decrits");
        List<List<String>> first = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        String upload = Pipeline.accepted(NAMED_ORG, dataset, SCHEMA, "velos.csv", Csv.asFrenchExcelExport(first));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        given().baseUri(Stack.CATALOG).contentType("application/json")
                .body("{\"title\":\"Arceaux " + dataset + "\",\"description\":\"Les arceaux.\","
                        + "\"keywords\":[\"vélo\",\"stationnement\"],\"licence\":\"odbl\",\"frequency\":\"monthly\"}")
                .when().put("/api/v1/datasets/{org}/{dataset}", NAMED_ORG, dataset).then().statusCode(200);
        Pipeline.approve(NAMED_ORG, dataset);
        Pipeline.awaitStatus(upload, "PUBLISHED");
        List<List<String>> second = new ArrayList<>(first);
        List<String> changed = new ArrayList<>(first.get(1));
        changed.set(first.get(0).indexOf("id_local"), "STSI99");
        changed.set(first.get(0).indexOf("id_osm"), "n71729799");
        changed.set(first.get(0).indexOf("coordonneesxy"), "[5.7250,45.1880]");
        second.add(changed);
        String next = Pipeline.accepted(NAMED_ORG, dataset, SCHEMA, "velos.csv", Csv.asFrenchExcelExport(second));
        Pipeline.awaitStatus(next, "PUBLISHED");

        String page = given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}", NAMED_ORG, dataset)
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertTrue(page.contains("<dd id=\"organisation\">Collectivité de démonstration</dd>"), "the organisation's name, not its identifier");
        assertTrue(page.contains(">Open Database License (ODbL)</a>"), "the licence by its name, linked to its text");
        assertTrue(page.contains("<p class=\"fr-tag\">vélo</p>") && page.contains("<p class=\"fr-tag\">stationnement</p>"),
                "keywords as DSFR tags");
        assertTrue(page.contains("<dd id=\"frequence\">Mensuelle</dd>"), "the frequency in French");
        assertTrue(page.contains("id=\"conformite\">Conforme au schéma "), "the conformity badge");
        assertTrue(page.contains("Version 2, publiée le"), "the newest version first");
        assertTrue(page.contains("href=\"/portal/" + NAMED_ORG + "/" + dataset + "/versions/1.csv\""), "the old version to download");

        byte[] old = given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}/versions/1.csv", NAMED_ORG, dataset)
                .then().statusCode(200).header("X-Passerelle-Version", "1").extract().asByteArray();
        assertEquals(first.size(), Csv.rows(old).size(), "version 1 as it was published");
        byte[] newest = given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}/versions/2.csv", NAMED_ORG, dataset)
                .then().statusCode(200).extract().asByteArray();
        assertEquals(second.size(), Csv.rows(newest).size());
        assertEquals("STSI99", Csv.rows(newest).get(second.size() - 1).get(first.get(0).indexOf("id_local")));
        Response missing = given().baseUri(Stack.PUBLISH).when()
                .get("/portal/{org}/{dataset}/versions/3.csv", NAMED_ORG, dataset);
        assertEquals(404, missing.statusCode());
        assertEquals("version-not-published", missing.jsonPath().getString("code"), "downloads keep JSON errors for scripts");
    }

    @Test
    void anUnpublishedDatasetHasNoPage() {
        String absent = Pipeline.freshDataset("absent");
        Response page = given().baseUri(Stack.PUBLISH).accept("text/html").when().get("/portal/{org}/{dataset}", ORG, absent);
        assertEquals(404, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String html = page.asString();
        assertTrue(html.contains("<html lang=\"fr\"") && html.contains("class=\"fr-header\""), "a page of the portal, on the DSFR");
        assertTrue(html.contains("<h1>Page introuvable</h1>") && html.contains("est publiée."), html);
        assertFalse(html.replace(absent, "").contains("404") || html.contains("errorId") || html.contains("not-published"),
                "no status code nor JSON shown to a person");

        Response json = given().baseUri(Stack.PUBLISH).when()
                .get("/portal/{org}/{dataset}/latest.json", ORG, Pipeline.freshDataset("absent"));
        assertEquals(404, json.statusCode());
        assertEquals("not-published", json.jsonPath().getString("code"), "the downloads keep the house's JSON");

        Response notASlug = given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}", "Pas_Un_Identifiant", "x");
        assertEquals(404, notASlug.statusCode());
        assertTrue(notASlug.asString().contains("<h1>Page introuvable</h1>"), "a mistyped address is a missing page");
    }

    @Test
    void aPageWhoseFileIsGoneIsAFrenchPageNotAStackTrace() {
        String dataset = Pipeline.freshDataset("arceaux-perdus");
        String upload = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv",
                Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(upload, "PUBLISHED");
        S3.remove("public", ORG + "/" + dataset + "/v1/" + dataset + ".csv");

        Response page = given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}", ORG, dataset);

        assertEquals(503, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String html = page.asString();
        assertTrue(html.contains("<h1>Service momentanément indisponible</h1>"), html);
        assertTrue(html.contains("Le fichier de ce jeu de données est momentanément indisponible."), html);
        assertFalse(html.contains("Exception") || html.replace(dataset, "").contains("503"), "no stack trace nor code: " + html);
    }
}
