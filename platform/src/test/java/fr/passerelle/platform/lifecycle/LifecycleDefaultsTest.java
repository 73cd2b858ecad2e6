package fr.passerelle.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleDefaultsTest {

    private static SmallRyeConfig configWith(Map<String, String> application) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .withSources(new LifecycleDefaults())
                .withConverter(Duration.class, 100, new DurationConverter())
                .build();
    }

    @Test
    void aServiceWaitsForPostgresqlAndFinishesItsRequests() {
        SmallRyeConfig config = configWith(Map.of());

        assertEquals(Integer.MAX_VALUE, config.getValue("quarkus.flyway.connect-retries", Integer.class));
        assertEquals(Duration.ofSeconds(5), config.getValue("quarkus.flyway.connect-retries-interval", Duration.class));
        assertEquals(Duration.ofSeconds(15), config.getValue("quarkus.shutdown.timeout", Duration.class));
    }

    @Test
    void aServiceMayOverrideThem() {
        SmallRyeConfig config = configWith(Map.of("quarkus.flyway.connect-retries", "3",
                "quarkus.shutdown.timeout", "2s"));

        assertEquals(3, config.getValue("quarkus.flyway.connect-retries", Integer.class));
        assertEquals(Duration.ofSeconds(2), config.getValue("quarkus.shutdown.timeout", Duration.class));
    }
}
