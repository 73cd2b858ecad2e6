package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Bad requests get a clear French answer with a stable code, never a stack trace. */
class BadRequestTest {

    @Test
    void anInvalidOrganisationIdentifierIsRefused() {
        // Only a token of that very "organisation" passes the organisation check: then the slug check answers.
        Response response = Auth.with(Auth.staff("Ville De Paris")).baseUri(Stack.INGEST)
                .multiPart("file", "a.csv", "a\n1\n".getBytes(), "text/csv").multiPart("schema", "stationnement-cyclable")
                .when().post("/api/v1/organizations/{org}/datasets/{dataset}/uploads", "Ville De Paris", "velos");
        assertError(response, 400, "invalid-slug");
    }

    @Test
    void anUploadWithoutAFileIsRefused() {
        Response response = given().baseUri(Stack.INGEST).multiPart("schema", "stationnement-cyclable")
                .when().post("/api/v1/organizations/ville/datasets/velos/uploads");
        assertError(response, 400, "file-required");
    }

    @Test
    void anEmptyFileIsRefused() {
        Response response = Pipeline.upload("ville", Pipeline.freshDataset("vide"), "stationnement-cyclable",
                "vide.csv", new byte[0]);
        assertError(response, 400, "empty-file");
    }

    @Test
    void anUnknownUploadIsNotFound() {
        assertError(Auth.with(Auth.staff("ville")).baseUri(Stack.INGEST).when().get("/api/v1/uploads/{id}", "pas-un-identifiant"),
                404, "unknown-upload");
        assertError(Auth.with(Auth.staff("ville")).baseUri(Stack.INGEST).when()
                .get("/api/v1/uploads/{id}", "00000000-0000-0000-0000-000000000000"), 404, "unknown-upload");
    }

    @Test
    void approvingAnUnknownDatasetIsNotFound() {
        assertError(given().baseUri(Stack.CATALOG).contentType("application/json").body("{}")
                .when().post("/api/v1/datasets/ville/{dataset}/approval", Pipeline.freshDataset("absent")),
                404, "unknown-dataset");
    }

    @Test
    void synchronousValidationNeedsAKnownSchema() {
        assertError(Auth.with(Auth.staff("ville")).baseUri(Stack.QUALITY).multiPart("file", "a.csv", "a\n1\n".getBytes(), "text/csv")
                .when().post("/api/v1/validate?schema=inexistant"), 400, "unknown-schema");
        JsonPath report = Auth.with(Auth.staff("ville")).baseUri(Stack.QUALITY)
                .multiPart("file", "a.csv", "a\n1\n".getBytes(), "text/csv")
                .when().post("/api/v1/validate?schema=stationnement-cyclable")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("INVALID", report.getString("verdict"), "a file without the schema's columns is invalid");
    }

    private static void assertError(Response response, int status, String code) {
        assertEquals(status, response.statusCode(), response.asString());
        JsonPath body = response.jsonPath();
        assertEquals(code, body.getString("code"), response.asString());
        String message = body.getString("message");
        assertTrue(message != null && !message.isBlank() && !message.contains("Exception"), message);
    }
}
