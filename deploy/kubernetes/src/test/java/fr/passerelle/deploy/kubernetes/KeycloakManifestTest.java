package fr.passerelle.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Keycloak on the cluster (base/keycloak.yaml) checked against what the local stack runs: the same realm but
 * for its addresses and secret, the same server version, its database and role from CloudNativePG, and its
 * probes on the management port that health is enabled on.
 */
class KeycloakManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLUSTER_REALM = Manifests.BASE.resolve("keycloak/passerelle-realm.json");
    private static final Path LOCAL_REALM = Manifests.REPOSITORY.resolve("deploy/keycloak/passerelle-realm.json");
    /** Keycloak's own import placeholders are upper-case environment names; ${username} are message keys. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private final JsonNode deployment = Manifests.ofKind(Manifests.base(), "Deployment").stream()
            .filter(manifest -> manifest.name().equals("keycloak")).findFirst()
            .orElseThrow(() -> new AssertionError("no Deployment keycloak in base/")).body();
    private final JsonNode container = deployment.at("/spec/template/spec/containers/0");

    @Test
    void theClustersRealmIsTheLocalOneButForItsAddressesAndSecret() throws IOException {
        assertEquals(withoutAddresses(JSON.readTree(LOCAL_REALM.toFile())), withoutAddresses(JSON.readTree(CLUSTER_REALM.toFile())),
                "a role, client, mapper or setting changed in deploy/keycloak/passerelle-realm.json must change in"
                        + " deploy/kubernetes/base/keycloak/passerelle-realm.json too");
    }

    @Test
    void aRoleRenamedInOneRealmOnlyIsCaught() throws IOException {
        ObjectNode renamed = (ObjectNode) JSON.readTree(CLUSTER_REALM.toFile());
        ((ObjectNode) renamed.at("/roles/realm/1")).put("name", "publieur");
        assertFalse(withoutAddresses(JSON.readTree(LOCAL_REALM.toFile())).equals(withoutAddresses(renamed)));
    }

    @Test
    void everyPlaceholderOfTheRealmIsInKeycloaksEnvironmentAndNoSecretIsInTheFile() throws IOException {
        String realm = Files.readString(CLUSTER_REALM);
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(realm);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        assertEquals(Set.of("PASSERELLE_API_URL", "PASSERELLE_STAFF_APP_SECRET", "PASSERELLE_STAFF_URL"), placeholders);
        for (String name : placeholders) {
            assertFalse(env(name).isMissingNode(), "Keycloak's environment sets " + name);
        }
        assertTrue(env("PASSERELLE_STAFF_APP_SECRET").has("valueFrom"), "the client secret comes from a Secret");
        JsonNode staffApp = client(JSON.readTree(realm), "passerelle-staff-app");
        assertEquals("${PASSERELLE_STAFF_APP_SECRET}", staffApp.path("secret").asText());
        assertFalse(JSON.readTree(realm).has("users"), "no person is created by the cluster's realm");
    }

    @Test
    void theRealmIsMountedWhereKeycloakImportsItFromTheGeneratedConfigMap() {
        assertTrue(StreamSupport.stream(container.path("args").spliterator(), false)
                .anyMatch(arg -> arg.asText().equals("--import-realm")));
        String volume = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(mount -> mount.path("mountPath").asText().equals("/opt/keycloak/data/import"))
                .findFirst().orElseThrow(() -> new AssertionError("the import folder is mounted")).path("name").asText();
        JsonNode source = StreamSupport.stream(deployment.at("/spec/template/spec/volumes").spliterator(), false)
                .filter(candidate -> candidate.path("name").asText().equals(volume)).findFirst().orElseThrow();
        String configMap = source.at("/configMap/name").asText();
        JsonNode generated = StreamSupport.stream(Manifests.yaml(Manifests.BASE.resolve("kustomization.yaml"))
                        .path("configMapGenerator").spliterator(), false)
                .filter(generator -> generator.path("name").asText().equals(configMap)).findFirst()
                .orElseThrow(() -> new AssertionError("the kustomization generates " + configMap));
        for (JsonNode file : generated.path("files")) {
            assertTrue(Files.isRegularFile(Manifests.BASE.resolve(file.asText())), file.asText() + " exists");
            assertTrue(file.asText().endsWith(".json"), "Keycloak imports only .json files: " + file.asText());
        }
    }

    @Test
    void theServerIsTheVersionTheLocalStackRuns() throws IOException {
        String pom = Files.readString(Manifests.REPOSITORY.resolve("deploy/local/pom.xml"));
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(pom);
        assertTrue(version.find());
        assertEquals("quay.io/keycloak/keycloak:" + version.group(1), container.path("image").asText());
    }

    @Test
    void probesAskTheManagementPortWhereHealthIsEnabled() {
        assertEquals("true", env("KC_HEALTH_ENABLED").path("value").asText());
        int management = StreamSupport.stream(container.path("ports").spliterator(), false)
                .filter(port -> port.path("name").asText().equals("management")).findFirst().orElseThrow()
                .path("containerPort").asInt();
        assertEquals(9000, management, "Keycloak's management interface listens on 9000 unless told otherwise");
        for (String probe : new String[] {"startupProbe", "readinessProbe", "livenessProbe"}) {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals("management", get.path("port").asText(), probe);
            assertTrue(Set.of("/health/started", "/health/ready", "/health/live").contains(get.path("path").asText()), probe);
        }
    }

    @Test
    void itsDatabaseAndRoleAreTheOnesCloudNativePgMakes() {
        JsonNode cluster = Manifests.ofKind(Manifests.base(), "Cluster").get(0).spec();
        String user = env("KC_DB_USERNAME").at("/valueFrom/secretKeyRef/name").asText();
        assertEquals(user, env("KC_DB_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
        JsonNode role = StreamSupport.stream(cluster.at("/managed/roles").spliterator(), false)
                .filter(candidate -> candidate.at("/passwordSecret/name").asText().equals(user)).findFirst()
                .orElseThrow(() -> new AssertionError("a CNPG role keeps its password in " + user));
        JsonNode database = Manifests.ofKind(Manifests.base(), "Database").stream()
                .filter(candidate -> candidate.spec().path("name").asText().equals(env("KC_DB_URL_DATABASE").path("value").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("a CNPG Database is Keycloak's")).spec();
        assertEquals(role.path("name").asText(), database.path("owner").asText(), "Keycloak's role owns its database");
        assertEquals(Manifests.ofKind(Manifests.base(), "Cluster").get(0).name() + "-rw", env("KC_DB_URL_HOST").path("value").asText(),
                "Keycloak writes through the cluster's primary service");
    }

    private JsonNode env(String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(variable -> variable.path("name").asText().equals(name)).findFirst()
                .map(JsonNode.class::cast).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals(clientId)).findFirst().orElseThrow();
    }

    /** The realm without what differs by design between a desk and a cluster. */
    private static JsonNode withoutAddresses(JsonNode realm) {
        ObjectNode copy = realm.deepCopy();
        for (JsonNode client : copy.path("clients")) {
            ObjectNode fields = (ObjectNode) client;
            fields.remove(Set.of("redirectUris", "secret", "description"));
            ((ObjectNode) fields.path("attributes")).remove("post.logout.redirect.uris");
        }
        return copy;
    }
}
