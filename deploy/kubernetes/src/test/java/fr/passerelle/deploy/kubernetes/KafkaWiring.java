package fr.passerelle.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules that tie the Kafka manifests (KafkaTopic, KafkaUser, ScaledObject) to the code: each
 * returns what is wrong, in words, so a test can show that a rename on one side only is caught.
 */
final class KafkaWiring {

    private KafkaWiring() {
    }

    /** Every topic of contracts is a KafkaTopic and nothing else is; replicated as the design says. */
    static List<String> topicProblems(List<Manifest> topics, List<String> contractTopics) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        for (Manifest topic : topics) {
            String name = topic.spec().path("topicName").asText(topic.name());
            declared.add(name);
            JsonNode config = topic.spec().path("config");
            if (topic.spec().path("replicas").asInt() != 3) {
                problems.add(name + ": replicas must be 3");
            }
            if (config.path("min.insync.replicas").asInt() != 2) {
                problems.add(name + ": min.insync.replicas must be 2");
            }
            boolean compacted = "compact".equals(config.path("cleanup.policy").asText());
            if (compacted != Topics.COMPACTED.contains(name)) {
                problems.add(name + (compacted ? ": compacted but contracts keep it by age" : ": must be compacted"));
            }
            if (name.endsWith(Topics.DEAD_LETTER_SUFFIX) && !config.has("retention.ms")) {
                problems.add(name + ": a dead-letter topic states how long it keeps its letters (retention.ms)");
            }
        }
        Set<String> expected = new TreeSet<>(contractTopics);
        for (String missing : difference(expected, declared)) {
            problems.add("topic " + missing + " of contracts has no KafkaTopic");
        }
        for (String extra : difference(declared, expected)) {
            problems.add("KafkaTopic " + extra + " is no topic of contracts");
        }
        return problems;
    }

    /** A service's KafkaUser allows exactly what its code does: reads, writes, its group. */
    static List<String> userProblems(Manifest user, ServiceWiring service) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> topicOperations = new TreeMap<>();
        Set<String> groupsRead = new TreeSet<>();
        for (JsonNode acl : user.spec().path("authorization").path("acls")) {
            String type = acl.path("resource").path("type").asText();
            String name = acl.path("resource").path("name").asText();
            Set<String> operations = new TreeSet<>();
            acl.path("operations").forEach(operation -> operations.add(operation.asText()));
            if (type.equals("topic")) {
                topicOperations.computeIfAbsent(name, n -> new TreeSet<>()).addAll(operations);
            } else if (type.equals("group") && operations.contains("Read")) {
                groupsRead.add(name);
            }
        }
        Set<String> reads = withOperation(topicOperations, "Read");
        Set<String> writes = withOperation(topicOperations, "Write");
        compare(user.name() + " reads", service.consumed(), reads, problems);
        compare(user.name() + " writes", service.written(), writes, problems);
        if (!groupsRead.equals(Set.of(service.group()))) {
            problems.add(user.name() + " may read the groups " + groupsRead + ", its service's is " + service.group());
        }
        return problems;
    }

    /** A ScaledObject watches its service's group on the topics it consumes, never above their partitions. */
    static List<String> scalingProblems(Manifest scaled, ServiceWiring service, Map<String, Integer> partitions) {
        List<String> problems = new ArrayList<>();
        if (!scaled.spec().path("scaleTargetRef").path("name").asText().equals(service.service())) {
            problems.add(scaled + " scales " + scaled.spec().path("scaleTargetRef").path("name").asText());
        }
        Set<String> watched = new TreeSet<>();
        for (JsonNode trigger : scaled.spec().path("triggers")) {
            if (!trigger.path("type").asText().equals("kafka")) {
                continue;
            }
            JsonNode metadata = trigger.path("metadata");
            watched.add(metadata.path("topic").asText());
            if (!metadata.path("consumerGroup").asText().equals(service.group())) {
                problems.add(scaled + " watches group " + metadata.path("consumerGroup").asText() + ", the service's is "
                        + service.group());
            }
        }
        compare(scaled + " watches", service.scaledOn(), watched, problems);
        int max = scaled.spec().path("maxReplicaCount").asInt();
        for (String topic : watched) {
            Integer count = partitions.get(topic);
            if (count != null && max > count) {
                problems.add(scaled + ": maxReplicaCount " + max + " is above the " + count + " partitions of " + topic);
            }
        }
        return problems;
    }

    static Map<String, Integer> partitions(List<Manifest> topics) {
        return topics.stream().collect(Collectors.toMap(topic -> topic.spec().path("topicName").asText(topic.name()),
                topic -> topic.spec().path("partitions").asInt(), (a, b) -> a, TreeMap::new));
    }

    private static Set<String> withOperation(Map<String, Set<String>> topicOperations, String operation) {
        return topicOperations.entrySet().stream().filter(entry -> entry.getValue().contains(operation))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void compare(String what, Set<String> code, Set<String> manifest, List<String> problems) {
        for (String missing : difference(code, manifest)) {
            problems.add(what + ": " + missing + " is used by the code but missing from the manifest");
        }
        for (String extra : difference(manifest, code)) {
            problems.add(what + ": " + extra + " is in the manifest but not used by the code");
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
