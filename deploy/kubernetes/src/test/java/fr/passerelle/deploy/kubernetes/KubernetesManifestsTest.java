package fr.passerelle.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.contracts.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes checked without a cluster: parsed by fabric8, the custom resources validated against
 * their operators' CRDs, the kustomizations' references resolved, and the Kafka wiring compared with the
 * code (contracts' topics, the services' channels, groups and outboxes), both ways.
 */
class KubernetesManifestsTest {

    private static final Set<String> OPERATOR_GROUPS = Set.of("kafka.strimzi.io", "postgresql.cnpg.io", "keda.sh");
    private static final CustomResourceDefinitions CRDS = new CustomResourceDefinitions(Path.of("src/test/resources/crds"));
    private final List<Manifest> base = Manifests.base();

    @Test
    void everyDocumentIsAResourceFabric8Reads() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        int read = 0;
        for (Path file : Manifests.files()) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (Manifest manifest : Manifests.read(file)) {
                KubernetesResource resource = serialization.unmarshal(manifest.body().toString(), KubernetesResource.class);
                HasMetadata named = assertInstanceOf(HasMetadata.class, resource, manifest.toString());
                assertFalse(named.getMetadata().getName().isBlank(), manifest + " has a name");
                if (!OPERATOR_GROUPS.contains(manifest.group())) {
                    // Kubernetes' own kinds get fabric8's typed model: a misspelt kind or apiVersion would not.
                    assertFalse(resource instanceof GenericKubernetesResource, manifest + " is a kind fabric8 knows");
                }
                read++;
            }
        }
        assertTrue(read > 20, "the manifests were read: " + read);
    }

    @Test
    void everyCustomResourceIsValidByItsOperatorsDefinition() {
        List<String> problems = new ArrayList<>();
        List<Manifest> custom = base.stream().filter(manifest -> OPERATOR_GROUPS.contains(manifest.group())).toList();
        custom.forEach(manifest -> problems.addAll(CRDS.problems(manifest)));
        assertEquals(List.of(), problems);
        assertTrue(custom.size() >= 30, "Kafka, node pools, topics, users, database, scaling: " + custom.size());
    }

    @Test
    void theCheckRefusesAFieldTheOperatorDoesNotKnowOrAValueOfTheWrongType() {
        Manifest topic = Manifests.ofKind(base, "KafkaTopic").get(0);
        ObjectNode misspelt = topic.body().deepCopy();
        ((ObjectNode) misspelt.path("spec")).put("partition", 12);
        assertTrue(CRDS.problems(new Manifest(topic.file(), 0, misspelt)).stream()
                .anyMatch(problem -> problem.contains("unknown field .spec.partition")));
        ObjectNode wrongType = topic.body().deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("partitions", "douze");
        assertFalse(CRDS.problems(new Manifest(topic.file(), 0, wrongType)).isEmpty(), "partitions is an integer");
        ObjectNode unknownKind = ((ObjectNode) topic.body().deepCopy()).put("kind", "KafkaTopics");
        assertFalse(CRDS.problems(new Manifest(topic.file(), 0, unknownKind)).isEmpty());
    }

    @Test
    void theKustomizationsNameFilesThatExistAndPatchResourcesOfTheBase() {
        for (Path file : Manifests.files()) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            JsonNode kustomization = Manifests.yaml(file);
            Path folder = file.getParent();
            for (JsonNode resource : kustomization.path("resources")) {
                assertTrue(Files.exists(folder.resolve(resource.asText())), file + " names " + resource.asText());
            }
            for (JsonNode patch : kustomization.path("patches")) {
                Path patchFile = folder.resolve(patch.path("path").asText());
                assertTrue(Files.exists(patchFile), file + " patches with " + patchFile);
                for (Manifest target : Manifests.read(patchFile)) {
                    assertTrue(base.stream().anyMatch(resource -> resource.kind().equals(target.kind())
                                    && resource.name().equals(target.name())),
                            target + " patches a resource of the base");
                }
            }
        }
        Set<String> listed = new java.util.TreeSet<>();
        Manifests.yaml(Manifests.BASE.resolve("kustomization.yaml")).path("resources")
                .forEach(resource -> listed.add(resource.asText()));
        Set<String> present = Manifests.files().stream().filter(file -> file.startsWith(Manifests.BASE))
                .map(file -> Manifests.BASE.relativize(file).toString()).filter(name -> !name.equals("kustomization.yaml"))
                .collect(Collectors.toSet());
        assertEquals(present, listed, "every file of base/ is in its kustomization, so nothing is left out of an install");
    }

    @Test
    void everyTopicOfContractsIsAKafkaTopicAndNothingElseIs() {
        assertEquals(List.of(), KafkaWiring.topicProblems(Manifests.ofKind(base, "KafkaTopic"), Topics.all()));
    }

    @Test
    void aTopicRenamedInContractsOnlyIsCaught() {
        List<String> renamed = new ArrayList<>(Topics.all());
        renamed.replaceAll(topic -> topic.equals(Topics.QUALITY_CHECKED) ? "passerelle.quality.checked.v2" : topic);
        List<String> problems = KafkaWiring.topicProblems(Manifests.ofKind(base, "KafkaTopic"), renamed);
        assertTrue(problems.contains("topic passerelle.quality.checked.v2 of contracts has no KafkaTopic"), problems.toString());
        assertTrue(problems.contains("KafkaTopic passerelle.quality.checked.v1 is no topic of contracts"), problems.toString());
    }

    @Test
    void eachServicesKafkaUserAllowsExactlyTheTopicsAndTheGroupItsCodeUses() {
        List<String> problems = new ArrayList<>();
        ServiceWiring.all().forEach(service -> problems.addAll(KafkaWiring.userProblems(user(service.service()), service)));
        assertEquals(List.of(), problems);
    }

    @Test
    void eachConsumingServiceScalesOnItsOwnGroupsLagWithinItsPartitions() {
        Map<String, Integer> partitions = KafkaWiring.partitions(Manifests.ofKind(base, "KafkaTopic"));
        List<String> problems = new ArrayList<>();
        ServiceWiring.all().forEach(service -> problems.addAll(
                KafkaWiring.scalingProblems(scaledObject(service.service()), service, partitions)));
        assertEquals(List.of(), problems);
    }

    @Test
    void aChannelRenamedInAServiceOnlyIsCaughtByItsUserAndItsScaling() {
        Properties config = ServiceWiring.properties(
                Manifests.REPOSITORY.resolve("quality-service/src/main/resources/application.properties"));
        config.setProperty("mp.messaging.incoming.upload-received.topic", "passerelle.upload.received.v2");
        ServiceWiring renamed = ServiceWiring.of(config, "new QualityChecked( AuditTrail");
        assertTrue(KafkaWiring.userProblems(user("quality-service"), renamed).stream()
                .anyMatch(problem -> problem.contains("passerelle.upload.received.v2 is used by the code but missing")));
        assertTrue(KafkaWiring.scalingProblems(scaledObject("quality-service"), renamed,
                        KafkaWiring.partitions(Manifests.ofKind(base, "KafkaTopic"))).stream()
                .anyMatch(problem -> problem.contains("passerelle.upload.received.v1 is in the manifest but not used")));
        config.setProperty("quarkus.application.name", "qualite");
        assertTrue(KafkaWiring.userProblems(user("quality-service"), ServiceWiring.of(config, "")).stream()
                .anyMatch(problem -> problem.contains("its service's is qualite")));
    }

    @Test
    void noSecretIsWrittenInTheManifests() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<String> problems = new ArrayList<>();
        for (Path file : Manifests.files()) {
            for (Manifest manifest : Manifests.read(file)) {
                assertFalse(manifest.kind().equals("Secret"), manifest + ": Secrets are made at install, never committed");
                if (manifest.kind().equals("Deployment") && manifest.spec().has("template")) {
                    // A Deployment may also name a file of a Secret it mounts (a key file's path).
                    problems.addAll(GeneratedManifests.plainSecretProblems(
                            serialization.unmarshal(manifest.body().toString(), Deployment.class)));
                    continue;
                }
                manifest.body().findParents("env").forEach(holder -> holder.path("env").forEach(variable -> {
                    if (Manifests.SECRETISH.matcher(variable.path("name").asText()).matches()
                            && !(variable.has("valueFrom") && !variable.has("value"))) {
                        problems.add(manifest + ": " + variable.path("name").asText() + " does not come from a Secret");
                    }
                }));
            }
        }
        assertEquals(List.of(), problems);
    }

    private Manifest user(String name) {
        return Manifests.ofKind(base, "KafkaUser").stream().filter(user -> user.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaUser " + name));
    }

    private Manifest scaledObject(String name) {
        return Manifests.ofKind(base, "ScaledObject").stream().filter(scaled -> scaled.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ScaledObject " + name));
    }
}
