package fr.passerelle.notification.mail;

import java.util.List;

/**
 * What one message says, before it is addressed: the same words in plain text and in HTML. Made only of what the
 * events carry about the outcome (dataset, counts, the pipeline's own sentences), never of the file's cells.
 *
 * @param subject     the e-mail's subject
 * @param headline    the first sentence: what happened
 * @param details     further sentences: figures, the cause
 * @param todo        what the person should do, or that they have nothing to do
 * @param actionLabel the link's words (« Voir le rapport »), or null
 * @param actionUrl   where it leads, or null
 */
public record Letter(String subject, String headline, List<String> details, String todo, String actionLabel,
                     String actionUrl) {
}
