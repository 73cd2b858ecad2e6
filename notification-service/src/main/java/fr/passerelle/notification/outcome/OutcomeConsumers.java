package fr.passerelle.notification.outcome;

import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.PublicationCompleted;
import fr.passerelle.contracts.PublicationFailed;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.contracts.VersionRecorded;
import fr.passerelle.notification.people.Uploads;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The pipeline's outcomes, each recorded once ({@code processed_event}) with its messages and webhook deliveries: a
 * redelivered or replayed event adds nothing. Every outcome goes to the organisation's webhooks; the ones that need a
 * person also go by e-mail (a refused or blocked file, a version to approve, a failed publication).
 */
@ApplicationScoped
public class OutcomeConsumers {

    private static final Subscription<QualityChecked> CHECKED =
            Subscription.of("notify-quality-checked", EventType.QUALITY_CHECKED, QualityChecked.class);
    private static final Subscription<VersionRecorded> RECORDED =
            Subscription.of("notify-version-recorded", EventType.VERSION_RECORDED, VersionRecorded.class);
    private static final Subscription<PublicationFailed> FAILED =
            Subscription.of("notify-publication-failed", EventType.PUBLICATION_FAILED, PublicationFailed.class);
    private static final Subscription<PublicationCompleted> COMPLETED =
            Subscription.of("notify-publication-completed", EventType.PUBLICATION_COMPLETED, PublicationCompleted.class);

    private final EventConsumers consumers;
    private final Outcomes outcomes;
    private final Letters letters;
    private final Uploads uploads;

    public OutcomeConsumers(EventConsumers consumers, Outcomes outcomes, Letters letters, Uploads uploads) {
        this.consumers = consumers;
        this.outcomes = outcomes;
        this.letters = letters;
        this.uploads = uploads;
    }

    @Incoming("quality-checked")
    public Uni<Void> onQualityChecked(ConsumerRecord<String, String> record) {
        return consumers.consume(CHECKED, record, checked -> {
            Outcome outcome = Outcome.of(record, checked.organization(), checked.dataset(), checked.uploadId(),
                    checked.checkedAt());
            Uni<Void> announced = outcomes.announce(outcome);
            if (checked.verdict() == QualityVerdict.VALID) {
                return announced;
            }
            MessageKind kind = checked.verdict() == QualityVerdict.BLOCKED ? MessageKind.UPLOAD_BLOCKED
                    : MessageKind.UPLOAD_REJECTED;
            return announced.chain(() -> uploads.arrival(checked.uploadId()))
                    .chain(arrival -> outcomes.tellAboutUpload(kind, outcome.eventId(), checked.organization(),
                            checked.dataset(), checked.uploadId(), letters.checked(checked, arrival)));
        });
    }

    @Incoming("version-recorded")
    public Uni<Void> onVersionRecorded(ConsumerRecord<String, String> record) {
        return consumers.consume(RECORDED, record, recorded -> {
            Outcome outcome = Outcome.of(record, recorded.organization(), recorded.dataset(), recorded.uploadId(),
                    recorded.recordedAt());
            Uni<Void> announced = outcomes.announce(outcome);
            if (!recorded.awaitingApproval()) {
                return announced;
            }
            return announced.chain(() -> outcomes.tell(MessageKind.APPROVAL_AWAITING, outcome.eventId(),
                    recorded.organization(), recorded.dataset(), letters.awaitingApproval(recorded)));
        });
    }

    @Incoming("publication-failed")
    public Uni<Void> onPublicationFailed(ConsumerRecord<String, String> record) {
        return consumers.consume(FAILED, record, failed -> {
            Outcome outcome = Outcome.of(record, failed.organization(), failed.dataset(), failed.uploadId(),
                    failed.failedAt());
            return outcomes.announce(outcome).chain(() -> outcomes.tell(MessageKind.PUBLICATION_FAILED,
                    outcome.eventId(), failed.organization(), failed.dataset(), letters.publicationFailed(failed)));
        });
    }

    /** No e-mail (nobody needs to act), but the systems that wait for a publication are told. */
    @Incoming("publication-completed")
    public Uni<Void> onPublicationCompleted(ConsumerRecord<String, String> record) {
        return consumers.consume(COMPLETED, record, completed -> outcomes.announce(Outcome.of(record,
                completed.organization(), completed.dataset(), completed.uploadId(), completed.completedAt())));
    }
}
