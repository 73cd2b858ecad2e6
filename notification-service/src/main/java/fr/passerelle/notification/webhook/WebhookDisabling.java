package fr.passerelle.notification.webhook;

import fr.passerelle.notification.mail.Letter;
import fr.passerelle.notification.outcome.MessageKind;
import fr.passerelle.notification.outcome.Outcomes;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.audit.AuditTrail;
import fr.passerelle.platform.reactive.FromWorker;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns off a webhook whose receiver keeps failing, tells the organisation's admins by e-mail and writes it in the
 * organisation's audit log ({@code webhook.disabled}), in one transaction:
 * no webhook is disabled without its message, nor the message written twice (only the transaction that turns it off
 * writes one). Called by the sender on its worker thread: the step runs on Hibernate Reactive, where the messages are
 * written, through {@link FromWorker}.
 */
@ApplicationScoped
public class WebhookDisabling {

    private static final Logger LOG = Logger.getLogger(WebhookDisabling.class);
    /** Who the audit log names for a webhook disabled after its failures. */
    static final Actor SENDER = new Actor("envoi des webhooks", null);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private final Webhooks webhooks;
    private final Outcomes outcomes;
    private final ReactiveAuditTrail audit;
    private final Transactions transactions;
    private final FromWorker worker;
    private final int threshold;
    private final String staffUrl;
    private final ZoneId zone;

    public WebhookDisabling(Webhooks webhooks, Outcomes outcomes, ReactiveAuditTrail audit, Transactions transactions,
                            FromWorker worker,
                            @ConfigProperty(name = "passerelle.webhooks.max-consecutive-failures") int threshold,
                            @ConfigProperty(name = "passerelle.notifications.staff-url") String staffUrl,
                            @ConfigProperty(name = "passerelle.notifications.time-zone") ZoneId zone) {
        this.webhooks = webhooks;
        this.outcomes = outcomes;
        this.audit = audit;
        this.transactions = transactions;
        this.worker = worker;
        this.threshold = threshold;
        this.staffUrl = staffUrl.replaceAll("/+$", "");
        this.zone = zone;
    }

    /** Whether {@code failures} deliveries given up in a row disable a webhook. */
    public boolean isReached(int failures) {
        return failures >= threshold;
    }

    /** On a worker thread: disables the webhook if it is still enabled and over the threshold. */
    public void disable(UUID webhook, int failures, String lastError) {
        Instant now = Instant.now();
        String reason = "Désactivé automatiquement le " + DATE.format(now.atZone(zone)) + " après " + failures
                + " envois échoués de suite. Dernière erreur : " + lastError;
        worker.await(() -> transactions.inTransaction(session -> webhooks.disable(webhook, threshold, reason)
                .chain(disabled -> disabled.isEmpty() ? Uni.createFrom().voidItem() : tell(webhook, now, disabled.get(),
                        reason, lastError))));
    }

    /** The admins' message, and the organisation's audit log: Passerelle acted, nobody asked. */
    private Uni<Void> tell(UUID webhook, Instant now, Webhooks.Disabled disabled, String reason, String lastError) {
        return outcomes.tell(MessageKind.WEBHOOK_DISABLED, webhook + "@" + now.toEpochMilli(), disabled.organization(),
                        null, letter(disabled, lastError))
                .chain(() -> audit.record(SENDER, "webhook.disabled", disabled.organization(), null,
                        "Webhook " + webhook + " (" + AuditTrail.safeUrl(disabled.url()) + ") : " + reason))
                .invoke(() -> LOG.warnf("Webhook %s of %s disabled after %d deliveries failed in a row", webhook,
                        disabled.organization(), disabled.failures()))
                .replaceWithVoid();
    }

    Letter letter(Webhooks.Disabled disabled, String lastError) {
        String url = AuditTrail.safeUrl(disabled.url());
        return new Letter("[Passerelle] Webhook désactivé : " + url,
                "Le webhook de l'organisation « " + disabled.organization() + " » qui envoie les événements de"
                        + " Passerelle à " + url + " est désactivé : ses " + disabled.failures() + " derniers envois ont"
                        + " tous échoué, chacun après toutes ses tentatives.",
                List.of("Dernière erreur : " + lastError,
                        "Les événements qui suivent ne lui sont plus envoyés ; ceux qui attendaient partiront à sa"
                                + " réactivation."),
                "Réparez le récepteur (adresse, certificat, réponse 2xx en moins de 10 secondes), puis réactivez le"
                        + " webhook sur la page Webhooks : le bouton « Tester » vérifie d'abord qu'il répond.",
                "Ouvrir la page Webhooks", staffUrl + "/administration/webhooks");
    }
}
