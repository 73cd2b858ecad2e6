package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The mail the stack's GreenMail received (deploy/local/greenmail.sh), read through its REST API: what a person
 * would find in their inbox. GreenMail gives each recipient a mailbox on their first mail.
 *
 * <ul>
 *   <li>{@code GET /api/user/{address}/messages/}: the recipient's INBOX, each message with its whole MIME text
 *       ({@code mimeMessage}), parsed here with Jakarta Mail for its headers and body;</li>
 *   <li>{@code DELETE /api/user/{address}}: the recipient and their mailbox (the next mail makes a new one);</li>
 *   <li>{@code POST /api/mail/purge}: every message of every mailbox.</li>
 * </ul>
 */
final class Mailbox {

    private static final Session PARSER = Session.getInstance(new Properties());

    private Mailbox() {
    }

    /** One received mail: its subject, its plain text and HTML (null when absent), every header as it arrived (unfolded). */
    record Mail(String subject, String text, String html, Map<String, List<String>> headers) {

        /** The first value of a header (names compared without case), or null. */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String messageId() {
            return header("Message-ID");
        }

        String listUnsubscribe() {
            return header("List-Unsubscribe");
        }

        String from() {
            return header("From");
        }
    }

    /** The mail received for address, oldest first; none when nothing was ever sent to it. */
    static List<Mail> of(String address) {
        Response answer = given().baseUri(Stack.MAIL_API).accept("application/json")
                .when().get("/api/user/{address}/messages/", address);
        // GreenMail knows a recipient from their first mail on: before it, 400 "User '…' not found".
        if (answer.statusCode() == 400 && answer.asString().contains("not found")) {
            return List.of();
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GreenMail answered " + answer.statusCode() + " for the mailbox of "
                    + address + ": " + answer.asString());
        }
        List<String> texts = answer.jsonPath().getList("mimeMessage", String.class);
        List<Mail> mails = new ArrayList<>();
        for (String text : texts) {
            mails.add(parse(text));
        }
        return mails;
    }

    static int count(String address) {
        return of(address).size();
    }

    /** Waits, with the pipeline's patience, until address has received at least count mails; returns them all. */
    static List<Mail> await(String address, int count) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        List<Mail> received = of(address);
        while (received.size() < count && System.nanoTime() < deadline) {
            Pipeline.sleep(200);
            received = of(address);
        }
        if (received.size() < count) {
            throw new AssertionError(address + " received " + received.size() + " mail(s) within " + Pipeline.PATIENCE
                    + ", not " + count + ": " + received.stream().map(Mail::subject).toList());
        }
        return received;
    }

    /** Forgets address and its mail: the next mail to it starts a new mailbox. Other recipients keep theirs. */
    static void purge(String address) {
        Response answer = given().baseUri(Stack.MAIL_API).accept("application/json")
                .when().delete("/api/user/{address}", address);
        if (answer.statusCode() != 200 && !(answer.statusCode() == 400 && answer.asString().contains("not found"))) {
            throw new IllegalStateException("GreenMail answered " + answer.statusCode() + " to forgetting " + address
                    + ": " + answer.asString());
        }
    }

    /** Empties every mailbox. */
    static void purgeAll() {
        given().baseUri(Stack.MAIL_API).accept("application/json")
                .when().post("/api/mail/purge")
                .then().statusCode(200);
    }

    /** GreenMail writes the message's bytes as ISO-8859-1 text: the same charset gives the bytes back. */
    private static Mail parse(String mimeText) {
        try {
            MimeMessage message = new MimeMessage(PARSER,
                    new ByteArrayInputStream(mimeText.getBytes(StandardCharsets.ISO_8859_1)));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(MimeUtility.unfold(header.getValue()));
            }
            return new Mail(message.getSubject(), firstPart(message, "text/plain"), firstPart(message, "text/html"),
                    headers);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("GreenMail handed back a message that does not parse: " + mimeText, e);
        }
    }

    /** The decoded text of the first part of type mimeType, looking inside multiparts; null when there is none. */
    private static String firstPart(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = firstPart(child, mimeType);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
