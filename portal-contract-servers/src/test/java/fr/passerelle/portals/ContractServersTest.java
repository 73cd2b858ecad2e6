package fr.passerelle.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
}
