package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An organisation's own schema, for data with no national standard: its files are checked against it like
 * against a national one, and no other organisation can see or use it.
 */
class CustomSchemasTest {

    private static final String OWNER = "ville-de-fontaines";
    private static final String OTHER = "ville-voisine";

    @Test
    void anOrganisationsOwnSchemaChecksItsFilesAndStaysItsOwn() {
        String name = Pipeline.freshDataset("bornes-fontaines");
        Response created = create(OWNER, schema(name, "^BF-[0-9]+$"));
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(1, created.jsonPath().getInt("version"));

        String upload = Pipeline.accepted(OWNER, Pipeline.freshDataset("bornes"), name, "bornes.csv",
                "identifiant;adresse;debit_l_min\nBF-1;1 place de la Mairie;60\nBF-2;2 rue des Écoles;45\n"
                        .getBytes(StandardCharsets.UTF_8));
        JsonPath checked = Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        assertEquals("VALID", checked.getString("verdict"), checked.prettify());
        assertEquals(name, checked.getString("schema"));

        List<String> listed = given().baseUri(Stack.QUALITY).when()
                .get("/api/v1/organizations/{org}/schemas", OWNER).then().statusCode(200).extract().jsonPath()
                .getList("name");
        assertTrue(listed.contains(name), listed.toString());
        given().baseUri(Stack.QUALITY).when().get("/api/v1/organizations/{org}/schemas/{name}", OWNER, name)
                .then().statusCode(200);

        // The neighbour sees nothing, and its upload naming the schema finds none.
        Response hidden = given().baseUri(Stack.QUALITY).when()
                .get("/api/v1/organizations/{org}/schemas/{name}", OTHER, name);
        assertEquals(404, hidden.statusCode());
        assertFalse(hidden.asString().contains(OWNER), hidden.asString());
        List<String> neighbours = given().baseUri(Stack.QUALITY).when()
                .get("/api/v1/organizations/{org}/schemas", OTHER).then().statusCode(200).extract().jsonPath()
                .getList("name");
        assertFalse(neighbours.contains(name));
        String foreign = Pipeline.accepted(OTHER, Pipeline.freshDataset("bornes"), name, "bornes.csv",
                "identifiant;adresse;debit_l_min\nBF-1;1 place de la Mairie;60\n".getBytes(StandardCharsets.UTF_8));
        JsonPath rejected = Pipeline.awaitStatus(foreign, "REJECTED");
        JsonPath report = given().baseUri(Stack.QUALITY).when().get("/api/v1/reports/{id}", foreign)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("unknown-schema", report.getString("problem.code"), rejected.prettify());
        assertFalse(report.getString("problem.hint").contains(name), "the hint lists only the schemas it may use");
    }

    @Test
    void aNewVersionAppliesToTheNextFiles() {
        String name = Pipeline.freshDataset("bornes-fontaines");
        assertEquals(201, create(OWNER, schema(name, "^BF-[0-9]+$")).statusCode());
        Response updated = given().baseUri(Stack.QUALITY).contentType("application/json")
                .body(schema(name, "^FONT-[0-9]+$"))
                .when().put("/api/v1/organizations/{org}/schemas/{name}", OWNER, name);
        assertEquals(200, updated.statusCode(), updated.asString());
        assertEquals(2, updated.jsonPath().getInt("version"));

        String upload = Pipeline.accepted(OWNER, Pipeline.freshDataset("bornes"), name, "bornes.csv",
                "identifiant;adresse;debit_l_min\nBF-1;1 place de la Mairie;60\n".getBytes(StandardCharsets.UTF_8));
        Pipeline.awaitStatus(upload, "REJECTED");
    }

    @Test
    void anInvalidSchemaIsRefusedSayingWhatIsWrong() {
        Response refused = create(OWNER, """
                {"name": "%s", "fields": [
                  {"name": "identifiant", "type": "texte"},
                  {"name": "code", "constraints": {"pattern": "([A-Z]"}}
                ]}""".formatted(Pipeline.freshDataset("mauvais")));
        assertEquals(400, refused.statusCode(), refused.asString());
        assertEquals("invalid-schema", refused.jsonPath().getString("code"));
        String message = refused.jsonPath().getString("message");
        assertTrue(message.startsWith("Le schéma n'est pas valide"), message);
        assertTrue(message.contains("type inconnu « texte »"), message);
        assertTrue(message.contains("n'est pas une expression régulière valide"), message);
    }

    /**
     * A schema declared larger than 1 MB is refused from its headers, before its body is read: the resource gets
     * bodies whole (it returns Uni), so reading first would let one request fill quality's memory. The socket
     * sends 400 MB of declared length and only a few bytes of it; the answer comes without the rest.
     */
    @Test
    void aSchemaDeclaredOverOneMegabyteIsRefusedBeforeItsBodyIsRead() throws Exception {
        java.net.URI quality = java.net.URI.create(Stack.QUALITY);
        try (java.net.Socket socket = new java.net.Socket(quality.getHost(), quality.getPort())) {
            socket.setSoTimeout(15_000);
            String request = "POST /api/v1/organizations/" + OWNER + "/schemas HTTP/1.1\r\n"
                    + "Host: " + quality.getHost() + "\r\n"
                    + "Authorization: Bearer " + Auth.staff(OWNER) + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: 400000000\r\n\r\n{\"name\": \"enorme\", \"fields\": [";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // Read until the JSON answer is whole, not until the connection closes: the test is about the answer.
            StringBuilder received = new StringBuilder();
            byte[] chunk = new byte[4096];
            int read;
            while (!(received.indexOf("\r\n\r\n") > 0 && received.toString().endsWith("}"))
                    && (read = socket.getInputStream().read(chunk)) > 0) {
                received.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
            }
            String answer = received.toString();
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"schema-too-large\""), answer);
            assertTrue(answer.contains("Le schéma dépasse 1 Mo."), answer);
        }
    }

    @Test
    void aNationalNameIsReserved() {
        Response refused = create(OWNER, schema("stationnement-cyclable", "^BF-[0-9]+$"));
        assertEquals(409, refused.statusCode(), refused.asString());
        assertEquals("national-schema-name", refused.jsonPath().getString("code"));
    }

    private static Response create(String organization, String schema) {
        return given().baseUri(Stack.QUALITY).contentType("application/json").body(schema)
                .when().post("/api/v1/organizations/{org}/schemas", organization);
    }

    private static String schema(String name, String identifierPattern) {
        return """
                {"name": "%s", "title": "Bornes fontaines", "fields": [
                  {"name": "identifiant", "type": "string", "constraints": {"required": true, "pattern": "%s"}},
                  {"name": "adresse", "type": "string"},
                  {"name": "debit_l_min", "type": "integer", "constraints": {"minimum": 0}}
                ]}""".formatted(name, identifierPattern);
    }
}
