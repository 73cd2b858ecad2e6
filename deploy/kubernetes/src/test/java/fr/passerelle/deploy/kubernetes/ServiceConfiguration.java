package fr.passerelle.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What a Quarkus module reads from its environment, derived from its configuration files only (its
 * application.properties, and platform's META-INF/microprofile-config.properties when it depends on platform), so
 * that a property renamed or removed there (a move to a reactive datasource, say) is seen at once.
 *
 * <p>An environment variable is read when it is the environment form of a property those files name (Quarkus'
 * mapping: every character that is not a letter or a digit becomes {@code _}, then upper case), or the name of a
 * {@code ${...}} expression in one of their values; and, for a Kafka user, when it is {@code KAFKA_} followed by a
 * Kafka client property (the channels take every {@code kafka.*} property, an environment variable's {@code _}
 * read as {@code .}).
 */
record ServiceConfiguration(String module, Properties properties, Set<String> variables, boolean usesKafka) {

    static final Path PLATFORM_DEFAULTS =
            Manifests.REPOSITORY.resolve("platform/src/main/resources/META-INF/microprofile-config.properties");
    /** The six Quarkus modules the base deploys, each generating its own manifest. */
    static final List<String> MODULES = List.of("ingest-service", "quality-service", "catalog-service", "publish-service",
            "notification-service", "staff-app");

    private static final Pattern LOCAL = Pattern.compile("//(127\\.0\\.0\\.1|localhost)\\b|^(127\\.0\\.0\\.1|localhost)[:/]|:(127\\.0\\.0\\.1)\\}");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)");
    private static final Set<String> KAFKA_CLIENT_PROPERTIES = kafkaClientProperties();

    static ServiceConfiguration of(String module) {
        Path folder = Manifests.REPOSITORY.resolve(module);
        List<Path> files = new ArrayList<>();
        if (dependsOnPlatform(folder.resolve("pom.xml"))) {
            files.add(PLATFORM_DEFAULTS);
        }
        files.add(folder.resolve("src/main/resources/application.properties"));
        Properties merged = new Properties();
        files.stream().filter(Files::exists).forEach(file -> merged.putAll(ServiceWiring.properties(file)));
        return of(module, merged);
    }

    /** The configuration these properties give: also used by the tests to rename a property on one side only. */
    static ServiceConfiguration of(String module, Properties properties) {
        Set<String> variables = new TreeSet<>();
        boolean kafka = false;
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue; // another profile's value: not what runs in a cluster
            }
            String name = key.startsWith("%prod.") ? key.substring("%prod.".length()) : key;
            if (name.startsWith("quarkus.kubernetes.") || name.startsWith("quarkus.container-image.")) {
                continue; // build-time settings of the manifests themselves, never read at run time
            }
            variables.add(environmentName(name));
            Matcher expression = EXPRESSION.matcher(properties.getProperty(key));
            while (expression.find()) {
                variables.add(environmentName(expression.group(1).trim()));
            }
            kafka |= properties.getProperty(key).trim().equals("smallrye-kafka");
        }
        return new ServiceConfiguration(module, properties, variables, kafka);
    }

    /** Quarkus' environment form of a property name: {@code quarkus.datasource.jdbc.url} is {@code QUARKUS_DATASOURCE_JDBC_URL}. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * The properties whose value (or default) is an address of this machine, each with the variables that would
     * replace it: its own environment form, or the variable of the {@code ${VAR:default}} expression holding it.
     * In a cluster, each must be replaced, or the module would look for its peers on its own pod.
     */
    Map<String, Set<String>> localAddresses() {
        Map<String, Set<String>> local = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            String name = key.startsWith("%prod.") ? key.substring("%prod.".length()) : key;
            String value = properties.getProperty(key);
            if (name.startsWith("quarkus.kubernetes.") || !LOCAL.matcher(value).find()) {
                continue;
            }
            Set<String> replacements = new TreeSet<>(Set.of(environmentName(name)));
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                replacements.add(environmentName(expression.group(1).trim()));
            }
            local.put(name, replacements);
        }
        return local;
    }

    /** Whether the module reads this environment variable (see the class comment). */
    boolean reads(String variable) {
        if (variables.contains(variable)) {
            return true;
        }
        return usesKafka && variable.startsWith("KAFKA_")
                && KAFKA_CLIENT_PROPERTIES.contains(variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                .replace('_', '.'));
    }

    /** The port the module's HTTP endpoints, health included, answer on. */
    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port").orElse("8080"));
    }

    /** Where SmallRye Health answers: management interface or main port, non-application root, health root. */
    String healthPath(String check) {
        String root = property("quarkus.http.non-application-root-path").orElse("q").replaceAll("^/|/$", "");
        String health = property("quarkus.smallrye-health.root-path").orElse("health").replaceAll("^/|/$", "");
        return "/" + root + "/" + health + "/" + check;
    }

    int healthPort() {
        return Boolean.parseBoolean(property("quarkus.management.enabled").orElse("false"))
                ? Integer.parseInt(property("quarkus.management.port").orElse("9000"))
                : httpPort();
    }

    private Optional<String> property(String name) {
        String prod = properties.getProperty("%prod." + name);
        return Optional.ofNullable(prod != null ? prod : properties.getProperty(name)).map(String::trim);
    }

    static boolean dependsOnPlatform(Path pom) {
        try {
            return Pattern.compile("<groupId>fr\\.passerelle</groupId>\\s*<artifactId>platform</artifactId>")
                    .matcher(Files.readString(pom)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> kafkaClientProperties() {
        Set<String> names = new TreeSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }
}
