package fr.passerelle.notification.outcome;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.EventType;
import fr.passerelle.notification.people.Contributors;
import fr.passerelle.notification.people.Senders;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The organisations' audit log, for three things: who worked on each dataset (its contributors, the people told of its
 * files' fate), who sent each upload (the messages about it held until then go out: {@link HeldMessages}), and the
 * pushes to remote portals that failed for good ({@code target.failed}, written by publish with the failure), which
 * the publishers are told of.
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
    /** The entries ingest writes with each new upload, a person's, a machine token's or the dropzone's. */
    static final java.util.Set<String> UPLOADS = java.util.Set.of("upload.accepted", "upload.rechecked");
    /**
     * The entry has no field for the upload: ingest ends its sentence with « dépôt {id} » (after the original's id, for
     * a recheck), so the last one is the new upload's. A file name before it cannot end the sentence.
     */
    private static final Pattern UPLOAD_ID = Pattern.compile(
            "dépôt ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Subscription<AuditRecorded> AUDIT =
            Subscription.of("notify-audit", EventType.AUDIT_RECORDED, AuditRecorded.class);

    private final EventConsumers consumers;
    private final Contributors contributors;
    private final Outcomes outcomes;
    private final Letters letters;
    private final Senders senders;
    private final HeldMessages held;

    public AuditConsumer(EventConsumers consumers, Contributors contributors, Outcomes outcomes, Letters letters,
                         Senders senders, HeldMessages held) {
        this.consumers = consumers;
        this.contributors = contributors;
        this.outcomes = outcomes;
        this.letters = letters;
        this.senders = senders;
        this.held = held;
    }

    @Incoming("audit")
    public Uni<Void> onAudit(ConsumerRecord<String, String> record) {
        return consumers.consume(AUDIT, record, entry -> {
            if (TARGET_FAILED.equals(entry.action()) && entry.dataset() != null) {
                return outcomes.tell(MessageKind.PUBLICATION_FAILED, entry.eventId(), entry.organization(),
                        entry.dataset(), letters.portalFailed(entry));
            }
            if (entry.dataset() == null || entry.actor() == null) {
                return Uni.createFrom().voidItem();
            }
            // A person's contribution to a dataset; not the machine's (« dépôt automatique »), nor an approval.
            Uni<Void> contributed = entry.actor().contains("@") && CONTRIBUTIONS.contains(entry.action())
                    ? contributors.acted(entry.organization(), entry.dataset(), entry.actor(), entry.occurredAt())
                    : Uni.createFrom().voidItem();
            Optional<UUID> upload = UPLOADS.contains(entry.action()) ? uploadIn(entry.detail()) : Optional.empty();
            if (upload.isEmpty()) {
                return contributed;
            }
            // After the contributor: the held messages go to the dataset's contributors, the sender now among them.
            return contributed.chain(() -> senders.sent(upload.get(), entry.organization(), entry.dataset(),
                            entry.actor(), entry.occurredAt()))
                    .chain(() -> held.takeFor(upload.get()))
                    .chain(outcomes::release);
        });
    }

    /** The new upload's id in an {@code upload.*} entry's sentence. */
    static Optional<UUID> uploadIn(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        Matcher matcher = UPLOAD_ID.matcher(detail);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return Optional.ofNullable(last).map(UUID::fromString);
    }
}
