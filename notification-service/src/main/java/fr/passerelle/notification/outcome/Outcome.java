package fr.passerelle.notification.outcome;

import fr.passerelle.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One outcome of the pipeline that someone must hear of, as the event that told it: what the messages and the
 * webhooks' CloudEvents are made of.
 *
 * @param eventId      the event's {@code ce_id}: with the kind, what makes each message once
 * @param ceType       the event's CloudEvents type, as a webhook receives it
 * @param ceSource     the service that emitted it
 * @param ceSubject    its subject ({@code uploads/…}), or null
 * @param time         when it happened
 * @param organization the organisation it concerns
 * @param dataset      the dataset it concerns, or null
 * @param uploadId     the upload it concerns, or null
 * @param data         the event's JSON payload, as it travelled
 */
public record Outcome(String eventId, String ceType, String ceSource, String ceSubject, Instant time,
                      String organization, String dataset, String uploadId, String data) {

    /** The outcome told by a pipeline event read from Kafka (binary-mode CloudEvent). */
    public static Outcome of(ConsumerRecord<String, String> record, String organization, String dataset,
                             String uploadId, Instant time) {
        return new Outcome(header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE),
                header(record, CloudEventHeaders.SOURCE), header(record, CloudEventHeaders.SUBJECT), time,
                organization, dataset, uploadId, record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
