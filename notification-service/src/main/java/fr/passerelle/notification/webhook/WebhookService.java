package fr.passerelle.notification.webhook;

import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.audit.AuditTrail;
import fr.passerelle.platform.consumer.Work;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What an organisation's admins do with its webhooks, each change in one reactive transaction with its audit entry
 * (never the secret in it, nor in a log line).
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);
    /** How long the secret a rotation replaces keeps signing beside the new one. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final WebhookSecrets secrets;
    private final WebhookUrls urls;
    private final ReactiveAuditTrail audit;
    private final Transactions transactions;

    public WebhookService(Webhooks webhooks, WebhookDeliveries deliveries, WebhookSecrets secrets, WebhookUrls urls,
                          ReactiveAuditTrail audit, Transactions transactions) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.urls = urls;
        this.audit = audit;
        this.transactions = transactions;
    }

    public Uni<List<Webhook>> of(String organization) {
        return webhooks.of(organization);
    }

    public Uni<CreatedWebhook> create(Actor actor, String organization, WebhookRequest request) {
        String url = request == null || request.url() == null ? null : request.url().trim();
        // The guard resolves the host name: on a worker.
        return Work.blocking(() -> urls.refusal(url)).chain(refusal -> {
            if (refusal.isPresent()) {
                throw ApiException.badRequest("webhook-url-refused", refusal.get(), "Donnez l'adresse https:// publique"
                        + " de votre récepteur, celle qu'un serveur sur internet atteindrait.");
            }
            UUID id = UUID.randomUUID();
            String secret = secrets.generate();
            return transactions.inTransaction(session -> webhooks.create(id, organization, url,
                                    secrets.seal(secret, id), actor.name())
                            .chain(() -> audit.record(actor, "webhook.created", organization, null,
                                    "Webhook " + id + " créé vers " + AuditTrail.safeUrl(url) + ".")))
                    .invoke(() -> LOG.infof("Webhook %s of %s created by %s", id, organization, actor.name()))
                    .replaceWith(new CreatedWebhook(id, url, secret));
        });
    }

    public Uni<NewSecret> rotate(Actor actor, String organization, UUID id) {
        String secret = secrets.generate();
        return transactions.inTransaction(session -> existing(organization, id)
                        .chain(webhook -> webhooks.rotate(organization, id, secrets.seal(secret, id), ROTATION_OVERLAP)
                                .chain(() -> audit.record(actor, "webhook.secret.rotated", organization, null,
                                        "Nouveau secret pour le webhook " + id + " (" + AuditTrail.safeUrl(webhook.url())
                                                + ") ; l'ancien signe encore " + ROTATION_OVERLAP.toHours() + " h."))))
                .invoke(() -> LOG.infof("Webhook %s of %s: secret rotated by %s", id, organization, actor.name()))
                .replaceWith(new NewSecret(secret));
    }

    public Uni<Webhook> enable(Actor actor, String organization, UUID id) {
        return transactions.inTransaction(session -> existing(organization, id)
                        .chain(webhook -> webhooks.enable(organization, id)
                                .chain(() -> audit.record(actor, "webhook.enabled", organization, null,
                                        "Webhook " + id + " (" + AuditTrail.safeUrl(webhook.url()) + ") réactivé"
                                                + (webhook.enabled() ? " (il l'était déjà)." : ".")))))
                .chain(() -> existing(organization, id));
    }

    public Uni<Void> delete(Actor actor, String organization, UUID id) {
        return transactions.inTransaction(session -> existing(organization, id)
                .chain(webhook -> webhooks.delete(organization, id)
                        .chain(() -> audit.record(actor, "webhook.deleted", organization, null,
                                "Webhook " + id + " (" + AuditTrail.safeUrl(webhook.url()) + ") supprimé avec son"
                                        + " journal d'envois.")))
                .replaceWithVoid());
    }

    public Uni<List<DeliveryLogEntry>> deliveries(String organization, UUID id) {
        return existing(organization, id).chain(webhook -> deliveries.log(id));
    }

    public Uni<TestDelivery> test(String organization, UUID id) {
        return transactions.inTransaction(session -> existing(organization, id)
                .chain(webhook -> deliveries.ping(id, organization))
                .map(TestDelivery::new));
    }

    private Uni<Webhook> existing(String organization, UUID id) {
        return webhooks.find(organization, id).map(found -> found.orElseThrow(WebhookService::unknown));
    }

    /** Unknown or another organisation's: one answer, so that nobody learns which. */
    static ApiException unknown() {
        return ApiException.notFound("unknown-webhook", "Ce webhook n'existe pas (ou plus) dans l'organisation.");
    }
}
