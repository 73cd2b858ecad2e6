package fr.passerelle.platform.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final String UPLOAD = "0b6c2d2e-6a51-4f43-9c39-3d1f3c1f1a11";

    @Test
    void aQualityDeadLetterNamesItsUploadAndSaysWhyInFrench() {
        DeadLetter letter = DeadLetter.of(record(Topics.deadLetterOf(Topics.UPLOAD_RECEIVED), "grenoble/velos",
                "{\"uploadId\":\"" + UPLOAD + "\",\"organization\":\"grenoble\",\"dataset\":\"velos\"}",
                "fr.passerelle.platform.db.Database$DatabaseException",
                "SQL failed (42501): INSERT INTO report (upload_id) VALUES (?)",
                "org.postgresql.util.PSQLException", "ERROR: permission denied for table report"));

        assertEquals(Topics.deadLetterOf(Topics.UPLOAD_RECEIVED) + ":2:41", letter.id());
        assertEquals(Topics.UPLOAD_RECEIVED, letter.originalTopic());
        assertEquals(UPLOAD, letter.uploadId());
        assertEquals("grenoble", letter.organization());
        assertEquals("velos", letter.dataset());
        assertEquals("droits-base-de-donnees", letter.causeCode());
        assertEquals("La base de données a refusé l'opération au service (droits insuffisants).", letter.explanation());
        assertEquals("Le contrôle n'a pas pu être fait : la base de données a refusé l'opération au service"
                + " (droits insuffisants). L'équipe d'exploitation a été prévenue ; vous n'avez rien à refaire.",
                letter.forPerson());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), letter.deadAt());
        assertTrue(letter.exception().contains("DatabaseException"), "the technical reason stays for operators");
    }

    @Test
    void aDropDeadLetterNamesTheOrganisationOfTheDroppedObject() {
        String notification = "{\"Records\":[{\"eventName\":\"s3:ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"dropzone\"},"
                + "\"object\":{\"key\":\"lyon/arbres/export+du+jour.csv\",\"eTag\":\"abc\",\"size\":12}}}]}";
        DeadLetter letter = DeadLetter.of(record(Topics.deadLetterOf(Topics.DROPS), "dropzone/lyon/arbres/x.csv",
                notification, "fr.passerelle.platform.storage.StorageException", "Cannot read dropzone/lyon/arbres/x.csv",
                "io.minio.errors.ErrorResponseException", "The specified key does not exist."));

        assertEquals("lyon", letter.organization());
        assertEquals("arbres", letter.dataset());
        assertNull(letter.uploadId());
        assertEquals("fichier-absent-du-stockage", letter.causeCode());
        assertTrue(letter.forPerson().startsWith("Le fichier déposé n'a pas pu être pris en charge : le fichier à traiter"
                + " est introuvable dans le stockage."), letter.forPerson());
    }

    @Test
    void aMalformedMessageStillGetsAReasonButNoUpload() {
        DeadLetter letter = DeadLetter.of(record(Topics.deadLetterOf(Topics.QUALITY_CHECKED), null, "pas du JSON",
                "fr.passerelle.contracts.MalformedEventException", "Missing ce_id header", null, null));

        assertNull(letter.uploadId());
        assertNull(letter.organization());
        assertEquals("message-illisible", letter.causeCode());
        assertFalse(letter.forPerson().contains("Exception"), letter.forPerson());
    }

    @Test
    void aWatchersDeadLetterDoesNotStopTheUploadAPipelineServicesDoes() {
        ConsumerRecord<String, String> notification = record(Topics.deadLetterOf(Topics.QUALITY_CHECKED),
                "grenoble/velos", "{\"uploadId\":\"" + UPLOAD + "\"}", "java.lang.IllegalStateException", "Boom", null,
                null);
        add((RecordHeaders) notification.headers(), "passerelle-consumer-group", "notification-service");
        ConsumerRecord<String, String> catalog = record(Topics.deadLetterOf(Topics.QUALITY_CHECKED), "grenoble/velos",
                "{\"uploadId\":\"" + UPLOAD + "\"}", "java.lang.IllegalStateException", "Boom", null, null);
        add((RecordHeaders) catalog.headers(), "passerelle-consumer-group", "catalog-service");

        assertEquals("notification-service", DeadLetter.of(notification).consumerGroup());
        assertFalse(DeadLetter.of(notification).stoppedTheUpload());
        assertTrue(DeadLetter.of(catalog).stoppedTheUpload());
        assertTrue(DeadLetter.of(record(Topics.deadLetterOf(Topics.QUALITY_CHECKED), "grenoble/velos", "{}",
                "java.lang.IllegalStateException", "Boom", null, null)).stoppedTheUpload(),
                "a dead letter from before the stamp is the pipeline's");
    }

    @Test
    void anUnknownCauseGetsTheGenericSentenceNeverTheJavaException() {
        DeadLetterCause cause = DeadLetterCause.of("java.lang.IllegalStateException", "Boom in the engine", null, null);

        assertEquals(DeadLetterCause.UNEXPECTED, cause);
        assertFalse(cause.explanation().contains("Boom"));
    }

    @Test
    void knownCausesAreToldApart() {
        assertEquals("base-de-donnees-indisponible", DeadLetterCause.of("fr.passerelle.platform.db.Database$DatabaseException",
                "SQL failed (08006): SELECT 1", "org.postgresql.util.PSQLException", "An I/O error occurred").code());
        assertEquals("fichier-serveur-absent", DeadLetterCause.of("java.io.UncheckedIOException",
                "java.nio.file.NoSuchFileException: /srv/schemas", "java.nio.file.NoSuchFileException", "/srv/schemas").code());
        assertEquals("stockage-indisponible", DeadLetterCause.of("fr.passerelle.platform.storage.StorageException",
                "Cannot store clean/a/b/report.json", "java.net.SocketException", "Broken pipe").code());
        assertEquals(Optional.of(true), Optional.of(DeadLetterCause.isKnownCode("stockage-indisponible")));
        assertFalse(DeadLetterCause.isKnownCode("n-importe-quoi"));
    }

    private static ConsumerRecord<String, String> record(String topic, String key, String value, String exception,
                                                         String reason, String causeClass, String cause) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_id", "event-1");
        add(headers, "dead-letter-exception-class-name", exception);
        add(headers, "dead-letter-reason", reason);
        add(headers, "dead-letter-cause-class-name", causeClass);
        add(headers, "dead-letter-cause", cause);
        return new ConsumerRecord<>(topic, 2, 41, 1_700_000_000_000L, TimestampType.CREATE_TIME, 0, 0, key, value,
                headers, Optional.empty());
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
