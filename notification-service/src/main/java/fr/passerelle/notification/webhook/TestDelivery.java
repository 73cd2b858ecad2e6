package fr.passerelle.notification.webhook;

import java.util.UUID;

/** The ping just queued: its line in the delivery log ({@code webhook-id}) tells how the receiver answered. */
public record TestDelivery(UUID deliveryId) {
}
