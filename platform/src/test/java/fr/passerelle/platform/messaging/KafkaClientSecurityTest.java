package fr.passerelle.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

    @Test
    void theEnvironmentsKafkaSecurityReachesTheHandMadeClients() {
        // As deploy/kubernetes's Deployments set it: TLS with the cluster's CA, SCRAM as the service's KafkaUser.
        Properties security = KafkaClientSecurity.of(new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "passerelle-kafka-bootstrap:9093",
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                        "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                        "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                        "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/passerelle/kafka-ca/ca.crt",
                        "PASSERELLE_S3_SECRET_KEY", "not kafka's"), 300))
                .build());
        Properties expected = new Properties();
        expected.putAll(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", "/etc/passerelle/kafka-ca/ca.crt"));
        assertEquals(expected, security);
    }

    @Test
    void propertiesOfAFileCountToo() {
        Properties security = KafkaClientSecurity.of(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("kafka.security.protocol", "SSL",
                        "kafka.bootstrap.servers", "kafka:9093", "kafka.ssl.truststore.location", "/ca.crt"),
                        "application.properties", 250))
                .build());
        Properties expected = new Properties();
        expected.putAll(Map.of("security.protocol", "SSL", "ssl.truststore.location", "/ca.crt"));
        assertEquals(expected, security);
    }

    @Test
    void theLocalStackSetsNoneAndNothingIsAdded() {
        assertEquals(new Properties(), KafkaClientSecurity.of(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092"),
                        "application.properties", 250))
                .build()));
    }
}
