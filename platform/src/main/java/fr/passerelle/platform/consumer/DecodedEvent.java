package fr.passerelle.platform.consumer;

/**
 * An event as a consumer reads it: the id that makes a redelivery recognisable, and its payload.
 *
 * @param id      what {@code processed_event} records for the consumer (the CloudEvent's {@code ce_id} for the
 *                pipeline's events)
 * @param payload what the handler receives
 */
public record DecodedEvent<T>(String id, T payload) {
}
