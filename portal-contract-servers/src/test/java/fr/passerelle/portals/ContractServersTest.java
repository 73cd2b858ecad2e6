package fr.passerelle.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract servers refuse what the portals refuse: a connector cannot pass its tests with what they would not take. */
class ContractServersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(String method, String url, String header, String value, String json)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header(header, value)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String dataset(String extra) {
        return "{\"title\":\"Bornes\",\"organization\":\"" + UdataContractServer.ORGANIZATION + "\"" + extra + "}";
    }

    @Test
    void udataRefusesAFrequencyOutsideItsListAnUnknownZoneAndAnUnknownLicence() throws Exception {
        try (UdataContractServer udata = new UdataContractServer()) {
            String url = udata.apiUrl() + "/datasets/";
            String key = UdataContractServer.API_KEY;

            HttpResponse<String> frequency = send("POST", url, "X-API-KEY", key, dataset(",\"frequency\":\"fortnightly\""));
            HttpResponse<String> zone = send("POST", url, "X-API-KEY", key,
                    dataset(",\"spatial\":{\"zones\":[\"fr:commune:99999\"],\"granularity\":\"fr:commune\"}"));
            HttpResponse<String> licence = send("POST", url, "X-API-KEY", key, dataset(",\"license\":\"etalab-2.0\""));
            HttpResponse<String> good = send("POST", url, "X-API-KEY", key, dataset(",\"frequency\":\"monthly\","
                    + "\"spatial\":{\"zones\":[\"fr:commune:38185\"],\"granularity\":\"fr:commune\"},\"private\":true"));

            assertEquals(400, frequency.statusCode());
            assertTrue(frequency.body().contains("\"frequency\""), frequency.body());
            assertEquals(400, zone.statusCode());
            assertTrue(zone.body().contains("Unknown geoid(s): fr:commune:99999"), zone.body());
            assertEquals(400, licence.statusCode());
            assertEquals(201, good.statusCode(), good.body());
            String id = Exchanges.JSON.readTree(good.body()).path("id").asText();
            assertFalse(udata.isPublic(id), "created private");
        }
    }

    @Test
    void udataServesItsSchemaCatalogueAndRefusesANameOrVersionOutsideIt() throws Exception {
        try (UdataContractServer udata = new UdataContractServer()) {
            JsonNode catalogue = Exchanges.JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                    URI.create(udata.apiUrl().replace("/api/1", "/schemas.json"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertTrue(catalogue.path("schemas").toString().contains("etalab/schema-irve-statique"));

            HttpResponse<String> created = send("POST", udata.apiUrl() + "/datasets/", "X-API-KEY",
                    UdataContractServer.API_KEY, dataset(""));
            String id = Exchanges.JSON.readTree(created.body()).path("id").asText();
            udata.resources.get(id).put("r1", new java.util.ArrayList<>());
            String resource = udata.apiUrl() + "/datasets/" + id + "/resources/r1/";

            HttpResponse<String> version = send("PUT", resource, "X-API-KEY", UdataContractServer.API_KEY,
                    "{\"title\":\"b.csv\",\"schema\":{\"name\":\"etalab/schema-irve-statique\",\"version\":\"9.9\"}}");
            HttpResponse<String> name = send("PUT", resource, "X-API-KEY", UdataContractServer.API_KEY,
                    "{\"title\":\"b.csv\",\"schema\":{\"name\":\"ville/arbres\"}}");
            HttpResponse<String> good = send("PUT", resource, "X-API-KEY", UdataContractServer.API_KEY,
                    "{\"title\":\"b.csv\",\"schema\":{\"name\":\"etalab/schema-irve-statique\",\"version\":\"2.3.1\"}}");

            assertEquals(400, version.statusCode());
            assertTrue(version.body().contains("is not an allowed value for the schema"), version.body());
            assertEquals(400, name.statusCode());
            assertEquals(200, good.statusCode(), good.body());
        }
    }

    @Test
    void odsRefusesAFieldOutsideItsTemplates() throws Exception {
        try (OdsContractServer ods = new OdsContractServer()) {
            HttpResponse<String> unknown = send("POST", ods.apiUrl() + "/datasets/", "Authorization",
                    "Apikey " + OdsContractServer.API_KEY, "{\"dataset_id\":\"v-b\",\"metadata\":{\"default\":"
                            + "{\"title\":{\"value\":\"B\"},\"theme\":{\"value\":\"Transports\"}}}}");
            HttpResponse<String> template = send("POST", ods.apiUrl() + "/datasets/", "Authorization",
                    "Apikey " + OdsContractServer.API_KEY, "{\"dataset_id\":\"v-b\",\"metadata\":{\"default\":"
                            + "{\"title\":{\"value\":\"B\"}},\"inspire\":{\"x\":{\"value\":\"y\"}}}}");

            assertEquals(400, unknown.statusCode());
            assertTrue(unknown.body().contains("metadata.default.theme: unknown metadata field"), unknown.body());
            assertEquals(400, template.statusCode());
            assertTrue(template.body().contains("unknown metadata template"), template.body());
        }
    }

    /** A multipart resource_create/patch as CKAN takes it: text fields, then the file in {@code upload}. */
    private static HttpResponse<String> resource(CkanContractServer ckan, String action, Map<String, String> fields,
                                                 byte[] file) throws Exception {
        String boundary = "limite" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"b.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(ckan.apiUrl() + "/" + action))
                .header("Authorization", CkanContractServer.TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String irveExample() throws Exception {
        try (var in = ContractServersTest.class.getClassLoader().getResourceAsStream(
                "fr/passerelle/quality/engine/schemas/irve-statique/examples/exemple-valide-statique.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void ckanValidatesTheUploadedFileAgainstTheDeclaredSchemaAsCkanextValidationDoes() throws Exception {
        try (CkanContractServer ckan = new CkanContractServer()) {
            HttpResponse<String> created = send("POST", ckan.apiUrl() + "/package_create", "Authorization",
                    CkanContractServer.TOKEN, "{\"name\":\"ville-bornes\",\"owner_org\":\""
                            + CkanContractServer.ORGANIZATION + "\",\"private\":true}");
            String packageId = Exchanges.JSON.readTree(created.body()).at("/result/id").asText();
            String url = SchemaCatalogue.url("etalab/schema-irve-statique", "2.3.1");
            String valid = irveExample();
            List<String> lines = valid.lines().toList();
            // contact_operateur is required by the IRVE schema: blank it in the first row.
            int contact = List.of(lines.get(0).split(",", -1)).indexOf("contact_operateur");
            String[] cells = lines.get(1).split(",", -1);
            cells[contact] = "";
            String blankRequired = lines.get(0) + "\n" + String.join(",", cells) + "\n";
            String missingColumn = lines.get(0).replace("contact_operateur,", "") + "\n";

            HttpResponse<String> good = resource(ckan, "resource_create",
                    Map.of("package_id", packageId, "schema", url), valid.getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> required = resource(ckan, "resource_create",
                    Map.of("package_id", packageId, "schema", url), blankRequired.getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> label = resource(ckan, "resource_create",
                    Map.of("package_id", packageId, "schema", url), missingColumn.getBytes(StandardCharsets.UTF_8));
            String resourceId = Exchanges.JSON.readTree(good.body()).at("/result/id").asText();
            HttpResponse<String> patch = resource(ckan, "resource_patch", Map.of("id", resourceId),
                    blankRequired.getBytes(StandardCharsets.UTF_8));

            assertEquals(200, good.statusCode(), good.body());
            assertEquals("success", ckan.resourceFields.get(resourceId).get("validation_status"));
            assertEquals(409, required.statusCode());
            JsonNode report = Exchanges.JSON.readTree(required.body()).at("/error/validation/0");
            assertFalse(report.path("valid").asBoolean(true));
            assertTrue(report.toString().contains("constraint-error") && report.toString().contains("contact_operateur"),
                    report.toString());
            assertEquals(409, label.statusCode());
            assertTrue(label.body().contains("missing-label"), label.body());
            assertEquals(409, patch.statusCode(), "a patch's new file is validated against the resource's schema");
            assertEquals(1, ckan.uploads.get(resourceId).size(), "the refused file was not written");
            assertEquals(1, ckan.resourceFields.size(), "refused resources are not created");
        }
    }

    @Test
    void ckanRefusesASchemaItCannotRead() throws Exception {
        try (CkanContractServer ckan = new CkanContractServer(Map.of("etalab/schema-lieux-covoiturage",
                List.of("0.3.0")))) {
            HttpResponse<String> created = send("POST", ckan.apiUrl() + "/package_create", "Authorization",
                    CkanContractServer.TOKEN, "{\"name\":\"ville-bornes\",\"owner_org\":\""
                            + CkanContractServer.ORGANIZATION + "\"}");
            String packageId = Exchanges.JSON.readTree(created.body()).at("/result/id").asText();

            HttpResponse<String> unreadable = resource(ckan, "resource_create", Map.of("package_id", packageId,
                    "schema", SchemaCatalogue.url("etalab/schema-irve-statique", "2.3.1")),
                    irveExample().getBytes(StandardCharsets.UTF_8));

            assertEquals(409, unreadable.statusCode());
            assertTrue(Exchanges.JSON.readTree(unreadable.body()).at("/error/schema").isArray(), unreadable.body());
        }
    }

    @Test
    void theCsvReaderKeepsQuotedCommasAndNewlines() {
        assertEquals(List.of(List.of("a", "b"), List.of("1,5", "x\ny \"z\"")),
                TableValidation.rows("\uFEFFa,b\r\n\"1,5\",\"x\ny \"\"z\"\"\"\r\n"));
    }
}
