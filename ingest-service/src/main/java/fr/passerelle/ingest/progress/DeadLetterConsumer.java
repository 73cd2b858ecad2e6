package fr.passerelle.ingest.progress;

import fr.passerelle.contracts.Topics;
import fr.passerelle.ingest.dropzone.FailedDrops;
import fr.passerelle.platform.deadletter.DeadLetter;
import fr.passerelle.ingest.ops.DeadLetterService;
import fr.passerelle.ingest.upload.UploadDeadLetters;
import fr.passerelle.platform.consumer.DecodedEvent;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * No upload without an outcome: when any consumer of the pipeline gives up on an event of an upload
 * (it lands in {@code <topic>.dlq}), the upload goes FAILED with a French reason and the dead letter's
 * id; a drop whose notification died becomes a FAILED drop. An operator's replay lifts both
 * ({@link DeadLetterService#replay}). A service that only watches the pipeline (notifications) giving up fails
 * nothing ({@link DeadLetter#stoppedTheUpload}).
 */
@ApplicationScoped
public class DeadLetterConsumer {

    private static final Logger LOG = Logger.getLogger(DeadLetterConsumer.class);
    /**
     * The dead letter's own place names it: its ce_id is the original event's, shared by every consumer group
     * that dead-lettered that event, and by each replay that died again.
     */
    private static final Subscription<DeadLetter> SUBSCRIPTION = Subscription.decodedBy("ingest-dead-letters",
            record -> {
                DeadLetter letter = DeadLetter.of(record);
                return new DecodedEvent<>(letter.id() + "@" + record.timestamp(), letter);
            });

    private final UploadDeadLetters uploads;
    private final FailedDrops drops;
    private final DeadLetterService deadLetters;
    private final EventConsumers consumers;

    public DeadLetterConsumer(UploadDeadLetters uploads, FailedDrops drops, DeadLetterService deadLetters,
                              EventConsumers consumers) {
        this.uploads = uploads;
        this.drops = drops;
        this.deadLetters = deadLetters;
        this.consumers = consumers;
    }

    @Incoming("dead-letters")
    public Uni<Void> onDeadLetter(ConsumerRecord<String, String> record) {
        return consumers.consume(SUBSCRIPTION, record, letter -> failUpload(letter, record));
    }

    private Uni<Void> failUpload(DeadLetter letter, ConsumerRecord<String, String> record) {
        return deadLetters.isReplayed(letter.id(), record.timestamp()).chain(replayed -> {
            if (Topics.DROPS.equals(letter.originalTopic())) {
                return replayed ? Uni.createFrom().voidItem() : drops.record(letter, record.value());
            }
            if (!letter.stoppedTheUpload()) {
                // A watcher (notifications) gave up: the upload went on; the letter waits on the ops page for replay.
                LOG.infof("Dead letter %s of %s: upload %s goes on", letter.id(), letter.consumerGroup(),
                        letter.uploadId());
                return Uni.createFrom().voidItem();
            }
            return uploads.record(letter, record.timestamp(), replayed).invoke(failed -> {
                if (failed) {
                    LOG.infof("Upload %s failed: dead letter %s (%s)", letter.uploadId(), letter.id(),
                            letter.causeCode());
                }
            }).replaceWithVoid();
        });
    }
}
