package fr.passerelle.platform.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.Topics;
import fr.passerelle.platform.messaging.ConsumerStamp;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A message a consumer could not process, as it sits in a dead-letter topic.
 *
 * @param id             {@code dlqTopic:partition:offset}, what replay takes
 * @param uploadId       the upload it concerns (pipeline events), else null
 * @param organization   the organisation it concerns (pipeline events, drops), else null
 * @param causeCode      the cause's stable code ({@link DeadLetterCause}): "replay all of this cause" takes it
 * @param explanation    the cause in French, for people
 * @param exception      the exception's class (technical)
 * @param reason         why the consumer gave up: the exception's message (technical)
 * @param cause          the message of that exception's cause (technical)
 * @param payloadStart   the first characters of the message, to recognise it
 * @param deadAt         when it was dead-lettered
 * @param consumerGroup  the consumer group (service) that gave up on it ({@link ConsumerStamp}), or null for a dead
 *                       letter older than the stamp
 */
public record DeadLetter(
        String id,
        String dlqTopic,
        String originalTopic,
        String key,
        String ceId,
        String ceType,
        String uploadId,
        String organization,
        String dataset,
        String causeCode,
        String explanation,
        String exception,
        String reason,
        String cause,
        String payloadStart,
        Instant deadAt,
        String consumerGroup) {

    /**
     * The services that only watch the pipeline: when they give up on an event, the upload goes on without them (an
     * operator replays the dead letter for them alone).
     */
    private static final java.util.Set<String> OBSERVERS = java.util.Set.of("notification-service");

    private static final int PAYLOAD_START = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT_PREFIX = "uploads/";

    /** What the step that failed was, by the topic of the message, for the sentence a person reads. */
    private static final Map<String, String> STEPS = Map.of(
            Topics.UPLOAD_RECEIVED, "Le contrôle n'a pas pu être fait",
            Topics.QUALITY_CHECKED, "Le résultat du contrôle n'a pas pu être enregistré",
            Topics.VERSION_RECORDED, "L'enregistrement de la nouvelle version n'a pas pu être suivi",
            Topics.VERSION_REFUSED, "Le refus de la version n'a pas pu être suivi",
            Topics.PUBLICATION_REQUESTED, "La publication n'a pas pu être faite",
            Topics.PUBLICATION_COMPLETED, "Le résultat de la publication n'a pas pu être enregistré",
            Topics.PUBLICATION_FAILED, "Le résultat de la publication n'a pas pu être enregistré",
            Topics.DROPS, "Le fichier déposé n'a pas pu être pris en charge");

    public static DeadLetter of(ConsumerRecord<String, String> record) {
        String value = record.value() == null ? "" : record.value();
        String dlq = record.topic();
        String original = dlq.endsWith(Topics.DEAD_LETTER_SUFFIX)
                ? dlq.substring(0, dlq.length() - Topics.DEAD_LETTER_SUFFIX.length()) : dlq;
        String exception = header(record, "dead-letter-exception-class-name");
        String reason = header(record, "dead-letter-reason");
        String causeClass = header(record, "dead-letter-cause-class-name");
        String cause = header(record, "dead-letter-cause");
        DeadLetterCause known = DeadLetterCause.of(exception, reason, causeClass, cause);
        JsonNode payload = readTree(value);
        String uploadId = text(payload, "uploadId");
        String subject = header(record, CloudEventHeaders.SUBJECT);
        if (uploadId == null && subject != null && subject.startsWith(SUBJECT_PREFIX)) {
            uploadId = subject.substring(SUBJECT_PREFIX.length());
        }
        String organization = text(payload, "organization");
        String dataset = text(payload, "dataset");
        String where = Topics.DROPS.equals(original) ? droppedKey(payload) : record.key();
        if (organization == null && where != null && where.contains("/")) {
            // Pipeline events are keyed by org/dataset; a dropped object's key is org/dataset/file.
            String[] parts = where.split("/");
            organization = parts[0];
            dataset = parts.length > 1 ? parts[1] : null;
        }
        return new DeadLetter(dlq + ":" + record.partition() + ":" + record.offset(), dlq, original, record.key(),
                header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE), uploadId, organization,
                dataset, known.code(), capitalise(known.explanation()) + ".",
                causeClass == null ? exception : exception + " ← " + causeClass, reason, cause,
                value.length() > PAYLOAD_START ? value.substring(0, PAYLOAD_START) + "…" : value,
                Instant.ofEpochMilli(record.timestamp()), header(record, ConsumerStamp.HEADER));
    }

    /**
     * Whether the upload's way stopped here: a service of the pipeline gave up on its event. A watcher's failure (a
     * message not written) does not make the upload fail. A dead letter without a stamp is taken as the pipeline's.
     */
    public boolean stoppedTheUpload() {
        return consumerGroup == null || !OBSERVERS.contains(consumerGroup);
    }

    /**
     * The sentence the person who sent the file reads on their upload: the step, the cause, and that
     * there is nothing for them to do.
     */
    public String forPerson() {
        String step = STEPS.getOrDefault(originalTopic, "Le traitement n'a pas pu être fait");
        return step + " : " + DeadLetterCause.ofCode(causeCode).explanation()
                + ". L'équipe d'exploitation a été prévenue ; vous n'avez rien à refaire.";
    }

    private static JsonNode readTree(String value) {
        try {
            return value.isBlank() ? null : JSON.readTree(value);
        } catch (IOException e) {
            return null; // a malformed message: nothing to read in it
        }
    }

    /** The key of the first object of an S3 event notification (URL-encoded there). */
    private static String droppedKey(JsonNode payload) {
        JsonNode key = payload == null ? null : payload.path("Records").path(0).path("s3").path("object").path("key");
        return key == null || !key.isTextual() ? null : URLDecoder.decode(key.asText(), StandardCharsets.UTF_8);
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload == null ? null : payload.get(field);
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
