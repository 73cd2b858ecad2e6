package fr.passerelle.notification.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the messages the consumers wrote, after their transaction committed: every second (and at once when woken),
 * on a worker thread, since SMTP blocks. Each message leaves with a {@code Message-ID} of its own row, the same at
 * every attempt, and the one-click unsubscribe headers of RFC 8058.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final MessageQueue queue;
    private final Mailer mailer;
    private final UnsubscribeLinks links;

    public MailSender(MessageQueue queue, Mailer mailer, UnsubscribeLinks links) {
        this.queue = queue;
        this.mailer = mailer;
        this.links = links;
    }

    @Scheduled(identity = "mail-sender", every = "${passerelle.notifications.send-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pass() {
        try {
            List<QueuedMessage> claimed;
            do {
                claimed = queue.claim();
                claimed.forEach(this::send);
            } while (claimed.size() == MessageQueue.BATCH);
        } catch (RuntimeException e) {
            // PostgreSQL away: the messages stay, the next pass takes them.
            LOG.warnf("Mail pass failed, will retry: %s", e.getMessage());
        }
    }

    private void send(QueuedMessage message) {
        Mail mail = Mail.withText(message.recipient(), message.subject(), message.text()).setHtml(message.html());
        mail.addHeader("Message-ID", "<" + message.id() + "@passerelle>");
        if (!"digest".equals(message.kind())) {
            String unsubscribe = links.url(message.recipient(), message.kind());
            mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            LOG.warnf("Message %s (%s) not sent (attempt %d): %s", message.id(), message.kind(),
                    message.attempts(), e.getMessage());
            queue.failed(message, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        queue.sent(message.id());
        LOG.infof("Sent %s message %s", message.kind(), message.id());
    }
}
