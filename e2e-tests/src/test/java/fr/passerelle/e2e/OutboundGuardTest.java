package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-side request forgery through the portal targets: the local stack allows exactly
 * {@code 127.0.0.1} as written in a URL ({@code passerelle.outbound.allowed-hosts}), so every other
 * spelling or family of a forbidden address must be refused by the same guard as in production. Trap
 * servers listen where those addresses lead (127.0.0.1, 127.0.0.2, [::1]) and must see no request;
 * the non-loopback addresses (10.x, 169.254.169.254) are refused before any connection is tried.
 */
class OutboundGuardTest {

    private static final String ORG = "ssrf";
    private static final List<String> KINDS = List.of("udata", "ckan", "ods");

    private final List<HttpServer> traps = new ArrayList<>();
    private final List<String> trapped = new CopyOnWriteArrayList<>();
    private int loopbackPort;
    private int secondLoopbackPort;
    private int ipv6Port;

    @BeforeEach
    void listen() throws IOException {
        loopbackPort = trap(InetAddress.getByName("127.0.0.1"));
        secondLoopbackPort = trap(InetAddress.getByName("127.0.0.2"));
        ipv6Port = trap(InetAddress.getByName("::1"));
    }

    @AfterEach
    void stop() {
        traps.forEach(server -> server.stop(0));
    }

    private int trap(InetAddress address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", exchange -> {
            trapped.add(address.getHostAddress() + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " " + exchange.getRequestHeaders().keySet());
            byte[] body = "{\"secret\":\"meta-data iam role\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        traps.add(server);
        return server.getAddress().getPort();
    }

    private List<String> forbiddenApiUrls() {
        return List.of(
                "http://127.0.0.2:" + secondLoopbackPort + "/api/1",
                "http://localhost:" + loopbackPort + "/api/1",
                "http://[::1]:" + ipv6Port + "/api/1",
                "http://2130706433:" + loopbackPort + "/api/1",
                "http://0x7f000001:" + loopbackPort + "/api/1",
                "http://0177.0.0.1:" + loopbackPort + "/api/1",
                "http://017700000001:" + loopbackPort + "/api/1",
                "http://[::ffff:127.0.0.1]:" + loopbackPort + "/api/1",
                "http://[::ffff:7f00:1]:" + loopbackPort + "/api/1",
                "http://0.0.0.0:" + loopbackPort + "/api/1",
                "http://10.0.0.1/api/1",
                "http://192.168.1.1/api/1",
                "http://172.16.0.1/api/1",
                "http://169.254.169.254/latest/meta-data/",
                "http://[fd00::1]/api/1",
                "http://[fe80::1]/api/1",
                "http://224.0.0.1/api/1");
    }

    @Test
    void everyTargetKindRefusesEveryForbiddenAddressFamilyAndNoRequestLeaves() throws Exception {
        String dataset = Pipeline.freshDataset("cible");
        List<String> accepted = new ArrayList<>();
        for (String kind : KINDS) {
            for (String url : forbiddenApiUrls()) {
                Response response = configure(dataset, kind, url);
                if (response.statusCode() != 400) {
                    accepted.add(kind + " " + url + " → " + response.statusCode());
                    continue;
                }
                ErrorAnswersTest.assertHouseError(response, 400, "url-not-allowed", "publish");
            }
        }

        assertEquals(List.of(), accepted, "every forbidden address is refused when saved");
        assertTrue(given().baseUri(Stack.PUBLISH).when().get("/api/v1/targets/{org}/{dataset}", ORG, dataset)
                .then().statusCode(200).extract().jsonPath().getList("$").isEmpty(), "nothing was saved");
        assertEquals(List.of(), trapped, "no request reached a listener on a forbidden address");
    }

    @Test
    void aPortalRedirectingToAForbiddenAddressIsNotFollowedAndItsBodyIsNeverShown() throws Exception {
        // An allowed "portal" on 127.0.0.1 that redirects every request to the metadata-like trap on 127.0.0.2.
        HttpServer redirector = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        List<String> redirected = new CopyOnWriteArrayList<>();
        redirector.createContext("/", exchange -> {
            redirected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "Moved: internal secret page".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + secondLoopbackPort + "/latest/meta-data/");
            exchange.sendResponseHeaders(302, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        redirector.start();
        traps.add(redirector);
        String apiUrl = "http://127.0.0.1:" + redirector.getAddress().getPort() + "/api/1";
        Map<String, String> datasets = new HashMap<>();
        for (String kind : KINDS) {
            String dataset = Pipeline.freshDataset("redirige-" + kind);
            String upload = Pipeline.accepted(ORG, dataset, "stationnement-cyclable", "velos.csv",
                    Csv.asFrenchExcelExport(Csv.rows(Csv.example("stationnement-cyclable", "exemple-valide.csv"))));
            Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
            assertEquals(200, configure(dataset, kind, apiUrl).statusCode(), "127.0.0.1 is the local stack's exception");
            Pipeline.approve(ORG, dataset);
            Pipeline.awaitStatus(upload, "PUBLISHED");
            datasets.put(kind, dataset);
        }

        for (Map.Entry<String, String> entry : datasets.entrySet()) {
            Map<String, Object> target = Pipeline.awaitRemoteTarget(ORG, entry.getValue(), 1);
            String lastError = String.valueOf(target.get("lastError"));
            assertEquals("FAILED", target.get("lastStatus"), entry.getKey() + ": " + target);
            assertTrue(lastError.contains("redirection (302)"), entry.getKey() + ": " + lastError);
            assertFalse(lastError.contains("secret"), "the portal's body is never shown: " + lastError);
        }
        assertFalse(redirected.isEmpty(), "the allowed portal was asked");
        assertEquals(List.of(), trapped, "the redirect to a forbidden address was not followed");
    }

    private static Response configure(String dataset, String kind, String apiUrl) {
        Map<String, String> body = kind.equals("ods") ? Map.of("apiUrl", apiUrl, "apiKey", "cle-de-test")
                : Map.of("apiUrl", apiUrl, "organizationId", "org-distante", "apiKey", "cle-de-test");
        return given().baseUri(Stack.PUBLISH).contentType("application/json").body(body)
                .when().put("/api/v1/targets/{org}/{dataset}/" + kind, ORG, dataset);
    }
}
