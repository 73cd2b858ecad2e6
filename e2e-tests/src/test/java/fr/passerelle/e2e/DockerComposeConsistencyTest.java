package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine): this keeps it in line with what the
 * services read, the topics the contracts name, the buckets the services use, and the Keycloak
 * realm that issues the tokens they verify.
 */
class DockerComposeConsistencyTest {

    private static final Map<String, Object> COMPOSE = readCompose();
    private static final List<String> SERVICES = List.of("ingest-service", "quality-service", "catalog-service", "publish-service",
            "notification-service");
    /** An environment variable referenced by a property value: {@code ${NAME}} or {@code ${NAME:default}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    /** A variable compose refuses to start without: {@code ${NAME:?message}}. */
    private static final Pattern REQUIRED_IN_COMPOSE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?");
    private static final String REALM_FILE = "deploy/keycloak/passerelle-realm.json";
    private static final String REALM_IMPORT_DIR = "/opt/keycloak/data/import/";

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "quality-service", "catalog-service", "publish-service", "notification-service"})
    void eachServiceGetsTheConfigurationItReads(String service) throws IOException {
        Properties properties = applicationProperties(service);
        Map<String, Object> definition = service(service);
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) definition.get("environment");

        assertEquals(List.of(properties.getProperty("quarkus.http.port") + ":" + properties.getProperty("quarkus.http.port")),
                definition.get("ports"), "published port of " + service);
        assertEquals(properties.getProperty("quarkus.flyway.schemas"), environment.get("QUARKUS_DATASOURCE_USERNAME"),
                "a service logs in with the role that owns its schema");
        assertEquals(properties.getProperty("quarkus.datasource.username"), environment.get("QUARKUS_DATASOURCE_USERNAME"));
        assertTrue(String.valueOf(environment.get("QUARKUS_DATASOURCE_JDBC_URL")).endsWith("/passerelle"));
        for (String variable : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_PASSWORD",
                "PASSERELLE_S3_ENDPOINT", "PASSERELLE_S3_ACCESS_KEY", "PASSERELLE_S3_SECRET_KEY")) {
            assertNotNull(environment.get(variable), variable + " for " + service);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) definition.get("build");
        assertTrue(Files.exists(Stack.root().resolve(String.valueOf(build.get("dockerfile")))));
    }

    @Test
    void kafkaInitCreatesEveryTopicOfTheContracts() {
        String script = String.join("\n", commandOf("kafka-init"));
        for (String topic : Topics.all()) {
            assertTrue(script.contains(topic + " ") || script.contains(topic + ";") || script.contains(topic + "\n"),
                    "kafka-init creates " + topic);
        }
        for (String topic : Topics.COMPACTED) {
            assertTrue(script.matches("(?s).*--topic " + java.util.regex.Pattern.quote(topic)
                    + " [^\\n]*\\\\\\s*--config cleanup.policy=compact.*"), "kafka-init compacts " + topic);
        }
    }

    @Test
    void minioSendsDropzoneEventsToTheDropsTopicAndCreatesTheBuckets() {
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) service("minio").get("environment");
        assertEquals(Topics.DROPS, environment.get("MINIO_NOTIFY_KAFKA_TOPIC_PRIMARY"));
        String script = String.join("\n", commandOf("minio-init"));
        assertTrue(script.contains("for bucket in raw clean public dropzone"), script);
        assertTrue(script.contains("mc event add local/dropzone"), script);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "quality-service", "catalog-service", "publish-service", "notification-service"})
    void eachServiceGetsEveryVariableItsPropertiesRequire(String service) throws IOException {
        Map<String, Object> environment = environmentOf(service);
        // Without a default, Quarkus refuses to start: compose must give each one.
        for (Map.Entry<String, String> reference : variables(applicationProperties(service), "").entrySet()) {
            if (reference.getValue() == null) {
                assertNotNull(environment.get(reference.getKey()), reference.getKey() + " for " + service);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "quality-service", "catalog-service", "publish-service", "notification-service"})
    void eachServiceVerifiesTokensWithTheRealmsKeysAndIssuer(String service) throws IOException {
        Properties properties = applicationProperties(service);
        Map<String, Object> environment = environmentOf(service);
        // Even the variables with a default: the embedded issuer's defaults are wrong with Keycloak.
        Map<String, String> jwt = variables(properties, "mp.jwt.");
        jwt.putAll(variables(properties, "smallrye.jwt."));
        jwt.putAll(variables(properties, "passerelle.auth.people."));
        assertFalse(jwt.isEmpty(), "the services verify tokens with mp.jwt.* properties read from the environment");
        for (String variable : jwt.keySet()) {
            assertNotNull(environment.get(variable), variable + " for " + service);
        }

        // People's tokens: the realm's (machine tokens, issuer "passerelle", have no signer in compose).
        String realm = realm().path("realm").asText();
        String keyLocation = valueOf(environment, properties, "passerelle.auth.people.keys");
        assertEquals("http://keycloak:" + keycloakContainerPort() + "/realms/" + realm + "/protocol/openid-connect/certs",
                keyLocation, "the realm's JWKS, inside the compose network, for " + service);
        String issuer = valueOf(environment, properties, "passerelle.auth.people.issuer");
        assertEquals(keycloakEnvironment().get("KC_HOSTNAME") + "/realms/" + realm, issuer,
                "the issuer is the realm at Keycloak's fixed public address, as tokens carry it, for " + service);
    }

    @Test
    void onlyPublishHoldsTheSecretsKeyAndNoServiceASigningKey() {
        for (String service : SERVICES) {
            Map<String, Object> environment = environmentOf(service);
            Object secretsKey = environment.get("PASSERELLE_SECRETS_KEY");
            if (service.equals("publish-service")) {
                assertNotNull(secretsKey, "publish encrypts the portals' API keys with PASSERELLE_SECRETS_KEY");
                assertTrue(String.valueOf(secretsKey).startsWith("${PASSERELLE_SECRETS_KEY:?"),
                        "compose refuses to start publish without the key: " + secretsKey);
            } else {
                assertNull(secretsKey, service + " has no use for the portals' API keys");
            }
            // Keycloak issues the tokens here: the embedded issuer's private key has no place in compose.
            assertNull(environment.get("PASSERELLE_JWT_PRIVATE_KEY"), service);
        }
    }

    @Test
    void onlyNotificationHoldsTheSigningKeyAndSendsMailToGreenMail() throws IOException {
        for (String service : SERVICES) {
            Map<String, Object> environment = environmentOf(service);
            Object signingKey = environment.get("PASSERELLE_NOTIFICATIONS_SIGNING_KEY");
            if (service.equals("notification-service")) {
                assertTrue(String.valueOf(signingKey).startsWith("${PASSERELLE_NOTIFICATIONS_SIGNING_KEY:?"),
                        "compose refuses to start notification without the key of its unsubscribe links: " + signingKey);
            } else {
                assertNull(signingKey, service + " signs no unsubscribe link");
            }
        }
        Properties properties = applicationProperties("notification-service");
        assertTrue(properties.containsKey("passerelle.notifications.signing-key"),
                "notification-service reads passerelle.notifications.signing-key");
        assertTrue(properties.containsKey("quarkus.mailer.host") && properties.containsKey("quarkus.mailer.port"),
                "notification-service reads quarkus.mailer.host and quarkus.mailer.port");
        Map<String, Object> environment = environmentOf("notification-service");
        assertEquals("greenmail", environment.get("QUARKUS_MAILER_HOST"), "the mail goes to compose's GreenMail");
        assertTrue(publishedPorts("greenmail").contains(environment.get("QUARKUS_MAILER_PORT") + ":"
                        + environment.get("QUARKUS_MAILER_PORT")),
                "GreenMail's SMTP port inside the network, published as the local stack's: " + publishedPorts("greenmail"));
        @SuppressWarnings("unchecked")
        Map<String, Object> dependencies = (Map<String, Object>) service("notification-service").get("depends_on");
        assertNotNull(dependencies.get("greenmail"), "notification starts with its mail server");
    }

    @Test
    void greenMailIsTheLocalStacksVersionWithItsPorts() throws IOException {
        String pom = Files.readString(Stack.root().resolve("deploy/local/pom.xml"));
        Matcher version = Pattern.compile("<greenmail.version>([^<]+)</greenmail.version>").matcher(pom);
        assertTrue(version.find(), "deploy/local/pom.xml names greenmail.version");
        Map<String, Object> greenmail = service("greenmail");
        assertEquals("greenmail/standalone:" + version.group(1), greenmail.get("image"),
                "compose runs the GreenMail that ./passerelle up runs");
        // Its API listens on 8080 in the image; outside, where ./passerelle puts it (deploy/local/greenmail.sh).
        assertEquals(List.of("3025:3025", "8025:8080"), publishedPorts("greenmail"));
        String options = String.valueOf(environmentOf("greenmail").get("GREENMAIL_OPTS"));
        assertTrue(options.contains("-Dgreenmail.auth.disabled"), "any recipient, no login, as locally: " + options);
        assertTrue(options.contains("-Dgreenmail.hostname=0.0.0.0"), "reachable from the other containers: " + options);
    }

    @Test
    void prometheusScrapesEveryService() throws IOException {
        Map<String, Object> prometheus = readYaml("deploy/prometheus/prometheus.yml");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) prometheus.get("scrape_configs");
        Map<String, String> targets = new LinkedHashMap<>();
        for (Map<String, Object> job : jobs) {
            @SuppressWarnings("unchecked")
            List<Map<String, List<String>>> configs = (List<Map<String, List<String>>>) job.get("static_configs");
            targets.put(String.valueOf(job.get("job_name")), configs.get(0).get("targets").get(0));
        }
        for (String service : SERVICES) {
            String port = applicationProperties(service).getProperty("quarkus.http.port");
            assertEquals(service + ":" + port, targets.get(service), "Prometheus scrapes " + service);
        }
    }

    @Test
    void keycloakIsPinnedImportsTheRealmAndHasAFixedAddress() {
        Map<String, Object> keycloak = service("keycloak");
        assertTrue(String.valueOf(keycloak.get("image")).matches("quay\\.io/keycloak/keycloak:26\\.\\d+\\.\\d+"),
                "a pinned Keycloak 26.x: " + keycloak.get("image"));
        assertEquals(List.of("start-dev", "--import-realm"), keycloak.get("command"));
        assertEquals(List.of("8180:" + keycloakContainerPort()), keycloak.get("ports"));

        Map<String, Object> environment = keycloakEnvironment();
        for (String variable : List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            assertTrue(REQUIRED_IN_COMPOSE.matcher(String.valueOf(environment.get(variable))).find(),
                    variable + " comes from a required variable, never from the file: " + environment.get(variable));
        }
        assertTrue(String.valueOf(environment.get("KC_HOSTNAME")).matches(".*https?://[^/]+}?"),
                "a full URL, so that the tokens' iss does not depend on who asks: " + environment.get("KC_HOSTNAME"));

        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) keycloak.get("volumes");
        String mount = volumes.stream().filter(volume -> volume.contains(REALM_IMPORT_DIR)).findFirst()
                .orElseThrow(() -> new AssertionError("the realm file is mounted under " + REALM_IMPORT_DIR + ": " + volumes));
        assertEquals("./" + REALM_FILE, mount.substring(0, mount.indexOf(':')));
        assertTrue(Files.isRegularFile(Stack.root().resolve(REALM_FILE)), REALM_FILE);

        @SuppressWarnings("unchecked")
        Map<String, Object> dependencies = (Map<String, Object>) service("ingest-service").get("depends_on");
        assertNotNull(dependencies.get("keycloak"), "the services start once the keys they verify with can be fetched");
    }

    @Test
    void theRealmDefinesTheRolesOfThePlatform() throws IOException {
        JsonNode realm = realm();
        assertEquals("passerelle", realm.path("realm").asText());
        Set<String> realmRoles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(role -> realmRoles.add(role.path("name").asText()));
        assertEquals(platformRoles(), realmRoles, "the realm roles are the platform's Roles");

        JsonNode client = staffClient(realm);
        if (!client.path("fullScopeAllowed").asBoolean(true)) {
            // The client's scope limits the roles in its tokens: every platform role must be in it.
            Set<String> inScope = new TreeSet<>();
            for (JsonNode mapping : realm.path("scopeMappings")) {
                if (mapping.path("client").asText().equals(client.path("clientId").asText())) {
                    mapping.path("roles").forEach(role -> inScope.add(role.asText()));
                }
            }
            assertEquals(platformRoles(), inScope, "roles in the staff client's scope");
        }
        // People are created in the admin console: no user, and so no password, in the repository.
        assertTrue(realm.path("users").isMissingNode() || realm.path("users").isEmpty(), "users in " + REALM_FILE);
    }

    @Test
    void theStaffClientPutsRolesOrganisationAndNameInTheAccessToken() throws IOException {
        JsonNode client = staffClient(realm());
        assertTrue(client.path("publicClient").asBoolean(), "staff use curl and browsers: no client secret to hand out");
        assertTrue(client.path("standardFlowEnabled").asBoolean(), "browsers log in with the authorisation code flow");
        assertTrue(client.path("directAccessGrantsEnabled").asBoolean()
                        || client.path("attributes").path("oauth2.device.authorization.grant.enabled").asText().equals("true"),
                "curl gets a token with the password or the device grant");

        String groupsClaim = claimReadBy("smallrye.jwt.path.groups", "groups");
        JsonNode groups = mapperOf(client, groupsClaim);
        assertEquals("oidc-usermodel-realm-role-mapper", groups.path("protocolMapper").asText());
        assertEquals("true", groups.path("config").path("multivalued").asText(), "groups is a list");

        String organizationClaim = claimReadBy("passerelle.auth.organization-claim", "org");
        JsonNode organization = mapperOf(client, organizationClaim);
        assertEquals("oidc-usermodel-attribute-mapper", organization.path("protocolMapper").asText());
        assertEquals("org", organization.path("config").path("user.attribute").asText());
        assertEquals("false", organization.path("config").path("multivalued").asText("false"), "one organisation per person");

        JsonNode upn = mapperOf(client, "upn");
        assertEquals("oidc-usermodel-property-mapper", upn.path("protocolMapper").asText());
        assertEquals("username", upn.path("config").path("user.attribute").asText());
    }

    @Test
    void onlyKeycloakAdministratorsSetAPersonsOrganisation() throws IOException {
        JsonNode components = realm().path("components").path("org.keycloak.userprofile.UserProfileProvider");
        assertEquals(1, components.size(), "the realm declares its user profile");
        // Keycloak stores the user profile as JSON text inside the realm's JSON.
        JsonNode profile = strictJson().readTree(components.get(0).path("config").path("kc.user.profile.config").get(0).asText());
        JsonNode org = StreamSupport.stream(profile.path("attributes").spliterator(), false)
                .filter(attribute -> attribute.path("name").asText().equals("org")).findFirst()
                .orElseThrow(() -> new AssertionError("the user profile declares org (Keycloak drops undeclared attributes)"));
        List<String> editors = new ArrayList<>();
        org.path("permissions").path("edit").forEach(role -> editors.add(role.asText()));
        assertEquals(List.of("admin"), editors, "a person who could edit org could reach another organisation's data");
        assertFalse(profile.path("unmanagedAttributePolicy").asText().equals("ENABLED"),
                "people may not add attributes of their own to their tokens");
    }

    @Test
    void theHeaderListsEveryVariableComposeRequires() throws IOException {
        String text = Files.readString(Stack.root().resolve("docker-compose.yml"));
        StringBuilder header = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            header.append(line).append('\n');
        }
        Set<String> listed = expandBraces(header.toString());
        Matcher required = REQUIRED_IN_COMPOSE.matcher(text);
        while (required.find()) {
            assertTrue(listed.contains(required.group(1)), required.group(1) + " is listed in the header of docker-compose.yml");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> publishedPorts(String service) {
        return (List<String>) service(service).get("ports");
    }

    @SuppressWarnings("unchecked")
    private static List<String> commandOf(String service) {
        return (List<String>) service(service).get("command");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> services = (Map<String, Object>) COMPOSE.get("services");
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        assertNotNull(service, "docker-compose.yml defines " + name);
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environmentOf(String service) {
        return (Map<String, Object>) service(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> keycloakEnvironment() {
        return (Map<String, Object>) service("keycloak").get("environment");
    }

    /** Keycloak's HTTP port inside the network: its default unless compose sets KC_HTTP_PORT. */
    private static String keycloakContainerPort() {
        return String.valueOf(keycloakEnvironment().getOrDefault("KC_HTTP_PORT", "8080"));
    }

    /** The environment variables referenced by properties whose name starts with prefix, to their default (null: none). */
    private static Map<String, String> variables(Properties properties, String prefix) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            Matcher reference = VARIABLE.matcher(properties.getProperty(name));
            while (reference.find()) {
                variables.put(reference.group(1), reference.group(2) == null ? null : reference.group(2).substring(1));
            }
        }
        return variables;
    }

    /** What a property resolves to in compose: its value with the service's environment substituted. */
    private static String valueOf(Map<String, Object> environment, Properties properties, String property) {
        String value = properties.getProperty(property);
        assertNotNull(value, property);
        Matcher reference = VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            Object given = environment.get(reference.group(1));
            String replacement = given != null ? given.toString()
                    : reference.group(2) != null ? reference.group(2).substring(1) : "";
            reference.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }

    /** The claim every service reads for property (its default when unset): all of them must agree. */
    private static String claimReadBy(String property, String otherwise) throws IOException {
        Set<String> claims = new TreeSet<>();
        for (String service : SERVICES) {
            claims.add(applicationProperties(service).getProperty(property, otherwise));
        }
        assertEquals(1, claims.size(), "the services read " + property + " alike: " + claims);
        return claims.iterator().next();
    }

    /**
     * The role names of the platform's Roles, read from its source: this module does not depend on
     * platform, and a role added there must reach the realm.
     */
    private static Set<String> platformRoles() throws IOException {
        String source = Files.readString(
                Stack.root().resolve("platform/src/main/java/fr/passerelle/platform/security/Roles.java"));
        Matcher constant = Pattern.compile("public static final String [A-Z_]+ = \"([a-z-]+)\";").matcher(source);
        Set<String> roles = new TreeSet<>();
        while (constant.find()) {
            roles.add(constant.group(1));
        }
        assertTrue(roles.contains("ops") && roles.size() >= 4, "roles read from Roles.java: " + roles);
        return roles;
    }

    private static JsonNode staffClient(JsonNode realm) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals("passerelle-staff")).findFirst()
                .orElseThrow(() -> new AssertionError("the realm defines the client passerelle-staff"));
    }

    private static JsonNode mapperOf(JsonNode client, String claim) {
        JsonNode mapper = StreamSupport.stream(client.path("protocolMappers").spliterator(), false)
                .filter(candidate -> candidate.path("config").path("claim.name").asText().equals(claim)).findFirst()
                .orElseThrow(() -> new AssertionError("a protocol mapper writes the claim " + claim));
        assertEquals("openid-connect", mapper.path("protocol").asText());
        assertEquals("true", mapper.path("config").path("access.token.claim").asText(), claim + " is in the access token");
        return mapper;
    }

    private static JsonNode realm() throws IOException {
        return strictJson().readTree(Stack.root().resolve(REALM_FILE).toFile());
    }

    private static ObjectMapper strictJson() {
        return new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Variable names in text, with the header's {@code PREFIX_{A,B}} shorthand expanded. */
    private static Set<String> expandBraces(String text) {
        Set<String> names = new TreeSet<>();
        Matcher word = Pattern.compile("([A-Z][A-Z0-9_]*)(?:\\{([A-Z0-9_,]+)})?").matcher(text);
        while (word.find()) {
            if (word.group(2) == null) {
                names.add(word.group(1));
            } else {
                for (String suffix : word.group(2).split(",")) {
                    names.add(word.group(1) + suffix);
                }
            }
        }
        return names;
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Stack.root().resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static Map<String, Object> readCompose() {
        return readYaml("docker-compose.yml");
    }

    private static Map<String, Object> readYaml(String file) {
        try (Reader reader = Files.newBufferedReader(Stack.root().resolve(file))) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
