package fr.passerelle.notification.outcome;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.EventType;
import fr.passerelle.notification.people.Contributors;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The organisations' audit log, for two things: who worked on each dataset (its contributors, the people told of its
 * files' fate), and the pushes to remote portals that failed for good ({@code target.failed}, written by publish with
 * the failure), which the publishers are told of.
 */
@ApplicationScoped
public class AuditConsumer {

    static final String TARGET_FAILED = "target.failed";
    /**
     * The actions that make a person one of the dataset's contributors: sending its files, deciding for them,
     * describing it, setting its export. A publisher's approval or a portal's configuration does not.
     */
    static final java.util.Set<String> CONTRIBUTIONS = java.util.Set.of("upload.accepted", "upload.rechecked",
            "decisions.recorded", "decision.changed", "decision.forgotten", "dataset.metadata.changed",
            "source.configured", "source.removed", "settings.changed");
    private static final Subscription<AuditRecorded> AUDIT =
            Subscription.of("notify-audit", EventType.AUDIT_RECORDED, AuditRecorded.class);

    private final EventConsumers consumers;
    private final Contributors contributors;
    private final Outcomes outcomes;
    private final Letters letters;

    public AuditConsumer(EventConsumers consumers, Contributors contributors, Outcomes outcomes, Letters letters) {
        this.consumers = consumers;
        this.contributors = contributors;
        this.outcomes = outcomes;
        this.letters = letters;
    }

    @Incoming("audit")
    public Uni<Void> onAudit(ConsumerRecord<String, String> record) {
        return consumers.consume(AUDIT, record, entry -> {
            if (TARGET_FAILED.equals(entry.action()) && entry.dataset() != null) {
                return outcomes.tell(MessageKind.PUBLICATION_FAILED, entry.eventId(), entry.organization(),
                        entry.dataset(), letters.portalFailed(entry));
            }
            // A person's contribution to a dataset; not the machine's (« dépôt automatique »), nor an approval.
            if (entry.dataset() == null || entry.actor() == null || !entry.actor().contains("@")
                    || !CONTRIBUTIONS.contains(entry.action())) {
                return Uni.createFrom().voidItem();
            }
            return contributors.acted(entry.organization(), entry.dataset(), entry.actor(), entry.occurredAt());
        });
    }
}
