package fr.passerelle.ingest.progress;

import fr.passerelle.contracts.Topics;
import fr.passerelle.ingest.dropzone.FailedDrops;
import fr.passerelle.ingest.ops.DeadLetter;
import fr.passerelle.ingest.ops.DeadLetterService;
import fr.passerelle.ingest.upload.UploadDeadLetters;
import fr.passerelle.platform.inbox.ProcessedEvents;
import fr.passerelle.platform.resilience.TransientFailures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * No upload without an outcome: when any consumer of the pipeline gives up on an event of an upload
 * (it lands in {@code <topic>.dlq}), the upload goes FAILED with a French reason and the dead letter's
 * id; a drop whose notification died becomes a FAILED drop. An operator's replay lifts both
 * ({@link DeadLetterService#replay}).
 */
@ApplicationScoped
public class DeadLetterConsumer {

    private static final Logger LOG = Logger.getLogger(DeadLetterConsumer.class);
    private static final String CONSUMER = "ingest-dead-letters";

    private final UploadDeadLetters uploads;
    private final FailedDrops drops;
    private final DeadLetterService deadLetters;
    private final ProcessedEvents processed;

    public DeadLetterConsumer(UploadDeadLetters uploads, FailedDrops drops, DeadLetterService deadLetters,
                              ProcessedEvents processed) {
        this.uploads = uploads;
        this.drops = drops;
        this.deadLetters = deadLetters;
        this.processed = processed;
    }

    @Incoming("dead-letters")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 500)
    public void onDeadLetter(ConsumerRecord<String, String> record) throws Exception {
        DeadLetter letter = DeadLetter.of(record);
        TransientFailures.inTransaction("dead letter " + letter.id(), () -> {
            // The dead letter's own place names it: its ce_id is the original event's, shared by every
            // consumer group that dead-lettered that event, and by each replay that died again.
            if (!processed.markProcessed(CONSUMER, letter.id() + "@" + record.timestamp())) {
                return;
            }
            boolean replayed = deadLetters.isReplayed(letter.id(), record.timestamp());
            if (Topics.DROPS.equals(letter.originalTopic())) {
                if (!replayed) {
                    drops.record(letter, record.value());
                }
            } else if (uploads.record(letter, record.timestamp(), replayed)) {
                LOG.infof("Upload %s failed: dead letter %s (%s)", letter.uploadId(), letter.id(), letter.causeCode());
            }
        });
    }
}
