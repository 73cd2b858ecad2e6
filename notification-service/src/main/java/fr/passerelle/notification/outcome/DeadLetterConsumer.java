package fr.passerelle.notification.outcome;

import fr.passerelle.contracts.Topics;
import fr.passerelle.notification.people.Uploads;
import fr.passerelle.platform.consumer.DecodedEvent;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.Subscription;
import fr.passerelle.platform.deadletter.DeadLetter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every consumer's dead letters: operators are told of each, and the contributors of the dataset once per upload
 * event (several consumers giving up on the same event, or a replay dying again, tell them nothing new).
 */
@ApplicationScoped
public class DeadLetterConsumer {

    /** As ingest records them: the dead letter's place, since its ce_id is the original event's. */
    private static final Subscription<DeadLetter> SUBSCRIPTION = Subscription.decodedBy("notify-dead-letters",
            record -> {
                DeadLetter letter = DeadLetter.of(record);
                return new DecodedEvent<>(letter.id() + "@" + record.timestamp(), letter);
            });

    private final EventConsumers consumers;
    private final Outcomes outcomes;
    private final Letters letters;
    private final Uploads uploads;

    public DeadLetterConsumer(EventConsumers consumers, Outcomes outcomes, Letters letters, Uploads uploads) {
        this.consumers = consumers;
        this.outcomes = outcomes;
        this.letters = letters;
        this.uploads = uploads;
    }

    @Incoming("dead-letters")
    public Uni<Void> onDeadLetter(ConsumerRecord<String, String> record) {
        return consumers.consume(SUBSCRIPTION, record, letter -> {
            String id = letter.id() + "@" + record.timestamp();
            Uni<Void> operators = outcomes.tell(MessageKind.DEAD_LETTER, id, letter.organization(), letter.dataset(),
                    letters.deadLetter(letter));
            // This service's own failure (a message not written) is the operators' business: the upload went on.
            if (letter.uploadId() == null || letter.organization() == null || Topics.DROPS.equals(letter.originalTopic())
                    || !letter.stoppedTheUpload()) {
                return operators;
            }
            String event = letter.ceId() == null ? id : letter.ceId();
            return operators.chain(() -> uploads.arrival(letter.uploadId()))
                    .chain(arrival -> outcomes.tellAboutUpload(MessageKind.UPLOAD_FAILED,
                            "upload:" + letter.uploadId() + ":" + event, letter.organization(), letter.dataset(),
                            letter.uploadId(), letters.uploadFailed(letter, arrival)));
        });
    }
}
