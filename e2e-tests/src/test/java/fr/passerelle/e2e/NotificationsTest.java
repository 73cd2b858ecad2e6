package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.contracts.TopicEvent;
import fr.passerelle.portals.UdataContractServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 on the real stack: the pipeline's outcomes reach the people who must act, by e-mail read back from the
 * stack's SMTP server (GreenMail), once — a redelivered event, a replay, a killed instance add nothing and lose
 * nothing. An organisation of its own, so that nobody else's mail is counted.
 */
class NotificationsTest {

    private static final String NOTIFICATION = System.getProperty("passerelle.notification.url", "http://127.0.0.1:8086");
    private static final String ORG = "notif-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String SCHEMA = "stationnement-cyclable";
    /** The messages one instance claims at a time (notification-service's MessageQueue). */
    private static final int MAIL_BATCH = 20;
    private static final String PUBLISHER = "dominique@" + ORG + ".fr";
    /** Who uploads in the e2e tests (Auth.staff): the datasets' contributor. */
    private static final String CONTRIBUTOR = "agent@" + ORG + ".fr";

    @BeforeAll
    static void thePublisherLoggedIn() {
        Auth.with(Auth.as(PUBLISHER, ORG, "publisher")).baseUri(NOTIFICATION)
                .when().put("/api/v1/me").then().statusCode(204);
    }

    @Test
    void aVersionToApproveGoesToThePublishersAndARejectedDropToTheContributorOnceEach() {
        String dataset = Pipeline.freshDataset("velos");
        String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv",
                Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
        Pipeline.awaitStatus(first, "AWAITING_APPROVAL");

        Mailbox.Mail approval = awaitMail(PUBLISHER, "Version à approuver : " + dataset);
        assertTrue(approval.text().contains("/jeux/" + dataset + "/approbation"), approval.text());
        assertTrue(approval.html().contains("Approuver ou refuser"), approval.html());
        assertNotNull(approval.listUnsubscribe(), "one-click unsubscribe (RFC 8058)");
        assertEquals("List-Unsubscribe=One-Click", approval.header("List-Unsubscribe-Post"));

        S3.put("dropzone", ORG + "/" + dataset + "/export-nuit.csv",
                "id_local;capacite\nA1;beaucoup\n".getBytes(StandardCharsets.ISO_8859_1));
        Mailbox.Mail rejected = awaitMail(CONTRIBUTOR, "Fichier refusé au contrôle : " + dataset);
        assertTrue(rejected.text().contains("« export-nuit.csv » déposé automatiquement"), rejected.text());
        assertTrue(rejected.text().contains("/rapports/"), rejected.text());
        assertTrue(rejected.text().contains("erreur"), rejected.text());

        // Time for a redelivery or a second send to show, then exactly one of each.
        Pipeline.sleep(3000);
        assertEquals(1, subjects(PUBLISHER).stream().filter(s -> s.contains("approuver : " + dataset)).count());
        assertEquals(1, subjects(CONTRIBUTOR).stream().filter(s -> s.contains("refusé au contrôle : " + dataset))
                .count());
    }

    @Test
    void aPortalThatRefusesTheVersionIsToldToThePublishers() throws Exception {
        try (UdataContractServer udata = new UdataContractServer()) {
            String dataset = Pipeline.freshDataset("velos-cle");
            String first = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv",
                    Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
            Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
            given().baseUri(Stack.PUBLISH).contentType("application/json")
                    .body(Map.of("apiUrl", udata.apiUrl(), "organizationId", UdataContractServer.ORGANIZATION,
                            "apiKey", "mauvaise-cle"))
                    .when().put("/api/v1/targets/{org}/{dataset}/udata", ORG, dataset)
                    .then().statusCode(200);
            Pipeline.approve(ORG, dataset);

            Mailbox.Mail failed = awaitMail(PUBLISHER, "Envoi sur un portail en échec : " + dataset);
            assertTrue(failed.text().contains("data.gouv.fr"), failed.text());
            assertTrue(failed.text().contains("clé d'API a été refusée"), failed.text());
            assertTrue(failed.text().contains("/jeux/" + dataset + "/portails"), failed.text());
        }
    }

    @Test
    void aRedeliveredOrReplayedOutcomeSendsNothingNew() {
        String dataset = Pipeline.freshDataset("rejoue");
        String person = "rejoue-" + UUID.randomUUID().toString().substring(0, 6) + "@" + ORG + ".fr";
        String upload = contributes(person, dataset);
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, String> outcome = record(EventType.QUALITY_CHECKED, eventId, rejected(dataset, upload));
        Kafka.send(outcome);
        awaitMail(person, "Fichier refusé au contrôle : " + dataset);

        // The same event again, as a redelivery or an operator's replay sends it, then a new one as a marker.
        Kafka.send(record(EventType.QUALITY_CHECKED, eventId, rejected(dataset, upload)));
        Kafka.send(record(EventType.QUALITY_CHECKED, UUID.randomUUID().toString(), rejected(dataset, upload)));
        Mailbox.await(person, 2);
        Pipeline.sleep(2000);
        assertEquals(2, Mailbox.count(person), "the replayed event sent nothing: " + subjects(person));
    }

    /**
     * The audit log and the outcomes are different topics, read side by side: an outcome read before the entry naming
     * its upload's sender waits for it, and the sender is told, not only the dataset's earlier contributors.
     */
    @Test
    void theSenderIsToldWhenTheOutcomeIsReadBeforeTheEntryNamingThem() {
        String dataset = Pipeline.freshDataset("ordre");
        String earlier = "avant-" + UUID.randomUUID().toString().substring(0, 6) + "@" + ORG + ".fr";
        contributes(earlier, dataset);
        String sender = "envoi-" + UUID.randomUUID().toString().substring(0, 6) + "@" + ORG + ".fr";
        String upload = UUID.randomUUID().toString();

        Kafka.send(record(EventType.QUALITY_CHECKED, UUID.randomUUID().toString(), rejected(dataset, upload)));
        Pipeline.sleep(2000);
        assertEquals(0, Mailbox.count(earlier), "held until its sender is known: " + subjects(earlier));
        sends(sender, dataset, upload);

        awaitMail(sender, "Fichier refusé au contrôle : " + dataset);
        awaitMail(earlier, "Fichier refusé au contrôle : " + dataset);
        Pipeline.sleep(2000);
        assertEquals(1, Mailbox.count(sender), subjects(sender).toString());
        assertEquals(1, Mailbox.count(earlier), subjects(earlier).toString());
    }

    @Test
    void anUnsubscribeLinkStopsThatKindOfMessageAfterAConfirmation() {
        String dataset = Pipeline.freshDataset("desabo");
        String person = "desabo-" + UUID.randomUUID().toString().substring(0, 6) + "@" + ORG + ".fr";
        String upload = contributes(person, dataset);
        Kafka.send(record(EventType.QUALITY_CHECKED, UUID.randomUUID().toString(), rejected(dataset, upload)));
        Mailbox.Mail mail = awaitMail(person, "Fichier refusé au contrôle : " + dataset);
        String link = mail.listUnsubscribe().replaceAll("^<|>$", "");

        String page = given().when().get(link).then().statusCode(200).contentType("text/html").extract().asString();
        assertTrue(page.contains("Ne plus recevoir ces messages"), page);
        given().when().post(link).then().statusCode(200);
        given().when().get(link.replace("jeton=", "jeton=x")).then().statusCode(400).contentType("text/html");

        Kafka.send(record(EventType.QUALITY_CHECKED, UUID.randomUUID().toString(), rejected(dataset, upload)));
        Pipeline.sleep(4000);
        assertEquals(1, Mailbox.count(person), "nothing more of that kind: " + subjects(person));
    }

    /**
     * kill -9 of the notification service while it sends a burst, then a start: every person gets their message, and
     * nobody gets two different messages for one outcome. What SMTP cannot promise is checked as such: an instance
     * killed after the relay took a message and before it recorded so (milliseconds) sends it again once its claim's
     * lease ends, with the same Message-ID, by which mail clients fold it into the first (README, « Once, and nothing
     * lost »). Such repeats are printed, and can only be of a message claimed when the kill came.
     */
    @Test
    void killingTheServiceMidSendLosesNothingAndEveryMessageKeepsOneIdentity() {
        int people = 30;
        List<String> addresses = new ArrayList<>();
        List<String> datasets = new ArrayList<>();
        List<String> uploads = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String dataset = Pipeline.freshDataset("rafale");
            String person = "rafale-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@" + ORG + ".fr";
            uploads.add(contributes(person, dataset));
            addresses.add(person);
            datasets.add(dataset);
        }
        for (int i = 0; i < people; i++) {
            Kafka.send(record(EventType.QUALITY_CHECKED, UUID.randomUUID().toString(),
                    rejected(datasets.get(i), uploads.get(i))));
        }
        Mailbox.await(addresses.get(0), 1);
        StackControl.kill("notification");
        int before = (int) addresses.stream().filter(address -> Mailbox.count(address) > 0).count();
        StackControl.up("notification");

        for (String address : addresses) {
            Mailbox.await(address, 1);
        }
        Pipeline.sleep(2000);
        Set<String> messageIds = new HashSet<>();
        int total = 0;
        for (String address : addresses) {
            List<Mailbox.Mail> received = Mailbox.of(address);
            total += received.size();
            Set<String> own = new HashSet<>();
            received.forEach(mail -> own.add(mail.messageId()));
            assertEquals(1, own.size(), address + " got one message, whatever its deliveries: " + own);
            messageIds.addAll(own);
        }
        System.out.printf("notification kill mid-send: %d people, %d had their mail before the kill, %d deliveries,"
                + " %d distinct Message-IDs (%d repeat(s) of a message in flight at the kill)%n", people, before, total,
                messageIds.size(), total - messageIds.size());
        assertEquals(people, messageIds.size(), "none lost: one message per person");
        assertTrue(total - messageIds.size() <= MAIL_BATCH, "repeats only of the messages claimed at the kill");
    }

    /** Issue 19's figure: from the outcome's event on Kafka to the mail in the mailbox, 20 times; printed. */
    @Test
    void timeFromOutcomeToMail() {
        String dataset = Pipeline.freshDataset("delai");
        String person = "delai-" + UUID.randomUUID().toString().substring(0, 6) + "@" + ORG + ".fr";
        String upload = contributes(person, dataset);
        // Under the hourly limit (20): this person's own preference is « tout de suite ».
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            long start = System.nanoTime();
            Kafka.send(record(EventType.QUALITY_CHECKED, UUID.randomUUID().toString(), rejected(dataset, upload)));
            Mailbox.await(person, i);
            millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("outcome → mail received, 20 runs: median %d ms, min %d ms, max %d ms (%s)%n",
                (sorted.get(9) + sorted.get(10)) / 2, sorted.get(0), sorted.get(19), millis);
        assertEquals(20, Mailbox.count(person));
    }

    /**
     * The person sent a file to the dataset, as ingest's audit entry tells it: they are one of its contributors once
     * the service has read it (waited for, so that each test starts from a known state).
     *
     * @return the upload's id
     */
    private static String contributes(String person, String dataset) {
        String upload = UUID.randomUUID().toString();
        sends(person, dataset, upload);
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        while (!isContributor(person, dataset)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(person + " not recorded as a contributor of " + dataset + " within "
                        + Pipeline.PATIENCE);
            }
            Pipeline.sleep(100);
        }
        return upload;
    }

    /** The audit entry ingest writes with an upload, in its words (the upload's id last). */
    private static void sends(String person, String dataset, String upload) {
        Kafka.send(record(EventType.AUDIT_RECORDED, UUID.randomUUID().toString(), new AuditRecorded(
                UUID.randomUUID().toString(), Instant.now(), ORG, dataset, person, "127.0.0.1", "upload.accepted",
                "Fichier « velos.csv » reçu (120 octets) : dépôt " + upload + ", schéma « " + SCHEMA + " ».")));
    }

    private static boolean isContributor(String person, String dataset) {
        try (Connection connection = DriverManager.getConnection(Stack.JDBC, "notification",
                Stack.secret("PASSERELLE_DB_PASSWORD_NOTIFICATION"));
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM dataset_contributor"
                     + " WHERE organization = ? AND dataset = ? AND login = ?")) {
            query.setString(1, ORG);
            query.setString(2, dataset);
            query.setString(3, person);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read notification's contributors", e);
        }
    }

    private static QualityChecked rejected(String dataset, String upload) {
        return new QualityChecked(upload, ORG, dataset, SCHEMA, QualityVerdict.INVALID, 50, 2, 1,
                "Le fichier n'est pas conforme.", null,
                new ObjectRef("clean", ORG + "/" + dataset + "/report.json", null, 10), Instant.now());
    }

    private static ProducerRecord<String, String> record(EventType type, String id, TopicEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.key(), EventJson.write(event));
        record.headers().add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "/e2e-tests".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static Mailbox.Mail awaitMail(String address, String subjectPart) {
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (Mailbox.Mail mail : Mailbox.of(address)) {
                if (mail.subject() != null && mail.subject().contains(subjectPart)) {
                    return mail;
                }
            }
            Pipeline.sleep(200);
        }
        throw new AssertionError(address + " received no mail « " + subjectPart + " » within " + Pipeline.PATIENCE
                + ": " + subjects(address));
    }

    private static List<String> subjects(String address) {
        return Mailbox.of(address).stream().map(Mailbox.Mail::subject).toList();
    }
}
