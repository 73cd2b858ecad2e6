package fr.passerelle.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * base/services/: each Quarkus module's Deployment and Service, as quarkus-kubernetes generates them from its
 * configuration. The committed files are the build's output, and what they say agrees with the modules' code:
 * probes on the health checks and the port the module answers on, only variables the module reads, no secret in
 * plain text, the engines' Secrets and ConfigMaps they name made by someone, and KEDA scaling these Deployments.
 */
class GeneratedManifestsTest {

    private static final List<String> CONSUMERS = List.of("ingest-service", "quality-service", "catalog-service",
            "publish-service", "notification-service");
    private final List<Manifest> base = Manifests.base();

    @Test
    void eachCommittedManifestIsWhatTheModulesLastBuildGenerated() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : ServiceConfiguration.MODULES) {
            Path generated = GeneratedManifests.generated(module);
            if (!Files.exists(generated)) {
                problems.add(generated + " is missing: build the modules first (./mvnw install)");
                continue;
            }
            // An older output than its sources would compare against the past: build, then test.
            for (Path source : sources(module)) {
                FileTime changed = Files.getLastModifiedTime(source);
                if (changed.compareTo(Files.getLastModifiedTime(generated)) > 0) {
                    problems.add(generated + " is older than " + source + ": build " + module + " again");
                }
            }
            // The same documents, key for key: dekorate does not always write a map's keys in the same order.
            Path committed = GeneratedManifests.committed(module);
            if (!Files.readString(committed).startsWith(GeneratedManifests.header(module))
                    || !documents(committed).equals(documents(generated))) {
                problems.add(committed + " is not " + module
                        + "'s build output: run deploy/kubernetes/generate.sh and commit the result");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void eachModuleIsADeploymentAndAServiceProbedOnItsHealthChecksWhereItAnswersThem() {
        List<String> problems = new ArrayList<>();
        for (String module : ServiceConfiguration.MODULES) {
            problems.addAll(GeneratedManifests.probeProblems(GeneratedManifests.deployment(module),
                    GeneratedManifests.service(module), ServiceConfiguration.of(module)));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aProbeOnAnotherPortOrPathThanTheServicesIsCaught() {
        ServiceConfiguration quality = ServiceConfiguration.of("quality-service");
        Properties moved = (Properties) quality.properties().clone();
        moved.setProperty("quarkus.http.port", "8090");
        List<String> problems = GeneratedManifests.probeProblems(GeneratedManifests.deployment("quality-service"),
                GeneratedManifests.service("quality-service"), ServiceConfiguration.of("quality-service", moved));
        assertTrue(problems.contains("quality-service readiness asks port 8082, health answers on 8090"), problems.toString());
        assertTrue(problems.contains("quality-service: no container port http 8090 (quarkus.http.port)"), problems.toString());
        moved = (Properties) quality.properties().clone();
        moved.setProperty("quarkus.smallrye-health.root-path", "sante");
        problems = GeneratedManifests.probeProblems(GeneratedManifests.deployment("quality-service"),
                GeneratedManifests.service("quality-service"), ServiceConfiguration.of("quality-service", moved));
        assertTrue(problems.contains("quality-service liveness asks /q/health/live, the health check is at /q/sante/live"),
                problems.toString());
    }

    @Test
    void everyVariableADeploymentSetsIsOneItsModulesConfigurationReads() {
        List<String> problems = new ArrayList<>();
        for (String module : ServiceConfiguration.MODULES) {
            problems.addAll(GeneratedManifests.environmentProblems(GeneratedManifests.deployment(module),
                    ServiceConfiguration.of(module)));
        }
        assertEquals(List.of(), problems);
        // The check has something to check: the datasource, Kafka's security and S3 are all set.
        Set<String> ingest = GeneratedManifests.container(GeneratedManifests.deployment("ingest-service")).getEnv().stream()
                .map(EnvVar::getName).collect(Collectors.toSet());
        assertTrue(ingest.containsAll(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_JAAS_CONFIG", "PASSERELLE_S3_SECRET_KEY")), ingest.toString());
    }

    @Test
    void aVariableRenamedOnOneSideOnlyIsCaught() {
        // The configuration moves on (catalog to a reactive datasource), the Deployment does not.
        ServiceConfiguration catalog = ServiceConfiguration.of("catalog-service");
        Properties reactive = (Properties) catalog.properties().clone();
        reactive.remove("quarkus.datasource.jdbc.url");
        reactive.setProperty("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/passerelle");
        assertEquals(List.of("catalog-service sets QUARKUS_DATASOURCE_JDBC_URL, which no property of catalog-service's"
                        + " configuration reads"),
                GeneratedManifests.environmentProblems(GeneratedManifests.deployment("catalog-service"),
                        ServiceConfiguration.of("catalog-service", reactive)));
        // The Deployment moves on, the configuration does not.
        Deployment renamed = new DeploymentBuilder(GeneratedManifests.deployment("catalog-service")).build();
        List<EnvVar> env = GeneratedManifests.container(renamed).getEnv();
        env.replaceAll(variable -> variable.getName().equals("PASSERELLE_QUALITY_BASE_URL")
                ? new EnvVarBuilder(variable).withName("PASSERELLE_QUALITY_URL").build() : variable);
        assertEquals(List.of("catalog-service sets PASSERELLE_QUALITY_URL, which no property of catalog-service's"
                        + " configuration reads"),
                GeneratedManifests.environmentProblems(renamed, catalog));
        // A Kafka client property misspelt is no Kafka client property.
        env.add(new EnvVar("KAFKA_SASL_MECHANISMS", "SCRAM-SHA-512", null));
        assertTrue(GeneratedManifests.environmentProblems(renamed, catalog).contains("catalog-service sets"
                + " KAFKA_SASL_MECHANISMS, which no property of catalog-service's configuration reads"));
    }

    @Test
    void everyKafkaClientMadeByHandTakesTheSecurityTheDeploymentsSet() throws IOException {
        // The channels get KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* and KAFKA_SSL_* by themselves; a client built in code
        // gets them only through platform's KafkaClientSecurity, one call per client built.
        java.util.regex.Pattern client = java.util.regex.Pattern.compile("new Kafka(Producer|Consumer)<|Admin\\.create\\(");
        List<String> problems = new ArrayList<>();
        int clients = 0;
        for (String module : List.of("platform", "ingest-service", "quality-service", "catalog-service", "publish-service",
                "notification-service")) {
            try (var files = Files.walk(Manifests.REPOSITORY.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    long built = client.matcher(source).results().count();
                    long secured = java.util.regex.Pattern.compile("KafkaClientSecurity\\.properties\\(\\)").matcher(source)
                            .results().count();
                    clients += built;
                    if (built > secured) {
                        problems.add(file.getFileName() + " builds " + built + " Kafka client(s), " + secured
                                + " with KafkaClientSecurity.properties()");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(clients >= 5, "the relay, the revocation feed, the dead-letter reader and replayer, the lag reader: " + clients);
    }

    /** Local addresses a Deployment may leave, and why. */
    private static final Map<String, String> UNUSED_IN_A_CLUSTER = Map.of(
            "quarkus.otel.exporter.otlp.traces.endpoint",
            "read only when PASSERELLE_OTEL_EXPORTER is otlp; the base runs no collector and leaves the exporter off");

    @Test
    void noModuleIsLeftLookingForItsPeersOnItsOwnPod() {
        List<String> problems = new ArrayList<>();
        for (String module : ServiceConfiguration.MODULES) {
            problems.addAll(GeneratedManifests.localAddressProblems(GeneratedManifests.deployment(module),
                    ServiceConfiguration.of(module), UNUSED_IN_A_CLUSTER));
        }
        assertEquals(List.of(), problems);
        assertTrue(ServiceConfiguration.of("catalog-service").localAddresses().keySet().containsAll(Set.of(
                "kafka.bootstrap.servers", "quarkus.datasource.jdbc.url", "passerelle.quality.base-url", "passerelle.s3.endpoint")));
        assertEquals(Set.of("QUARKUS_HTTP_HOST"), ServiceConfiguration.of("staff-app").localAddresses().get("quarkus.http.host"));
    }

    @Test
    void aNewLocalAddressTheDeploymentDoesNotReplaceIsCaught() {
        // A new server the service reaches (here a REST client's) must be given its address in the cluster too.
        Properties reaching = (Properties) ServiceConfiguration.of("catalog-service").properties().clone();
        reaching.setProperty("quarkus.rest-client.geo.url", "http://127.0.0.1:8099");
        assertEquals(List.of("catalog-service leaves quarkus.rest-client.geo.url at this machine's address: set"
                        + " QUARKUS_REST_CLIENT_GEO_URL"),
                GeneratedManifests.localAddressProblems(GeneratedManifests.deployment("catalog-service"),
                        ServiceConfiguration.of("catalog-service", reaching), UNUSED_IN_A_CLUSTER));
    }

    @Test
    void noSecretIsAValueInAGeneratedDeployment() {
        List<String> problems = new ArrayList<>();
        for (String module : ServiceConfiguration.MODULES) {
            problems.addAll(GeneratedManifests.plainSecretProblems(GeneratedManifests.deployment(module)));
        }
        assertEquals(List.of(), problems);
        Deployment leaked = new DeploymentBuilder(GeneratedManifests.deployment("publish-service")).build();
        GeneratedManifests.container(leaked).getEnv().replaceAll(variable -> variable.getName().equals("PASSERELLE_SECRETS_KEY")
                ? new EnvVar(variable.getName(), "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", null)
                : variable);
        assertEquals(List.of("publish-service: PASSERELLE_SECRETS_KEY is neither a Secret's key nor a file of a mounted Secret"),
                GeneratedManifests.plainSecretProblems(leaked));
        // A signing key is a secret too: the key of notification's unsubscribe links.
        Deployment signing = new DeploymentBuilder(GeneratedManifests.deployment("notification-service")).build();
        GeneratedManifests.container(signing).getEnv().replaceAll(variable ->
                variable.getName().equals("PASSERELLE_NOTIFICATIONS_SIGNING_KEY")
                        ? new EnvVar(variable.getName(), "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", null)
                        : variable);
        assertEquals(List.of("notification-service: PASSERELLE_NOTIFICATIONS_SIGNING_KEY is neither a Secret's key nor a"
                + " file of a mounted Secret"), GeneratedManifests.plainSecretProblems(signing));
    }

    @Test
    void notificationReachesTheInstallsSmtpRelayWithTheLoginOfItsSecret() {
        JsonNode env = Manifests.JSON.valueToTree(
                GeneratedManifests.container(GeneratedManifests.deployment("notification-service")).getEnv());
        Map<String, String> from = new java.util.TreeMap<>();
        env.forEach(variable -> {
            JsonNode source = variable.path("valueFrom");
            String origin = source.has("secretKeyRef")
                    ? "Secret " + source.path("secretKeyRef").path("name").asText() + "/" + source.path("secretKeyRef").path("key").asText()
                    : source.has("configMapKeyRef")
                    ? "ConfigMap " + source.path("configMapKeyRef").path("name").asText() + "/" + source.path("configMapKeyRef").path("key").asText()
                    : variable.path("value").asText();
            from.put(variable.path("name").asText(), origin);
        });
        // The local stack's GreenMail takes any mail without TLS or login; a real relay is asked with both.
        assertEquals("ConfigMap passerelle/smtp-host", from.get("QUARKUS_MAILER_HOST"));
        assertEquals("ConfigMap passerelle/smtp-port", from.get("QUARKUS_MAILER_PORT"));
        assertEquals("REQUIRED", from.get("QUARKUS_MAILER_START_TLS"));
        assertEquals("REQUIRED", from.get("QUARKUS_MAILER_LOGIN"));
        assertEquals("Secret passerelle-smtp/username", from.get("QUARKUS_MAILER_USERNAME"));
        assertEquals("Secret passerelle-smtp/password", from.get("QUARKUS_MAILER_PASSWORD"));
        assertEquals("Secret passerelle-notification/signing-key", from.get("PASSERELLE_NOTIFICATIONS_SIGNING_KEY"));
        Set<String> keys = new TreeSet<>();
        Manifests.ofKind(base, "ConfigMap").stream().filter(map -> map.name().equals("passerelle"))
                .forEach(map -> map.body().path("data").fieldNames().forEachRemaining(keys::add));
        from.values().stream().filter(origin -> origin.startsWith("ConfigMap passerelle/"))
                .forEach(origin -> assertTrue(keys.contains(origin.substring("ConfigMap passerelle/".length())),
                        origin + " is a key of base/passerelle-config.yaml"));
    }

    @Test
    void everySecretAndConfigMapTheModulesNameIsMadeByTheBaseAnOperatorOrTheInstall() throws IOException {
        Set<String> configMaps = Manifests.ofKind(base, "ConfigMap").stream().map(Manifest::name)
                .collect(Collectors.toCollection(TreeSet::new));
        // Strimzi writes a Secret per KafkaUser (its name) and the cluster's CA certificate.
        Set<String> secrets = Manifests.ofKind(base, "KafkaUser").stream().map(Manifest::name)
                .collect(Collectors.toCollection(TreeSet::new));
        secrets.add(Manifests.ofKind(base, "Kafka").get(0).name() + "-cluster-ca-cert");
        // CloudNativePG reads each role's password from the Secret the install makes for it (postgres.yaml).
        Manifests.ofKind(base, "Cluster").forEach(cluster -> cluster.spec().path("managed").path("roles")
                .forEach(role -> secrets.add(role.path("passwordSecret").path("name").asText())));
        // The install makes the rest, with the commands of the README's « Secrets ».
        String readme = Files.readString(Manifests.ROOT.resolve("README.md"));
        List<String> problems = new ArrayList<>();
        for (String module : ServiceConfiguration.MODULES) {
            Deployment deployment = GeneratedManifests.deployment(module);
            JsonNode pod = Manifests.JSON.valueToTree(deployment.getSpec().getTemplate().getSpec());
            pod.findValues("secretKeyRef").forEach(ref -> check(module, "Secret", ref.path("name").asText(), secrets, readme, problems));
            pod.findValues("secretName").forEach(name -> check(module, "Secret", name.asText(), secrets, readme, problems));
            pod.findValues("configMapKeyRef").forEach(ref -> check(module, "ConfigMap", ref.path("name").asText(), configMaps, readme, problems));
            pod.findValues("configMap").forEach(ref -> check(module, "ConfigMap", ref.path("name").asText(), configMaps, readme, problems));
        }
        assertEquals(List.of(), problems);
        // Each service talks to Kafka as its own KafkaUser, and to PostgreSQL as its own role.
        for (String module : CONSUMERS) {
            JsonNode env = Manifests.JSON.valueToTree(GeneratedManifests.container(GeneratedManifests.deployment(module)).getEnv());
            Map<String, String> fromSecret = new java.util.TreeMap<>();
            env.forEach(variable -> fromSecret.put(variable.path("name").asText(),
                    variable.path("valueFrom").path("secretKeyRef").path("name").asText()));
            assertEquals(module, fromSecret.get("KAFKA_SASL_JAAS_CONFIG"), module + "'s KafkaUser");
            String role = ServiceConfiguration.of(module).properties().getProperty("quarkus.datasource.username");
            assertEquals("passerelle-db-" + role, fromSecret.get("QUARKUS_DATASOURCE_PASSWORD"), module + "'s role");
        }
    }

    private static void check(String module, String kind, String name, Set<String> made, String readme, List<String> problems) {
        String command = kind.equals("Secret") ? "create secret generic " + name + " " : "create configmap " + name + " ";
        if (!made.contains(name) && !readme.contains(command)) {
            problems.add(module + " reads the " + kind + " " + name + ", which neither the base, an operator nor the README makes");
        }
    }

    @Test
    void eachConsumingServiceIsScaledByKedaAndKeptUpByItsDisruptionBudget() {
        assertEquals(List.of(), scalingProblems(deployments()));
        List<String> problems = new ArrayList<>();
        for (Manifest budget : Manifests.ofKind(base, "PodDisruptionBudget")) {
            Map<String, String> selector = Manifests.JSON.convertValue(budget.spec().path("selector").path("matchLabels"),
                    Manifests.JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            boolean selects = base.stream().filter(manifest -> Set.of("Deployment", "StatefulSet").contains(manifest.kind()))
                    .map(manifest -> manifest.spec().path("template").path("metadata").path("labels"))
                    .anyMatch(labels -> selector.entrySet().stream()
                            .allMatch(label -> label.getValue().equals(labels.path(label.getKey()).asText(null))));
            if (!selects) {
                problems.add("PodDisruptionBudget " + budget.name() + " selects no pod of the base");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aDeploymentRenamedOnItsOwnIsCaughtByItsScaling() {
        Map<String, Deployment> renamed = deployments();
        renamed.put("publish-service", new DeploymentBuilder(renamed.get("publish-service"))
                .editMetadata().withName("publication-service").endMetadata().build());
        assertEquals(List.of("ScaledObject publish-service targets publish-service, no generated Deployment",
                        "publication-service (publish-service) consumes events but no ScaledObject scales it"),
                scalingProblems(renamed));
    }

    /** Each ScaledObject scales a generated Deployment, within its bounds; each consuming module's Deployment is scaled. */
    private List<String> scalingProblems(Map<String, Deployment> byModule) {
        List<String> problems = new ArrayList<>();
        Map<String, Deployment> byName = byModule.values().stream()
                .collect(Collectors.toMap(deployment -> deployment.getMetadata().getName(), deployment -> deployment));
        List<Manifest> scaledObjects = Manifests.ofKind(base, "ScaledObject");
        for (Manifest scaled : scaledObjects) {
            JsonNode target = scaled.spec().path("scaleTargetRef");
            String name = target.path("name").asText();
            if (!target.path("kind").asText("Deployment").equals("Deployment") || !byName.containsKey(name)) {
                problems.add("ScaledObject " + scaled.name() + " targets " + name + ", no generated Deployment");
                continue;
            }
            int replicas = byName.get(name).getSpec().getReplicas();
            if (replicas < scaled.spec().path("minReplicaCount").asInt() || replicas > scaled.spec().path("maxReplicaCount").asInt()) {
                problems.add(name + " starts with " + replicas + " replicas, outside its ScaledObject's bounds");
            }
        }
        Set<String> targets = scaledObjects.stream()
                .map(scaled -> scaled.spec().path("scaleTargetRef").path("name").asText()).collect(Collectors.toSet());
        for (String module : CONSUMERS) {
            String name = byModule.get(module).getMetadata().getName();
            if (!targets.contains(name)) {
                problems.add(name + " (" + module + ") consumes events but no ScaledObject scales it");
            }
        }
        return problems;
    }

    private static Map<String, Deployment> deployments() {
        Map<String, Deployment> deployments = new java.util.LinkedHashMap<>();
        ServiceConfiguration.MODULES.forEach(module -> deployments.put(module, GeneratedManifests.deployment(module)));
        return deployments;
    }

    private static List<JsonNode> documents(Path file) {
        return Manifests.read(file).stream().map(Manifest::body).toList();
    }

    /** What the module's manifest is generated from: a change to any of them asks for a new build. */
    private static List<Path> sources(String module) {
        List<Path> sources = new ArrayList<>(List.of(Manifests.REPOSITORY.resolve(module).resolve("pom.xml"),
                Manifests.REPOSITORY.resolve(module).resolve("src/main/resources/application.properties")));
        if (ServiceConfiguration.dependsOnPlatform(Manifests.REPOSITORY.resolve(module).resolve("pom.xml"))) {
            sources.add(ServiceConfiguration.PLATFORM_DEFAULTS);
        }
        Path handWritten = Manifests.REPOSITORY.resolve(module).resolve("src/main/kubernetes/kubernetes.yml");
        if (Files.exists(handWritten)) {
            sources.add(handWritten);
        }
        return sources;
    }
}
