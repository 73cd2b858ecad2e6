package fr.passerelle.ingest.progress;

import fr.passerelle.platform.resilience.TransientFailures;
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
import fr.passerelle.platform.inbox.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows each upload through the downstream services, so that staff see one status per upload.
 */
@ApplicationScoped
public class PipelineProgressConsumer {

    private static final Logger LOG = Logger.getLogger(PipelineProgressConsumer.class);
    private static final String CONSUMER = "ingest-progress";

    private final Uploads uploads;
    private final ProcessedEvents processed;
    private final OpenQuestions questions;

    public PipelineProgressConsumer(Uploads uploads, ProcessedEvents processed, OpenQuestions questions) {
        this.questions = questions;
        this.uploads = uploads;
        this.processed = processed;
    }

    @Incoming("quality-checked")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onQualityChecked(ConsumerRecord<String, String> record) throws Exception {
        TransientFailures.inTransaction("onQualityChecked " + record.topic() + "@" + record.offset(), () -> {
            QualityChecked checked = processed.firstDelivery(CONSUMER, record, EventType.QUALITY_CHECKED, QualityChecked.class).orElse(null);
            if (checked == null) {
                return;
            }
            UUID id = uploadId(checked.uploadId());
            UploadStatus status = switch (checked.verdict()) {
                case VALID -> UploadStatus.CHECKED;
                case INVALID -> UploadStatus.REJECTED;
                case BLOCKED -> UploadStatus.BLOCKED;
            };
            if (uploads.advance(id, status, "quality", status == UploadStatus.CHECKED ? "ok" : status.name().toLowerCase(),
                    checked.summary())) {
                uploads.recordQuality(id, checked.verdict().name(), checked.validityPercent(), checked.summary());
                questions.record(id, checked.decisionsOrNone());
                if (checked.schema() != null) {
                    uploads.recordDetectedSchema(id, checked.schema());
                }
            }
        });
    }

    @Incoming("version-recorded")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onVersionRecorded(ConsumerRecord<String, String> record) throws Exception {
        TransientFailures.inTransaction("onVersionRecorded " + record.topic() + "@" + record.offset(), () -> {
            VersionRecorded recorded = processed.firstDelivery(CONSUMER, record, EventType.VERSION_RECORDED, VersionRecorded.class).orElse(null);
            if (recorded == null) {
                return;
            }
            UUID id = uploadId(recorded.uploadId());
            String detail = recorded.awaitingApproval()
                    // Not only the first one: a withdrawn approval or "always ask" also holds a version.
                    ? "Version " + recorded.version() + " enregistrée ; sa publication attend l'approbation d'un publieur."
                    : "Version " + recorded.version() + " enregistrée ; publication demandée.";
            if (uploads.advance(id, recorded.awaitingApproval() ? UploadStatus.AWAITING_APPROVAL : UploadStatus.PUBLISHING,
                    "catalog", "ok", detail)) {
                uploads.recordVersion(id, recorded.version());
            }
        });
    }

    @Incoming("version-refused")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onVersionRefused(ConsumerRecord<String, String> record) throws Exception {
        TransientFailures.inTransaction("onVersionRefused " + record.topic() + "@" + record.offset(), () -> {
            VersionRefused refused = processed.firstDelivery(CONSUMER, record, EventType.VERSION_REFUSED, VersionRefused.class).orElse(null);
            if (refused == null) {
                return;
            }
            UUID id = uploadId(refused.uploadId());
            if (uploads.advance(id, UploadStatus.REFUSED, "approval", "refused",
                    "Version " + refused.version() + " refusée par un publieur : " + refused.reason())) {
                uploads.recordVersion(id, refused.version());
            }
        });
    }

    @Incoming("publication-completed")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onPublicationCompleted(ConsumerRecord<String, String> record) throws Exception {
        TransientFailures.inTransaction("onPublicationCompleted " + record.topic() + "@" + record.offset(), () -> {
            PublicationCompleted completed = processed.firstDelivery(CONSUMER, record, EventType.PUBLICATION_COMPLETED, PublicationCompleted.class).orElse(null);
            if (completed == null) {
                return;
            }
            UUID id = uploadId(completed.uploadId());
            if (uploads.advance(id, UploadStatus.PUBLISHED, "publication", "ok",
                    "Version " + completed.version() + " publiée : " + completed.publicUrl())) {
                uploads.recordVersion(id, completed.version());
                uploads.recordPublicUrl(id, completed.publicUrl());
            }
        });
    }

    @Incoming("publication-failed")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onPublicationFailed(ConsumerRecord<String, String> record) throws Exception {
        TransientFailures.inTransaction("onPublicationFailed " + record.topic() + "@" + record.offset(), () -> {
            PublicationFailed failed = processed.firstDelivery(CONSUMER, record, EventType.PUBLICATION_FAILED, PublicationFailed.class).orElse(null);
            if (failed == null) {
                return;
            }
            uploads.advance(uploadId(failed.uploadId()), UploadStatus.FAILED, "publication", "failed", failed.reason());
        });
    }

    private static UUID uploadId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("uploadId is not a UUID: " + value);
        }
    }
}
