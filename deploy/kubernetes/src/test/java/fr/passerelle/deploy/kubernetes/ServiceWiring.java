package fr.passerelle.deploy.kubernetes;

import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a service does with Kafka, read from its own code: the topics its channels consume (its
 * application.properties), its consumer group (its application's name, platform MessagingDefaults), the
 * events it writes through its outbox (the contracts' payloads its sources build) and, through the
 * dead-letter strategy, the dead-letter topic of each topic it consumes.
 *
 * @param consumed  topics of its {@code mp.messaging.incoming.*} channels
 * @param scaledOn  the consumed topics of the pipeline, where lag means work waiting (not dead letters)
 * @param written   topics it produces to
 */
record ServiceWiring(String service, String group, Set<String> consumed, Set<String> scaledOn, Set<String> written) {

    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topics?");

    /** The five services, as their code is now. */
    static Stream<ServiceWiring> all() {
        return Stream.of("ingest", "quality", "catalog", "publish", "notification").map(ServiceWiring::of);
    }

    static ServiceWiring of(String name) {
        Path module = Manifests.REPOSITORY.resolve(name + "-service");
        return of(properties(module.resolve("src/main/resources/application.properties")),
                sources(module.resolve("src/main/java")));
    }

    /** The wiring a configuration and sources give: also used by the tests to rename one side only. */
    static ServiceWiring of(Properties config, String sources) {
        String group = config.getProperty("quarkus.application.name");
        Set<String> consumed = new TreeSet<>();
        Set<String> scaledOn = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            Matcher channel = CHANNEL_TOPIC.matcher(key);
            if (!channel.matches()) {
                continue;
            }
            Set<String> topics = Arrays.stream(config.getProperty(key).split(",")).map(String::trim)
                    .filter(topic -> !topic.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
            consumed.addAll(topics);
            String strategy = config.getProperty("mp.messaging.incoming." + channel.group(1) + ".failure-strategy",
                    "dead-letter-queue");
            for (String topic : topics) {
                if (!topic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                    scaledOn.add(topic);
                }
                if (strategy.equals("dead-letter-queue")) {
                    written.add(Topics.deadLetterOf(topic));
                }
            }
        }
        // Every service reads the revocations from the beginning, without a group (platform RevocationFeed).
        consumed.add(Topics.TOKENS_REVOKED);
        for (EventType type : EventType.values()) {
            if (Pattern.compile("new\\s+" + type.payloadType().getSimpleName() + "\\s*\\(").matcher(sources).find()) {
                written.add(type.topic());
            }
        }
        // platform AuditTrail: every service records who did what through its outbox.
        if (sources.contains("AuditTrail")) {
            written.add(Topics.AUDIT);
        }
        // Ingest's ops page (DeadLetterTopics) lists every dead-letter topic and replays a letter to the topic
        // it came from: it reads every dead-letter topic and may write any event topic.
        if (sources.contains("class DeadLetterTopics")) {
            Topics.EVENT_TOPICS.forEach(topic -> consumed.add(Topics.deadLetterOf(topic)));
            written.addAll(Topics.EVENT_TOPICS);
        }
        return new ServiceWiring(group, group, consumed, scaledOn, written);
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String sources(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
