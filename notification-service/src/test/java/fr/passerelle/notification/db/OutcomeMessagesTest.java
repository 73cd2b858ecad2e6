package fr.passerelle.notification.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.contracts.TopicEvent;
import fr.passerelle.contracts.VersionRecorded;
import fr.passerelle.notification.mail.Digests;
import fr.passerelle.notification.mail.MessageQueue;
import fr.passerelle.notification.mail.QueuedMessage;
import fr.passerelle.notification.outcome.HeldMessageRelease;
import fr.passerelle.notification.outcome.OutcomeConsumers;
import fr.passerelle.notification.people.Contributors;
import fr.passerelle.notification.people.Senders;
import fr.passerelle.notification.people.Delivery;
import fr.passerelle.notification.people.People;
import fr.passerelle.notification.outcome.AuditConsumer;
import fr.passerelle.notification.people.Person;
import fr.passerelle.notification.people.Preferences;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.reactive.testing.OnVertx;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The consumers on the real database: each outcome writes its messages once, to the people who must act, as each
 * chose; the sender's claims and the daily digest. The mail relay itself is the end-to-end tests' (GreenMail).
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
@Tag("database")
class OutcomeMessagesTest {

    @Inject
    OutcomeConsumers outcomes;
    @Inject
    AuditConsumer people;
    @Inject
    People persons;
    @Inject
    Preferences preferences;
    @Inject
    Transactions transactions;
    @Inject
    MessageQueue queue;
    @Inject
    Digests digests;
    @Inject
    AgroalDataSource jdbc;
    @Inject
    Vertx vertx;
    @Inject
    HeldMessageRelease release;
    @Inject
    Senders senders;
    @Inject
    Contributors contributors;

    @Test
    void aVersionAwaitingApprovalIsToldToThePublishersOnceEvenWhenRedelivered() throws SQLException {
        String org = organisation();
        String publisher = "publieur." + org + "@mairie.example";
        seen(new Person(org, "publieur@" + org, publisher, List.of("publisher")));
        seen(new Person(org, "contrib@" + org, "contrib." + org + "@mairie.example", List.of("contributor")));
        ConsumerRecord<String, String> record = record(EventType.VERSION_RECORDED,
                new VersionRecorded(UUID.randomUUID().toString(), org, "velos", 2, true, Instant.now()));

        await(() -> outcomes.onVersionRecorded(record));
        await(() -> outcomes.onVersionRecorded(record));

        assertEquals(1, count("SELECT count(*) FROM message WHERE organization = ?", org), "one message, one person");
        assertEquals(1, count("SELECT count(*) FROM message WHERE recipient = ? AND kind = 'approval.awaiting'"
                + " AND status = 'PENDING' AND subject LIKE '%velos%' AND body_html LIKE '%/jeux/velos/approbation%'"
                + " AND body_text LIKE '%desabonnement?jeton=%'", publisher));
    }

    @Test
    void aRefusedFileIsToldToTheDatasetsContributorsAsEachChose() throws SQLException {
        String org = organisation();
        String camille = "camille." + org + "@mairie.example";
        String dominique = "dominique." + org + "@mairie.example";
        String alix = "alix." + org + "@mairie.example";
        seen(new Person(org, "camille@" + org, camille, List.of("contributor")));
        seen(new Person(org, "dominique@" + org, dominique, List.of("contributor")));
        // Someone of the organisation who never touched this dataset is not told.
        seen(new Person(org, "alix@" + org, alix, List.of("contributor")));
        sent(org, "camille@" + org, UUID.randomUUID());
        sent(org, "dominique@" + org, UUID.randomUUID());
        // The machine's actions make nobody a contributor.
        UUID dropped = UUID.randomUUID();
        sent(org, "dépôt automatique", dropped);
        await(() -> transactions.inTransaction(session ->
                preferences.choose(dominique, "upload.rejected", Delivery.DIGEST)));

        await(() -> outcomes.onQualityChecked(checked(org, QualityVerdict.INVALID, dropped)));

        assertEquals(1, count("SELECT count(*) FROM message WHERE recipient = ? AND status = 'PENDING'"
                + " AND kind = 'upload.rejected'", camille));
        assertEquals(1, count("SELECT count(*) FROM message WHERE recipient = ? AND status = 'DIGEST'", dominique));
        assertEquals(0, count("SELECT count(*) FROM message WHERE recipient = ?", alix));

        await(() -> transactions.inTransaction(session ->
                preferences.choose(camille, "upload.rejected", Delivery.NONE)));
        UUID again = UUID.randomUUID();
        sent(org, "dépôt automatique", again);
        await(() -> outcomes.onQualityChecked(checked(org, QualityVerdict.INVALID, again)));
        assertEquals(1, count("SELECT count(*) FROM message WHERE recipient = ?", camille), "« jamais » is never");

        // A valid file tells nobody.
        UUID valid = UUID.randomUUID();
        sent(org, "dépôt automatique", valid);
        await(() -> outcomes.onQualityChecked(checked(org, QualityVerdict.VALID, valid)));
        assertEquals(3, count("SELECT count(*) FROM message WHERE organization = ?", org));
    }

    @Test
    void beyondTheHourlyLimitMessagesWaitForTheDigestWhichGathersThemInOne() throws SQLException {
        String org = organisation();
        String publisher = "publieur." + org + "@mairie.example";
        seen(new Person(org, "publieur@" + org, publisher, List.of("publisher")));
        for (int version = 1; version <= 5; version++) {
            int number = version;
            await(() -> outcomes.onVersionRecorded(record(EventType.VERSION_RECORDED,
                    new VersionRecorded(UUID.randomUUID().toString(), org, "velos", number, true, Instant.now()))));
        }
        assertEquals(3, count("SELECT count(*) FROM message WHERE recipient = ? AND status = 'PENDING'", publisher));
        assertEquals(2, count("SELECT count(*) FROM message WHERE recipient = ? AND status = 'DIGEST'", publisher));

        assertTrue(digests.compose() >= 1);
        assertEquals(2, count("SELECT count(*) FROM message WHERE recipient = ? AND status = 'DIGESTED'", publisher));
        assertEquals(1, count("SELECT count(*) FROM message WHERE recipient = ? AND kind = 'digest'"
                + " AND status = 'PENDING' AND subject = '[Passerelle] Résumé du jour : 2 messages'", publisher));
        assertEquals(0, digests.compose(), "nothing left for a second digest");
    }

    @Test
    void aClaimedMessageIsNotClaimedAgainUntilItsLeaseEndsAndASentOneNever() throws SQLException {
        String org = organisation();
        String publisher = "publieur." + org + "@mairie.example";
        seen(new Person(org, "publieur@" + org, publisher, List.of("publisher")));
        await(() -> outcomes.onVersionRecorded(record(EventType.VERSION_RECORDED,
                new VersionRecorded(UUID.randomUUID().toString(), org, "velos", 1, true, Instant.now()))));

        QueuedMessage mine = claimOf(publisher);
        assertEquals(1, mine.attempts());
        assertTrue(claimAll().stream().noneMatch(message -> message.recipient().equals(publisher)),
                "another instance does not take a message under lease");
        execute("UPDATE message SET lease_until = now() - interval '1 second' WHERE id = ?", mine.id());
        QueuedMessage again = claimOf(publisher);
        assertEquals(mine.id(), again.id(), "the claimant died: taken again after its lease");
        assertEquals(2, again.attempts());
        queue.sent(again.id());
        execute("UPDATE message SET lease_until = now() - interval '1 second' WHERE id = ?", again.id());
        assertTrue(claimAll().stream().noneMatch(message -> message.recipient().equals(publisher)), "sent once");
        assertEquals(1, count("SELECT count(*) FROM message WHERE recipient = ? AND status = 'SENT'", publisher));
    }

    private QueuedMessage claimOf(String recipient) {
        return claimAll().stream().filter(message -> message.recipient().equals(recipient)).findFirst()
                .orElseThrow(() -> new AssertionError("no message claimed for " + recipient));
    }

    /**
     * Every message due, batch after batch, as the sender's pass takes them: the test database is shared by runs and
     * never cleaned, so older messages due (the senders do not run by themselves in tests) may fill the first batch.
     */
    private List<QueuedMessage> claimAll() {
        List<QueuedMessage> all = new java.util.ArrayList<>();
        List<QueuedMessage> batch;
        do {
            batch = queue.claim();
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    @Test
    void theSenderIsToldEvenWhenTheOutcomeIsReadBeforeTheAuditEntryNamingThem() throws SQLException {
        String org = organisation();
        String alix = "alix." + org + "@mairie.example";
        String camille = "camille." + org + "@mairie.example";
        seen(new Person(org, "alix@" + org, alix, List.of("contributor")));
        seen(new Person(org, "camille@" + org, camille, List.of("contributor")));
        sent(org, "alix@" + org, UUID.randomUUID());
        UUID upload = UUID.randomUUID();

        // Camille's upload is refused; the outcome is read before the audit entry of Camille's upload.
        await(() -> outcomes.onQualityChecked(checked(org, QualityVerdict.INVALID, upload)));
        assertEquals(0, count("SELECT count(*) FROM message WHERE organization = ?", org), "held, not told to Alix alone");
        assertEquals(1, count("SELECT count(*) FROM held_message WHERE upload_id = ?", upload));

        sent(org, "camille@" + org, upload);

        assertEquals(1, count("SELECT count(*) FROM message WHERE recipient = ? AND kind = 'upload.rejected'", camille));
        assertEquals(1, count("SELECT count(*) FROM message WHERE recipient = ? AND kind = 'upload.rejected'", alix));
        assertEquals(0, count("SELECT count(*) FROM held_message WHERE upload_id = ?", upload));
        sent(org, "camille@" + org, upload);
        assertEquals(2, count("SELECT count(*) FROM message WHERE organization = ?", org), "the entry again: nothing new");
    }

    @Test
    void aHeldMessageWhoseSenderNeverShowsGoesToTheContributorsAfterTheWait() throws SQLException {
        String org = organisation();
        String alix = "alix." + org + "@mairie.example";
        seen(new Person(org, "alix@" + org, alix, List.of("contributor")));
        UUID upload = UUID.randomUUID();
        await(() -> outcomes.onQualityChecked(checked(org, QualityVerdict.BLOCKED, upload)));
        release.releaseDue();
        assertEquals(0, count("SELECT count(*) FROM message WHERE organization = ?", org), "not before the wait");

        execute("UPDATE held_message SET release_at = now() - interval '1 second' WHERE upload_id = ?", upload);
        release.releaseDue();

        assertEquals(1, count("SELECT count(*) FROM message WHERE recipient = ? AND kind = 'upload.blocked'", alix),
                "nobody worked on the dataset: the organisation's contributors");
        assertEquals(0, count("SELECT count(*) FROM held_message WHERE upload_id = ?", upload));
    }

    @Test
    void aHeldMessageWhoseSenderShowedMeanwhileGoesAtTheNextPass() throws SQLException {
        String org = organisation();
        String camille = "camille." + org + "@mairie.example";
        seen(new Person(org, "camille@" + org, camille, List.of("contributor")));
        UUID upload = UUID.randomUUID();
        await(() -> outcomes.onQualityChecked(checked(org, QualityVerdict.INVALID, upload)));
        // The audit entry was read side by side with the outcome: it found nothing held, the outcome no sender.
        await(() -> transactions.inTransaction(session -> senders.sent(upload, org, "velos", "camille@" + org,
                Instant.now()).chain(() -> contributors.acted(org, "velos", "camille@" + org, Instant.now()))));

        release.releaseDue();

        assertEquals(1, count("SELECT count(*) FROM message WHERE recipient = ? AND kind = 'upload.rejected'", camille));
        assertEquals(0, count("SELECT count(*) FROM held_message WHERE upload_id = ?", upload));
    }

    /** The audit entry ingest writes with an upload, in its words. */
    private void sent(String org, String actor, UUID upload) {
        await(() -> people.onAudit(record(EventType.AUDIT_RECORDED, new AuditRecorded(UUID.randomUUID().toString(),
                Instant.now(), org, "velos", actor, actor.contains("@") ? "127.0.0.1" : null, "upload.accepted",
                "Fichier « velos.csv » reçu (120 octets) : dépôt " + upload + ", schéma « stationnement-cyclable »."))));
    }

    private ConsumerRecord<String, String> checked(String org, QualityVerdict verdict, UUID upload) {
        return record(EventType.QUALITY_CHECKED, new QualityChecked(upload.toString(), org, "velos", "velos",
                verdict, 80, 10, 2, "résumé", null, new ObjectRef("clean", org + "/velos/report.json", null, 1),
                Instant.now()));
    }

    private void seen(Person person) {
        await(() -> transactions.inTransaction(session -> persons.seen(person)));
    }

    private <T> T await(Supplier<Uni<T>> work) {
        return OnVertx.await(vertx, work);
    }

    private static String organisation() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ConsumerRecord<String, String> record(EventType type, TopicEvent event) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(type.topic(), 0, 1L, event.key(),
                EventJson.write(event));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "/test".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = jdbc.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = jdbc.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
