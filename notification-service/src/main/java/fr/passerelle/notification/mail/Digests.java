package fr.passerelle.notification.mail;

import fr.passerelle.platform.db.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The daily digest: every message waiting for one (the person chose « résumé du jour », or had too many messages in an
 * hour) goes out in a single message per person, once a day. The digest is written and its messages marked
 * DIGESTED in one transaction, then {@link MailSender} sends it as any other; two instances composing at the same
 * time skip each other's rows.
 */
@ApplicationScoped
public class Digests {

    /** The kind code of a digest (no preference names it: unsubscribing from it stops every digested kind). */
    public static final String KIND = "digest";
    private static final Logger LOG = Logger.getLogger(Digests.class);

    private final Database database;
    private final MailBodies bodies;
    private final String staffUrl;
    private final ZoneId zone;

    public Digests(Database database, MailBodies bodies,
                   @ConfigProperty(name = "passerelle.notifications.staff-url") String staffUrl,
                   @ConfigProperty(name = "passerelle.notifications.time-zone") ZoneId zone) {
        this.database = database;
        this.bodies = bodies;
        this.staffUrl = staffUrl.replaceAll("/+$", "");
        this.zone = zone;
    }

    @Scheduled(identity = "daily-digest", cron = "${passerelle.notifications.digest-cron}",
            timeZone = "${passerelle.notifications.time-zone}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        try {
            int sent = compose();
            LOG.infof("Daily digest: %d message(s) composed", sent);
        } catch (RuntimeException e) {
            LOG.warnf("Daily digest failed, the messages wait for the next one: %s", e.getMessage());
        }
    }

    /** Writes one digest per person with messages waiting; returns how many. */
    public int compose() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            record Waiting(UUID id, String recipient, String subject) {
            }
            List<Waiting> waiting = database.query("SELECT id, recipient, subject FROM message WHERE status = 'DIGEST'"
                            + " ORDER BY recipient, created_at FOR UPDATE SKIP LOCKED",
                    row -> new Waiting((UUID) row.getObject("id"), row.getString("recipient"), row.getString("subject")));
            Map<String, List<Waiting>> byRecipient = new LinkedHashMap<>();
            waiting.forEach(message -> byRecipient.computeIfAbsent(message.recipient(), ignored -> new ArrayList<>())
                    .add(message));
            String day = LocalDate.now(zone).toString();
            byRecipient.forEach((recipient, messages) -> {
                List<String> subjects = messages.stream().map(message -> "• " + message.subject()).toList();
                Letter letter = new Letter("[Passerelle] Résumé du jour : " + messages.size()
                        + (messages.size() == 1 ? " message" : " messages"),
                        "Voici ce qui s'est passé depuis le dernier résumé :", subjects,
                        "Le détail de chacun est dans l'espace agent.", "Ouvrir l'espace agent", staffUrl + "/");
                MailBodies.Bodies body = bodies.of(letter, recipient, KIND, "le résumé du jour");
                UUID digest = UUID.randomUUID();
                database.update("INSERT INTO message (id, outcome_key, recipient, kind, subject, body_text, body_html,"
                                + " status) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')", digest,
                        "digest:" + day + ":" + digest, recipient, KIND, letter.subject(), body.text(), body.html());
                for (Waiting message : messages) {
                    database.update("UPDATE message SET status = 'DIGESTED', sent_at = now() WHERE id = ?", message.id());
                }
            });
            return byRecipient.size();
        });
    }
}
