package fr.passerelle.ingest.progress;

import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.contracts.PublicationCompleted;
import fr.passerelle.contracts.PublicationFailed;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.VersionRecorded;
import fr.passerelle.contracts.VersionRefused;
import fr.passerelle.ingest.decision.OpenQuestions;
import fr.passerelle.ingest.upload.UploadStatus;
import fr.passerelle.ingest.upload.Uploads;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows each upload through the downstream services, so that staff see one status per upload. Each handler's writes
 * run on the event's Vert.x context, in the reactive transaction that records the event (platform-reactive's inbox).
 */
@ApplicationScoped
public class PipelineProgressConsumer {

    private static final Logger LOG = Logger.getLogger(PipelineProgressConsumer.class);
    private static final String CONSUMER = "ingest-progress";
    private static final Subscription<QualityChecked> QUALITY_CHECKED =
            Subscription.of(CONSUMER, EventType.QUALITY_CHECKED, QualityChecked.class);
    private static final Subscription<VersionRecorded> VERSION_RECORDED =
            Subscription.of(CONSUMER, EventType.VERSION_RECORDED, VersionRecorded.class);
    private static final Subscription<VersionRefused> VERSION_REFUSED =
            Subscription.of(CONSUMER, EventType.VERSION_REFUSED, VersionRefused.class);
    private static final Subscription<PublicationCompleted> PUBLICATION_COMPLETED =
            Subscription.of(CONSUMER, EventType.PUBLICATION_COMPLETED, PublicationCompleted.class);
    private static final Subscription<PublicationFailed> PUBLICATION_FAILED =
            Subscription.of(CONSUMER, EventType.PUBLICATION_FAILED, PublicationFailed.class);

    private final Uploads uploads;
    private final EventConsumers consumers;
    private final OpenQuestions questions;

    public PipelineProgressConsumer(Uploads uploads, EventConsumers consumers, OpenQuestions questions) {
        this.questions = questions;
        this.uploads = uploads;
        this.consumers = consumers;
    }

    @Incoming("quality-checked")
    public Uni<Void> onQualityChecked(ConsumerRecord<String, String> record) {
        return consumers.consume(QUALITY_CHECKED, record,
                this::recordQualityChecked);
    }

    private Uni<Void> recordQualityChecked(QualityChecked checked) {
        UUID id = uploadId(checked.uploadId());
        UploadStatus status = switch (checked.verdict()) {
            case VALID -> UploadStatus.CHECKED;
            case INVALID -> UploadStatus.REJECTED;
            case BLOCKED -> UploadStatus.BLOCKED;
        };
        return uploads.advance(id, status, "quality", status == UploadStatus.CHECKED ? "ok"
                : status.name().toLowerCase(), checked.summary()).chain(known -> !known ? Uni.createFrom().voidItem()
                : uploads.recordQuality(id, checked.verdict().name(), checked.validityPercent(), checked.summary())
                        .chain(() -> questions.record(id, checked.decisionsOrNone()))
                        .chain(() -> checked.schema() == null ? Uni.createFrom().voidItem()
                                : uploads.recordDetectedSchema(id, checked.schema())));
    }

    @Incoming("version-recorded")
    public Uni<Void> onVersionRecorded(ConsumerRecord<String, String> record) {
        return consumers.consume(VERSION_RECORDED, record,
                this::recordVersionRecorded);
    }

    private Uni<Void> recordVersionRecorded(VersionRecorded recorded) {
        UUID id = uploadId(recorded.uploadId());
        String detail = recorded.awaitingApproval()
                // Not only the first one: a withdrawn approval or "always ask" also holds a version.
                ? "Version " + recorded.version() + " enregistrée ; sa publication attend l'approbation d'un publieur."
                : "Version " + recorded.version() + " enregistrée ; publication demandée.";
        return uploads.advance(id, recorded.awaitingApproval() ? UploadStatus.AWAITING_APPROVAL
                        : UploadStatus.PUBLISHING, "catalog", "ok", detail)
                .chain(known -> !known ? Uni.createFrom().voidItem() : uploads.recordVersion(id, recorded.version()));
    }

    @Incoming("version-refused")
    public Uni<Void> onVersionRefused(ConsumerRecord<String, String> record) {
        return consumers.consume(VERSION_REFUSED, record, this::recordVersionRefused);
    }

    private Uni<Void> recordVersionRefused(VersionRefused refused) {
        UUID id = uploadId(refused.uploadId());
        return uploads.advance(id, UploadStatus.REFUSED, "approval", "refused",
                        "Version " + refused.version() + " refusée par un publieur : " + refused.reason())
                .chain(known -> !known ? Uni.createFrom().voidItem() : uploads.recordVersion(id, refused.version()));
    }

    @Incoming("publication-completed")
    public Uni<Void> onPublicationCompleted(ConsumerRecord<String, String> record) {
        return consumers.consume(PUBLICATION_COMPLETED, record,
                this::recordPublicationCompleted);
    }

    private Uni<Void> recordPublicationCompleted(PublicationCompleted completed) {
        UUID id = uploadId(completed.uploadId());
        return uploads.advance(id, UploadStatus.PUBLISHED, "publication", "ok",
                        "Version " + completed.version() + " publiée : " + completed.publicUrl())
                .chain(known -> !known ? Uni.createFrom().voidItem() : uploads.recordVersion(id, completed.version())
                        .chain(() -> uploads.recordPublicUrl(id, completed.publicUrl())));
    }

    @Incoming("publication-failed")
    public Uni<Void> onPublicationFailed(ConsumerRecord<String, String> record) {
        return consumers.consume(PUBLICATION_FAILED, record,
                this::recordPublicationFailed);
    }

    private Uni<Void> recordPublicationFailed(PublicationFailed failed) {
        return uploads.advance(uploadId(failed.uploadId()), UploadStatus.FAILED, "publication", "failed",
                failed.reason()).replaceWithVoid();
    }

    private static UUID uploadId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("uploadId is not a UUID: " + value);
        }
    }
}
