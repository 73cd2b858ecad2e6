package fr.passerelle.ingest.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceHealthProbeTest {

    @Test
    void aReadyServiceIsUp() {
        ServiceHealth health = ServiceHealthProbe.read("quality-service", "http://q/q/health/ready", 200,
                "{\"status\":\"UP\",\"checks\":[{\"name\":\"Database connections health check\",\"status\":\"UP\"}]}");

        assertEquals("UP", health.status());
        assertEquals("Prêt.", health.detail());
        assertEquals(List.of(new ServiceHealth.Check("Database connections health check", "UP")), health.checks());
    }

    @Test
    void aServiceNotReadySaysWhichChecksAreDown() {
        ServiceHealth health = ServiceHealthProbe.read("catalog-service", "http://c/q/health/ready", 503,
                "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"Object storage\",\"status\":\"DOWN\"},"
                        + "{\"name\":\"Kafka connection health check\",\"status\":\"UP\"}]}");

        assertEquals("DOWN", health.status());
        assertEquals("Pas prêt : Object storage.", health.detail());
    }

    @Test
    void anAnswerThatIsNotHealthJsonIsJudgedByItsHttpStatus() {
        ServiceHealth health = ServiceHealthProbe.read("publish-service", "http://p/q/health/ready", 502, "<html>proxy</html>");

        assertEquals("DOWN", health.status());
        assertEquals("Pas prêt (HTTP 502).", health.detail());
    }
}
