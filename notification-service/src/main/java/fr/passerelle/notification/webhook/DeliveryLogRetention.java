package fr.passerelle.notification.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the delivery log to what people read: the finished deliveries older than {@code
 * passerelle.webhooks.log-retention} (30 days) go, every hour, so that the table does not grow with every event
 * forever. Pending ones stay whatever their age. Two instances doing it at once delete the same rows: no harm.
 */
@ApplicationScoped
public class DeliveryLogRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryLogRetention.class);

    private final WebhookDeliveries deliveries;
    private final Duration retention;

    public DeliveryLogRetention(WebhookDeliveries deliveries,
                                @ConfigProperty(name = "passerelle.webhooks.log-retention") Duration retention) {
        this.deliveries = deliveries;
        this.retention = retention;
    }

    @Scheduled(identity = "webhook-log-retention", every = "${passerelle.webhooks.log-retention-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldDeliveries() {
        try {
            int forgotten = deliveries.forget(retention);
            if (forgotten > 0) {
                LOG.infof("Forgot %d webhook deliveries finished more than %s ago", forgotten, retention);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook delivery log retention failed, will retry: %s", e.getMessage());
        }
    }
}
