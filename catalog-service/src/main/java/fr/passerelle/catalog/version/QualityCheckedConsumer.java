package fr.passerelle.catalog.version;

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
import fr.passerelle.platform.consumer.Work;
import fr.passerelle.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns every file that passed the quality check into a new version of its dataset, and publishes
 * it at once when the dataset has been approved before.
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
    private final Outbox outbox;
    private final ApprovalPolicy approvalPolicy;

    public QualityCheckedConsumer(Datasets datasets, Versions versions, PublicationRequests publications,
                                  EventConsumers consumers, Outbox outbox, ApprovalPolicy approvalPolicy) {
        this.datasets = datasets;
        this.versions = versions;
        this.publications = publications;
        this.consumers = consumers;
        this.outbox = outbox;
        this.approvalPolicy = approvalPolicy;
    }

    @Incoming("quality-checked")
    public Uni<Void> onQualityChecked(ConsumerRecord<String, String> record) {
        return consumers.consume(SUBSCRIPTION, record, checked -> Work.inline(() -> recordVersion(checked)));
    }

    private void recordVersion(QualityChecked checked) {
        if (checked.verdict() != QualityVerdict.VALID) {
            datasets.recordFailedAttempt(checked.organization(), checked.dataset(), checked.uploadId(),
                    checked.summary());
            return;
        }
        if (checked.clean() == null) {
            throw new MalformedEventException("A VALID quality.checked event has no clean object");
        }
        String organization = checked.organization();
        String dataset = checked.dataset();
        datasets.createIfAbsent(organization, dataset, checked.schema());
        datasets.lockApproved(organization, dataset);
        // Approved, not set to always ask, and the same schema (another one withdraws the approval).
        boolean approved = approvalPolicy.publishesOnItsOwn(organization, dataset, checked.schema());
        int number = versions.add(checked, VersionState.AWAITING_APPROVAL);
        outbox.publish(new VersionRecorded(checked.uploadId(), organization, dataset, number, !approved,
                Instant.now()));
        if (approved) {
            publications.request(organization, dataset,
                    new PendingVersion(number, checked.uploadId(), checked.schema(), checked.clean(), null,
                            checked.catalogueSchema()));
        }
        LOG.infof("Version %d of %s/%s recorded (%s)", number, organization, dataset,
                approved ? "publication requested" : "awaiting approval");
    }
}
