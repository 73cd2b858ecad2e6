package fr.passerelle.platform.lifecycle;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * How every service starts and stops, so that the stack can start in any order and stop without
 * losing work.
 *
 * <p>Start-up: Flyway migrates before anything else runs (HTTP, consumers, relay), and without
 * retries a service started before PostgreSQL would exit. It waits instead, retrying every few
 * seconds for as long as it takes; Kafka and S3 need nothing here, since their clients reconnect by
 * themselves and readiness reports them down meanwhile. Shutdown: on SIGTERM, HTTP requests in
 * flight get time to finish before consumers and the relay stop.
 *
 * <p>Defaults with a low ordinal: a service's {@code application.properties} or the environment
 * may override any of them.
 */
public class LifecycleDefaults implements ConfigSourceFactory {

    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> defaults = Map.of(
                // Flyway doubles its wait after each failed attempt, up to the interval.
                "quarkus.flyway.connect-retries", String.valueOf(Integer.MAX_VALUE),
                "quarkus.flyway.connect-retries-interval", "5s",
                // Below the 20 s the launchers (./passerelle down, Kubernetes' default 30 s) leave before SIGKILL.
                "quarkus.shutdown.timeout", "15s");
        return List.of(new PropertiesConfigSource(defaults, "passerelle-lifecycle-defaults", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
