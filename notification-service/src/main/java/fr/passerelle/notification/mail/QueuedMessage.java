package fr.passerelle.notification.mail;

import java.util.UUID;

/** A message claimed for sending. */
public record QueuedMessage(UUID id, String recipient, String kind, String subject, String text, String html,
                            int attempts) {
}
