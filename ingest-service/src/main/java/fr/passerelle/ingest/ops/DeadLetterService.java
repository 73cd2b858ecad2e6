package fr.passerelle.ingest.ops;

import fr.passerelle.platform.deadletter.DeadLetterCause;
import fr.passerelle.platform.deadletter.DeadLetter;
import fr.passerelle.contracts.Topics;
import fr.passerelle.ingest.dropzone.FailedDrops;
import fr.passerelle.ingest.upload.UploadDeadLetters;
import fr.passerelle.platform.consumer.Work;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Dead letters for operators: the list of those not replayed yet, and their replay once the cause
 * is fixed. Consumers are idempotent, so a replay reaching a consumer group that had processed the
 * message is a no-op there. A replay also lifts the FAILED status the dead letter gave an upload or
 * a drop, so that the replayed event moves it on to its real outcome.
 *
 * <p>Where each step runs: the dead-letter topics' reads and the replay's send (Kafka's blocking clients) on a worker
 * ({@link Work#blocking}); the replay's record, with the uploads and drops it lifts, in a reactive transaction back on
 * the request's Vert.x context.
 */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    private final DeadLetterTopics topics;
    private final DeadLetterReplays replays;
    private final MeterRegistry metrics;
    private final UploadDeadLetters uploads;
    private final FailedDrops drops;
    private final Transactions transactions;

    public DeadLetterService(DeadLetterTopics topics, DeadLetterReplays replays, MeterRegistry metrics,
                             UploadDeadLetters uploads, FailedDrops drops, Transactions transactions) {
        this.topics = topics;
        this.replays = replays;
        this.transactions = transactions;
        this.metrics = metrics;
        this.uploads = uploads;
        this.drops = drops;
        // Registered up front, so that dashboards and alerts see 0 rather than no series at all.
        Topics.EVENT_TOPICS.forEach(topic -> replayed(topic));
    }

    private io.micrometer.core.instrument.Counter replayed(String topic) {
        return metrics.counter("passerelle.dead.letters.replayed", "topic", topic);
    }

    /**
     * @param originalTopic only this topic's, when given
     * @param cause         only those of this cause code ({@link DeadLetterCause}), when given
     */
    public Uni<List<DeadLetter>> pending(String originalTopic, String cause) {
        if (cause != null && !DeadLetterCause.isKnownCode(cause)) {
            throw ApiException.badRequest("invalid-cause", "« " + cause + " » n'est pas une cause de lettre morte connue.",
                    "Reprenez le champ « causeCode » d'une lettre morte de GET /api/v1/ops/dead-letters.");
        }
        return replays.all().chain(replayed -> Work.blocking(topics::recent).map(recent -> recent.stream()
                .filter(letter -> !replayed.contains(letter.id() + "@" + letter.deadAt().toEpochMilli()))
                .filter(letter -> originalTopic == null || originalTopic.equals(letter.originalTopic()))
                .filter(letter -> cause == null || cause.equals(letter.causeCode()))
                .toList()));
    }

    /** Whether an operator replayed the dead letter at that place and time. */
    public Uni<Boolean> isReplayed(String id, long dlqTimestamp) {
        return replays.isReplayed(DeadLetterId.parse(id), dlqTimestamp);
    }

    public Uni<DeadLetter> replay(String id) {
        DeadLetterId where = DeadLetterId.parse(id);
        String name = where.toString();
        return Work.blocking(() -> topics.read(where).orElseThrow(() -> ApiException.notFound("unknown-dead-letter",
                        "La lettre morte « " + id + " » n'existe pas ou n'est plus conservée.")))
                // Recorded first, with the uploads and drops it lifts, so that two operators cannot replay it twice.
                .chain(record -> transactions.inTransaction(session -> replays.record(where, record.timestamp())
                                .chain(recorded -> !recorded ? Uni.createFrom().item(Boolean.FALSE)
                                        : uploads.replayed(name, record.timestamp())
                                        // Forgotten even if the send below fails: the reconciler then takes the drop
                                        // again, as wanted.
                                        .chain(() -> drops.replayed(name))
                                        .replaceWith(Boolean.TRUE)))
                        .chain(recorded -> {
                            if (!recorded) {
                                throw new ApiException(409, "already-replayed", "La lettre morte « " + id
                                        + " » a déjà été rejouée.", "Si le traitement a échoué de nouveau, elle figure"
                                        + " dans la liste sous un nouvel identifiant.");
                            }
                            return Work.blocking(() -> {
                                topics.replay(record, where.originalTopic());
                                return record;
                            }).onFailure().call(failure -> transactions.inTransaction(session ->
                                    replays.forget(where, record.timestamp())
                                            .chain(() -> uploads.replayUndone(name, record.timestamp()))));
                        }))
                .map(record -> {
                    replayed(where.originalTopic()).increment();
                    LOG.infof("Dead letter %s replayed to %s", id, where.originalTopic());
                    return DeadLetter.of(record);
                });
    }

    /** @return the ids replayed */
    public Uni<List<String>> replayAll(String originalTopic, String cause) {
        return pending(originalTopic, cause).chain(letters -> Multi.createFrom().iterable(letters)
                .onItem().transformToUniAndConcatenate(letter -> replay(letter.id()).map(DeadLetter::id))
                .collect().asList());
    }
}
