package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The stack's mail server as notification-service meets it: a mail sent over plain SMTP to 127.0.0.1:3025, without
 * authentication, to any address, reaches that address's mailbox, and {@link Mailbox} reads it back whole.
 */
class MailServerTest {

    @Test
    void aMailSentOverSmtpIsReadBackWithItsSubjectTextAndHeaders() throws Exception {
        String address = freshAddress("agent");
        String unsubscribe = "<http://127.0.0.1:8086/desabonnement?jeton=essai>";
        MimeMessage sent = message(address, "Dépôt « vélos » refusé : 3 erreurs",
                "Bonjour,\nLe fichier déposé à 14 h 05 n'a pas été publié : la colonne « capacité » attend un nombre.",
                "<p>Le fichier déposé n'a pas été <strong>publié</strong>.</p>");
        sent.setHeader("List-Unsubscribe", unsubscribe);
        sent.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        send(sent);

        Mailbox.Mail received = Mailbox.await(address, 1).get(0);
        assertEquals("Dépôt « vélos » refusé : 3 erreurs", received.subject());
        assertEquals("Bonjour,\nLe fichier déposé à 14 h 05 n'a pas été publié : la colonne « capacité » attend un nombre.",
                received.text().replace("\r\n", "\n"));
        assertEquals("<p>Le fichier déposé n'a pas été <strong>publié</strong>.</p>", received.html());
        assertNotNull(sent.getMessageID(), "Jakarta Mail names the message when it sends it");
        assertEquals(sent.getMessageID(), received.messageId());
        assertEquals(unsubscribe, received.listUnsubscribe());
        assertEquals("List-Unsubscribe=One-Click", received.header("list-unsubscribe-post"));
        assertEquals("Passerelle <passerelle@passerelle.test>", received.from());
        assertTrue(received.header("Received") != null, "GreenMail notes how the mail came: " + received.headers());
    }

    @Test
    void eachRecipientHasItsOwnMailboxCountedAndPurgedAlone() throws Exception {
        String first = freshAddress("contributrice");
        String second = freshAddress("publieur");
        assertEquals(0, Mailbox.count(first), "an address nobody wrote to has an empty mailbox");

        send(message(first, "Premier", "un", null));
        send(message(first, "Deuxième", "deux", null));
        send(message(second, "Pour le publieur", "trois", null));

        List<Mailbox.Mail> firsts = Mailbox.await(first, 2);
        assertEquals(List.of("Premier", "Deuxième"), firsts.stream().map(Mailbox.Mail::subject).toList());
        assertEquals(1, Mailbox.await(second, 1).size());

        Mailbox.purge(first);
        assertEquals(0, Mailbox.count(first));
        assertEquals(1, Mailbox.count(second), "purging one recipient leaves the others' mail");

        send(message(first, "Après la purge", "quatre", null));
        assertEquals(List.of("Après la purge"), Mailbox.await(first, 1).stream().map(Mailbox.Mail::subject).toList());

        Mailbox.purgeAll();
        assertEquals(0, Mailbox.count(first));
        assertEquals(0, Mailbox.count(second));
    }

    private static String freshAddress(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@mairie.test";
    }

    private static MimeMessage message(String to, String subject, String text, String html) throws Exception {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress("passerelle@passerelle.test", "Passerelle", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", plain, rich));
        }
        return message;
    }

    private static void send(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }

    /** Plain SMTP, no authentication, no TLS: what the local stack's services are given (QUARKUS_MAILER_*). */
    private static Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", Stack.SMTP_HOST);
        properties.put("mail.smtp.port", String.valueOf(Stack.SMTP_PORT));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        return Session.getInstance(properties);
    }
}
