package fr.passerelle.notification.webhook;

import fr.passerelle.platform.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the deliveries the consumers wrote, after their transaction committed: every second, on a worker thread,
 * since the requests block. Each is a POST of the stored CloudEvent with the Standard Webhooks headers, its address
 * checked again first; redirects are not followed (a 3xx is a failure: the receiver must give its final address). A 2xx
 * delivers it; anything else is tried again on the {@link RetrySchedule}, then given up; {@code
 * passerelle.webhooks.max-consecutive-failures} deliveries given up in a row disable the webhook
 * ({@link WebhookDisabling}).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int MAX_ERROR_LENGTH = 500;
    static final String ATTEMPTS = "passerelle.webhook.attempts";

    /** The outcome of one attempt: the receiver's status, or why there was none; delivered on a 2xx. */
    record Attempt(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode / 100 == 2;
        }
    }

    private final WebhookDeliveries deliveries;
    private final Webhooks webhooks;
    private final WebhookSecrets secrets;
    private final WebhookUrls urls;
    private final RetrySchedule schedule;
    private final WebhookDisabling disabling;
    private final Duration timeout;
    private final MeterRegistry registry;
    private final HttpClient client;
    /** One thread per delivery of a batch: the address check (DNS) and the request block. */
    private final ExecutorService requests;

    public WebhookSender(WebhookDeliveries deliveries, Webhooks webhooks, WebhookSecrets secrets, WebhookUrls urls,
                         RetrySchedule schedule, WebhookDisabling disabling,
                         @ConfigProperty(name = "passerelle.webhooks.connect-timeout") Duration connectTimeout,
                         @ConfigProperty(name = "passerelle.webhooks.timeout") Duration timeout,
                         MeterRegistry registry) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.urls = urls;
        this.schedule = schedule;
        this.disabling = disabling;
        this.timeout = timeout;
        this.registry = registry;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger threads = new AtomicInteger();
        this.requests = Executors.newFixedThreadPool(WebhookDeliveries.BATCH, task -> {
            Thread thread = new Thread(task, "webhook-request-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        requests.shutdownNow();
    }

    @Scheduled(identity = "webhook-sender", every = "${passerelle.webhooks.send-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPass() {
        pass();
    }

    /** Sends every delivery due; on a worker thread. */
    public void pass() {
        try {
            List<ClaimedDelivery> claimed;
            do {
                claimed = deliveries.claim();
                sendAll(claimed);
            } while (claimed.size() == WebhookDeliveries.BATCH);
        } catch (RuntimeException e) {
            // PostgreSQL away: the deliveries stay, the next pass takes them (a claimed one after its lease).
            LOG.warnf("Webhook pass failed, will retry: %s", e.getMessage());
        }
    }

    /**
     * The requests of a batch leave side by side, so that the batch takes one request's time at most (connect-timeout
     * plus timeout), well within the claims' lease, however slow some receivers are; their outcomes are then recorded
     * one after the other on this thread.
     */
    private void sendAll(List<ClaimedDelivery> claimed) {
        List<Future<Attempt>> attempts = new ArrayList<>();
        for (ClaimedDelivery delivery : claimed) {
            attempts.add(requests.submit(() -> attempt(delivery)));
        }
        for (int i = 0; i < claimed.size(); i++) {
            Attempt attempt;
            try {
                attempt = attempts.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // stopping: the claims end with their lease, and another pass sends them
            } catch (ExecutionException e) {
                attempt = new Attempt(null, "Échec de l'envoi : erreur interne de Passerelle.");
                LOG.errorf(e.getCause(), "Delivery %s could not be attempted", claimed.get(i).id());
            }
            record(claimed.get(i), attempt);
        }
    }

    private void record(ClaimedDelivery delivery, Attempt attempt) {
        count(delivery, attempt);
        if (attempt.delivered()) {
            deliveries.delivered(delivery.id(), attempt.statusCode());
            if (!delivery.isTest()) {
                webhooks.deliverySucceeded(delivery.webhookId());
            }
            LOG.infof("Delivered %s %s to webhook %s (attempt %d, HTTP %d)", delivery.eventType(), delivery.id(),
                    delivery.webhookId(), delivery.attempts(), attempt.statusCode());
            return;
        }
        LOG.warnf("Delivery %s to webhook %s failed (attempt %d): %s", delivery.id(), delivery.webhookId(),
                delivery.attempts(), attempt.statusCode() != null ? "HTTP " + attempt.statusCode() : attempt.error());
        Optional<Duration> retry = delivery.isTest() ? Optional.empty() : schedule.after(delivery.attempts());
        if (retry.isPresent()) {
            deliveries.retry(delivery.id(), attempt.statusCode(), attempt.error(), retry.get());
            return;
        }
        deliveries.givenUp(delivery.id(), attempt.statusCode(), attempt.error());
        if (delivery.isTest()) {
            return;
        }
        OptionalInt failures = webhooks.deliveryGivenUp(delivery.webhookId());
        if (failures.isPresent() && disabling.isReached(failures.getAsInt())) {
            disabling.disable(delivery.webhookId(), failures.getAsInt(), attempt.error());
        }
    }

    /** {@value #ATTEMPTS}: each attempt, by what came of it (delivered, failed) and event type. */
    private void count(ClaimedDelivery delivery, Attempt attempt) {
        registry.counter(ATTEMPTS, "outcome", attempt.delivered() ? "delivered" : "failed",
                "type", delivery.eventType()).increment();
    }

    Attempt attempt(ClaimedDelivery delivery) {
        Optional<String> refusal = urls.refusal(delivery.url());
        if (refusal.isPresent()) {
            return new Attempt(null, truncate(refusal.get()));
        }
        List<String> signingSecrets = new ArrayList<>();
        try {
            signingSecrets.add(secrets.open(delivery.secret(), delivery.webhookId()));
            if (delivery.previousSecret() != null) {
                signingSecrets.add(secrets.open(delivery.previousSecret(), delivery.webhookId()));
            }
        } catch (RuntimeException e) {
            LOG.errorf("Webhook %s: %s", delivery.webhookId(), e.getMessage());
            return new Attempt(null, "Le secret du webhook ne peut plus être lu (clé du service changée) : créez-en un"
                    + " nouveau sur la page Webhooks.");
        }
        long timestamp = Instant.now().getEpochSecond();
        String id = delivery.id().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url().trim()))
                .timeout(timeout)
                .header("Content-Type", WebhookEvents.MEDIA_TYPE + "; charset=utf-8")
                .header("User-Agent", "Passerelle-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(signingSecrets, id, timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? new Attempt(status, null) : new Attempt(status, answered(status));
        } catch (HttpConnectTimeoutException e) {
            return new Attempt(null, "Connexion impossible à " + host(delivery) + " : pas de réponse dans le délai.");
        } catch (HttpTimeoutException e) {
            return new Attempt(null, "Le récepteur n'a pas répondu dans les " + timeout.toSeconds() + " secondes.");
        } catch (ConnectException e) {
            return new Attempt(null, "Connexion impossible à " + host(delivery) + " (refusée ou injoignable).");
        } catch (IOException e) {
            return new Attempt(null, truncate("Échec de l'envoi à " + host(delivery) + " : "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "Envoi interrompu par l'arrêt du service.");
        }
    }

    private static String answered(int status) {
        if (status / 100 == 3) {
            return "Le récepteur a répondu " + status + " (redirection) : Passerelle ne suit pas les redirections,"
                    + " donnez l'adresse finale.";
        }
        return "Le récepteur a répondu " + status + " au lieu d'un code 2xx.";
    }

    private static String host(ClaimedDelivery delivery) {
        return AuditTrail.safeUrl(delivery.url());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
