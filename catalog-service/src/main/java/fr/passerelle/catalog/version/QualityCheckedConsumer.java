package fr.passerelle.catalog.version;

import fr.passerelle.catalog.Traced;
import fr.passerelle.catalog.approval.ApprovalPolicy;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.catalog.publication.PublicationRequests;
import fr.passerelle.catalog.version.Versions.PendingVersion;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.contracts.VersionRecorded;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns every file that passed the quality check into a new version of its dataset, and publishes
 * it at once when the dataset has been approved before. Everything is a write of the catalogue's: it runs on the
 * event's Vert.x context, in the reactive transaction that records the event (platform-reactive's inbox).
 */
@ApplicationScoped
public class QualityCheckedConsumer {

    private static final Logger LOG = Logger.getLogger(QualityCheckedConsumer.class);
    private static final Subscription<QualityChecked> SUBSCRIPTION = Subscription.of("catalog-versions",
            EventType.QUALITY_CHECKED, QualityChecked.class);

    private final Datasets datasets;
    private final Versions versions;
    private final PublicationRequests publications;
    private final EventConsumers consumers;
    private final ReactiveOutbox outbox;
    private final ApprovalPolicy approvalPolicy;

    public QualityCheckedConsumer(Datasets datasets, Versions versions, PublicationRequests publications,
                                  EventConsumers consumers, ReactiveOutbox outbox, ApprovalPolicy approvalPolicy) {
        this.datasets = datasets;
        this.versions = versions;
        this.publications = publications;
        this.consumers = consumers;
        this.outbox = outbox;
        this.approvalPolicy = approvalPolicy;
    }

    @Incoming("quality-checked")
    public Uni<Void> onQualityChecked(ConsumerRecord<String, String> record) {
        return consumers.consume(SUBSCRIPTION, record, this::recordVersion);
    }

    private Uni<Void> recordVersion(QualityChecked checked) {
        if (checked.verdict() != QualityVerdict.VALID) {
            return datasets.recordFailedAttempt(checked.organization(), checked.dataset(), checked.uploadId(),
                    checked.summary()).replaceWithVoid();
        }
        if (checked.clean() == null) {
            return Uni.createFrom().failure(new MalformedEventException("A VALID quality.checked event has no clean"
                    + " object"));
        }
        // The event's trace, taken now (the inbox has just set it on this thread): the steps below run after
        // database round trips, when this thread may have served another event.
        String traceparent = Traced.now();
        String organization = checked.organization();
        String dataset = checked.dataset();
        return datasets.createIfAbsent(organization, dataset, checked.schema())
                .chain(() -> datasets.lockApproved(organization, dataset))
                // Approved, not set to always ask, and the same schema (another one withdraws the approval).
                .chain(() -> approvalPolicy.publishesOnItsOwn(organization, dataset, checked.schema()))
                .chain(approved -> versions.add(checked, VersionState.AWAITING_APPROVAL, traceparent)
                        .call(number -> Traced.continuing(traceparent, () -> outbox.publish(new VersionRecorded(
                                checked.uploadId(), organization, dataset, number, !approved, Instant.now()))))
                        .call(number -> approved
                                ? publications.request(organization, dataset, new PendingVersion(number,
                                checked.uploadId(), checked.schema(), checked.clean(), traceparent,
                                checked.catalogueSchema()))
                                : Uni.createFrom().voidItem())
                        .invoke(number -> LOG.infof("Version %d of %s/%s recorded (%s)", number, organization,
                                dataset, approved ? "publication requested" : "awaiting approval")))
                .replaceWithVoid();
    }
}
