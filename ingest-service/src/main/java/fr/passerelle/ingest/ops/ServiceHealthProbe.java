package fr.passerelle.ingest.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Asks every service of the pipeline for its readiness, all at once and briefly: the ops page must
 * show a service that does not answer as such, not wait for it.
 */
@ApplicationScoped
public class ServiceHealthProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where each service answers: {@code passerelle.ops.services.<name>=<base URL>}. */
    @ConfigMapping(prefix = "passerelle.ops")
    public interface Services {
        Map<String, String> services();
    }

    private final Map<String, String> services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public ServiceHealthProbe(Services services) {
        this.services = new TreeMap<>(services.services());
    }

    public List<ServiceHealth> all() {
        List<CompletableFuture<ServiceHealth>> asked = new ArrayList<>();
        services.forEach((name, url) -> asked.add(ask(name, url)));
        return asked.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<ServiceHealth> ask(String name, String baseUrl) {
        String url = baseUrl.replaceAll("/+$", "") + "/q/health/ready";
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new ServiceHealth(name, url, "UNREACHABLE",
                    "Adresse mal configurée (passerelle.ops.services." + name + ").", List.of()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> read(name, url, response.statusCode(), response.body()))
                .exceptionally(failure -> new ServiceHealth(name, url, "UNREACHABLE",
                        "Ne répond pas (" + (failure.getCause() instanceof java.net.http.HttpTimeoutException
                                ? "pas de réponse en " + TIMEOUT.toSeconds() + " s" : "connexion impossible") + ").",
                        List.of()));
    }

    static ServiceHealth read(String name, String url, int httpStatus, String body) {
        List<ServiceHealth.Check> checks = new ArrayList<>();
        String status = httpStatus == 200 ? "UP" : "DOWN";
        try {
            JsonNode root = JSON.readTree(body);
            status = root.path("status").asText(status);
            for (JsonNode check : root.path("checks")) {
                checks.add(new ServiceHealth.Check(check.path("name").asText(), check.path("status").asText()));
            }
        } catch (IOException e) {
            // Not the health JSON: the HTTP status says enough.
        }
        List<String> down = checks.stream().filter(check -> !"UP".equals(check.status()))
                .map(ServiceHealth.Check::name).toList();
        String detail = "UP".equals(status) ? "Prêt."
                : down.isEmpty() ? "Pas prêt (HTTP " + httpStatus + ")."
                : "Pas prêt : " + String.join(", ", down) + ".";
        return new ServiceHealth(name, url, status, detail, checks);
    }
}
