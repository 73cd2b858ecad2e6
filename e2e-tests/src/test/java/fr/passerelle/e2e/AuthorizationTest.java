package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the services, read from their OpenAPI documents, is tried with no token, an
 * expired one, a forged one, a token without the endpoint's role and a token of another organisation;
 * each must be refused (401/403, or for an upload of another organisation the same 404 as for one that
 * does not exist), and the refusals must not tell whether a dataset or upload exists elsewhere.
 */
class AuthorizationTest {

    private static final String ORG = "securite-ville";
    private static final String OTHER = "securite-voisine";
    private static final List<String> SERVICES = List.of(Stack.INGEST, Stack.QUALITY, Stack.CATALOG, Stack.PUBLISH,
            Stack.NOTIFICATION);
    /**
     * What anyone may read: the public portal, the public DCAT catalogue and the national schemas; and the one-click
     * unsubscribe of notification's mail, whose signed link is its own authorisation.
     */
    private static final Set<String> PUBLIC = Set.of(
            "GET /", "GET /portal/{org}/{dataset}", "GET /portal/{org}/{dataset}/latest.csv",
            "GET /portal/{org}/{dataset}/latest.json", "GET /portal/{org}/{dataset}/latest.geojson",
            "GET /portal/{org}/{dataset}/versions/{version}.csv", "GET /mentions-legales", "GET /accessibilite",
            "GET /catalog.ttl", "GET /catalog.jsonld", "GET /catalog.rdf", "GET /api/v1/schemas",
            "GET /desabonnement", "POST /desabonnement");

    private static String dataset;
    private static String upload;
    private static String schemaName;

    /** Something real in ORG for every path parameter, so that a refusal cannot be a mere "not found". */
    @BeforeAll
    static void somethingToProtect() {
        dataset = Pipeline.freshDataset("arceaux");
        byte[] content = Csv.asFrenchExcelExport(Csv.rows(Csv.example("stationnement-cyclable", "exemple-valide.csv")));
        upload = Pipeline.accepted(ORG, dataset, "stationnement-cyclable", "arceaux.csv", content);
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        schemaName = Pipeline.freshDataset("schema");
        String schema = "{\"name\":\"" + schemaName + "\",\"fields\":[{\"name\":\"identifiant\",\"type\":\"string\"}]}";
        Response created = given().baseUri(Stack.QUALITY).contentType("application/json").body(schema)
                .when().post("/api/v1/organizations/{org}/schemas", ORG);
        assertEquals(201, created.statusCode(), created.asString());
    }

    record Endpoint(String service, String method, String path, List<String> roles, String consumes) {

        boolean isPublic() {
            return roles == null;
        }

        boolean forOps() {
            return roles != null && roles.contains("ops");
        }

        boolean organizationInPath() {
            return path.contains("{org}");
        }

        boolean uploadInPath() {
            return path.contains("{uploadId}");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyEndpointRefusesWhoeverItIsNotFor() {
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() >= 40, "the services' OpenAPI documents list " + endpoints.size() + " operations");
        Set<String> publicOnes = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        int refusals = 0;
        for (Endpoint endpoint : endpoints) {
            if (endpoint.isPublic()) {
                publicOnes.add(endpoint.toString());
                continue;
            }
            List<String> roles = endpoint.roles();
            refusals += expect(failures, endpoint, "sans jeton", Set.of(401), () -> Auth.anonymous());
            refusals += expect(failures, endpoint, "jeton expiré", Set.of(401),
                    () -> Auth.with(Auth.expired(ORG, orgRoles(roles))));
            refusals += expect(failures, endpoint, "jeton forgé", Set.of(401),
                    () -> Auth.with(Auth.forged(ORG, orgRoles(roles))));
            refusals += expect(failures, endpoint, "jeton sans le rôle", Set.of(403),
                    () -> Auth.with(withoutRole(roles)));
            if (!endpoint.forOps()) {
                refusals += expect(failures, endpoint, "jeton ops", Set.of(403), () -> Auth.with(Auth.ops()));
                if (endpoint.organizationInPath() || endpoint.uploadInPath()) {
                    refusals += expect(failures, endpoint, "jeton d'une autre organisation",
                            Set.of(endpoint.uploadInPath() ? 404 : 403), () -> Auth.with(Auth.token(OTHER, roles)));
                    noLeak(failures, endpoint);
                }
            }
            if (endpoint.method().equals("GET")) {
                Response allowed = send(endpoint, Auth.with(endpoint.forOps() ? Auth.ops() : Auth.token(ORG, roles)), true);
                if (allowed.statusCode() == 401 || allowed.statusCode() == 403) {
                    failures.add(endpoint + " refuse le bon jeton : " + allowed.statusCode() + " " + allowed.asString());
                }
                houseError(failures, endpoint, "bon jeton", allowed);
            }
        }
        System.out.printf("Authorisation: %d operations, %d public, %d protected, %d refusals checked%n",
                endpoints.size(), publicOnes.size(), endpoints.size() - publicOnes.size(), refusals);
        assertEquals(List.of(), failures);
        assertEquals(new TreeSet<>(PUBLIC), publicOnes, "the operations anyone may call");
    }

    @Test
    void theDatasetListShowsOnlyTheTokensOrganisation() {
        List<String> own = Auth.with(Auth.staff(ORG)).baseUri(Stack.CATALOG).queryParam("limit", 500)
                .when().get("/api/v1/datasets").then().statusCode(200).extract().jsonPath().getList("dataset");
        assertTrue(own.contains(dataset), own.toString());
        List<String> other = Auth.with(Auth.staff(OTHER)).baseUri(Stack.CATALOG).queryParam("limit", 500)
                .when().get("/api/v1/datasets").then().statusCode(200).extract().jsonPath().getList("dataset");
        assertFalse(other.contains(dataset), other.toString());
    }

    @Test
    void theJournalNamesTheTokensSubjectNotWhatTheBodyClaims() {
        String subject = "vraie.publieuse@" + ORG + ".fr";
        Pipeline.describeForFirstPublication(ORG, dataset);
        Auth.with(Auth.as(subject, ORG, "publisher")).baseUri(Stack.CATALOG).contentType("application/json")
                .body("{\"approvedBy\":\"quelqu.un@autre.fr\"}")
                .when().post("/api/v1/datasets/{org}/{dataset}/approval", ORG, dataset).then().statusCode(200);
        List<String> actors = given().baseUri(Stack.CATALOG)
                .when().get("/api/v1/datasets/{org}/{dataset}/approvals", ORG, dataset)
                .then().statusCode(200).extract().jsonPath().getList("actor");
        assertTrue(actors.contains(subject), actors.toString());
        assertFalse(actors.contains("quelqu.un@autre.fr"), actors.toString());
    }

    @Test
    void aRefusalIsClearFrenchJson() {
        Response refused = Auth.anonymous().baseUri(Stack.INGEST).multiPart("file", "a.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/organizations/{org}/datasets/{dataset}/uploads", ORG, dataset);
        assertEquals(401, refused.statusCode());
        assertEquals("Bearer", refused.header("WWW-Authenticate"));
        assertEquals("authentification-requise", refused.jsonPath().getString("code"));
        assertTrue(refused.jsonPath().getString("message").contains("jeton"), refused.asString());
        Response forbidden = Auth.with(Auth.token(ORG, List.of("contributor")))
                .baseUri(Stack.CATALOG).contentType("application/json").body("{}")
                .when().post("/api/v1/datasets/{org}/{dataset}/approval", ORG, dataset);
        assertEquals(403, forbidden.statusCode());
        assertEquals("acces-refuse", forbidden.jsonPath().getString("code"));
        for (Response answer : List.of(refused, forbidden)) {
            assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
            assertTrue(answer.jsonPath().getString("errorId").matches("[0-9a-f-]{36}"), answer.asString());
        }
    }

    /** Another organisation's token gets the same answer whether the dataset (or upload) exists or not. */
    private void noLeak(List<String> failures, Endpoint endpoint) {
        String token = Auth.token(OTHER, endpoint.roles());
        Response existing = send(endpoint, Auth.with(token), true);
        Response missing = send(endpoint, Auth.with(token), false);
        String a = existing.statusCode() + " " + code(existing);
        String b = missing.statusCode() + " " + code(missing);
        if (!a.equals(b)) {
            failures.add(endpoint + " : une autre organisation voit la différence entre existant (" + a
                    + ") et inexistant (" + b + ")");
        }
    }

    private static String code(Response response) {
        try {
            return response.jsonPath().getString("code");
        } catch (RuntimeException notJson) {
            return response.asString();
        }
    }

    private int expect(List<String> failures, Endpoint endpoint, String who, Set<Integer> statuses,
                       Supplier<RequestSpecification> request) {
        Response response = send(endpoint, request.get(), true);
        if (!statuses.contains(response.statusCode())) {
            failures.add(endpoint + " [" + endpoint.service() + "] " + who + " : attendu " + statuses + ", reçu "
                    + response.statusCode() + " " + abbreviate(response.asString()));
        }
        houseError(failures, endpoint, who, response);
        return 1;
    }

    /** Every error answer is the house's French JSON with an error id, never HTML nor an empty body. */
    private static void houseError(List<String> failures, Endpoint endpoint, String who, Response response) {
        if (response.statusCode() < 400) {
            return;
        }
        String type = String.valueOf(response.contentType());
        String id = type.startsWith("application/json") ? response.jsonPath().getString("errorId") : null;
        if (!type.startsWith("application/json") || id == null || id.isBlank()) {
            failures.add(endpoint + " [" + endpoint.service() + "] " + who + " : réponse d'erreur " + response.statusCode()
                    + " de type « " + type + " » sans identifiant d'erreur : " + abbreviate(response.asString()));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** Sends the endpoint's request; {@code existing} false names a dataset, upload or schema that does not exist. */
    private Response send(Endpoint endpoint, RequestSpecification request, boolean existing) {
        String missing = "absent-" + UUID.randomUUID().toString().substring(0, 8);
        String path = endpoint.path()
                .replace("{org}", ORG)
                .replace("{dataset}", existing ? dataset : missing)
                .replace("{uploadId}", existing ? upload : UUID.randomUUID().toString())
                .replace("{name}", existing ? schemaName : missing)
                .replace("{number}", "1")
                .replace("{kind}", "udata")
                .replace("{id}", UUID.randomUUID().toString());
        request.baseUri(endpoint.service()).urlEncodingEnabled(false);
        if (endpoint.consumes() != null && endpoint.consumes().startsWith("multipart/")) {
            request.multiPart("file", "a.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        } else if (endpoint.method().equals("POST") || endpoint.method().equals("PUT")) {
            request.contentType("application/json").body("{}");
        }
        return request.when().request(endpoint.method(), path);
    }

    private static List<String> orgRoles(List<String> roles) {
        return roles.contains("ops") ? List.of("ops") : roles;
    }

    /** A token of ORG with every role but the endpoint's (none at all if it takes them all). */
    private static String withoutRole(List<String> roles) {
        List<String> others = new ArrayList<>(Auth.ALL_ROLES);
        others.removeAll(roles);
        return Auth.token(ORG, others);
    }

    @SuppressWarnings("unchecked")
    private static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (String service : SERVICES) {
            JsonPath document = given().baseUri(service).queryParam("format", "json").when().get("/q/openapi")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Map<String, Object>> paths = document.getMap("paths");
            paths.forEach((path, operations) -> operations.forEach((method, value) -> {
                if (!(value instanceof Map<?, ?> operation)) {
                    return; // "parameters" shared by the path's operations
                }
                List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
                List<String> roles = security == null || security.isEmpty() ? null
                        : security.get(0).values().iterator().next();
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                String consumes = body == null ? null
                        : ((Map<String, Object>) body.get("content")).keySet().iterator().next();
                all.add(new Endpoint(service, method.toUpperCase(), path, roles, consumes));
            }));
        }
        return all;
    }
}
