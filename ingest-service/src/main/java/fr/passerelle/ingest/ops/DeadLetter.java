package fr.passerelle.ingest.ops;

import java.time.Instant;

/**
 * A message a consumer could not process, as it sits in a dead-letter topic.
 *
 * @param id           {@code dlqTopic:partition:offset}, what replay takes
 * @param reason       why the consumer gave up (the exception's message)
 * @param payloadStart the first characters of the message, to recognise it
 */
public record DeadLetter(
        String id,
        String dlqTopic,
        String originalTopic,
        String key,
        String ceId,
        String ceType,
        String reason,
        String cause,
        String payloadStart,
        Instant deadAt) {
}
