package fr.passerelle.platform.messaging;

import java.util.Locale;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How to reach a secured Kafka, for the clients Passerelle makes by hand (the outbox relay, the revocation feed,
 * ingest's dead-letter and lag pages): the {@code security.protocol}, {@code sasl.*} and {@code ssl.*} properties
 * the configuration gives under {@code kafka.}, as the channels get them (Quarkus' default Kafka configuration),
 * from a property file or from the environment ({@code KAFKA_SASL_MECHANISM} is {@code sasl.mechanism}). The
 * local stack sets none: nothing is added. Kubernetes sets TLS and SCRAM (deploy/kubernetes).
 */
public final class KafkaClientSecurity {

    private static final String PREFIX = "kafka.";

    private KafkaClientSecurity() {
    }

    /** The security properties of this application's configuration. */
    public static Properties properties() {
        return of(ConfigProvider.getConfig());
    }

    static Properties of(Config config) {
        Properties properties = new Properties();
        for (String name : config.getPropertyNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(PREFIX) && !lower.startsWith("kafka_")) {
                continue;
            }
            String property = lower.substring(PREFIX.length()).replace('_', '.');
            if (property.equals("security.protocol") || property.startsWith("sasl.") || property.startsWith("ssl.")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(property, value));
            }
        }
        return properties;
    }
}
