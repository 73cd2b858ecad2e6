package fr.passerelle.ingest.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.ingest.upload.UploadService;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.testing.OnVertx;
import fr.passerelle.platform.web.ApiException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A client that lost the answer to its upload (a timeout, ingest killed between its commit and its answer) sends it
 * again with the same {@code Idempotency-Key}: on the real database, it gets the upload made the first time, and the
 * pipeline hears of one file, not two.
 */
@QuarkusTest
@QuarkusTestResource(LocalPostgres.class)
@Tag("database")
class IdempotentUploadDatabaseTest {

    @Inject
    UploadService uploads;
    @Inject
    Vertx vertx;
    @Inject
    AgroalDataSource jdbc;

    private final String org = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theSameRequestSentAgainIsAnsweredWithTheFirstUpload() throws Exception {
        Path file = csv("nom;capacite\nArceau gare;8\n");
        String key = UUID.randomUUID().toString();

        UploadService.Received first = receive("velos", file, key);
        UploadService.Received again = receive("velos", file, key);

        assertFalse(first.repeated());
        assertTrue(again.repeated(), "the answer says it is a repeat");
        assertEquals(first.upload().uploadId(), again.upload().uploadId());
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM upload WHERE organization = ?", org));
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM outbox WHERE topic = 'passerelle.upload.received.v1'"
                + " AND payload LIKE ?", "%" + org + "%"), "one upload.received for the two requests");
    }

    @Test
    void withoutAKeyOrWithANewOneTheSameFileIsANewUpload() throws Exception {
        Path file = csv("nom;capacite\nArceau gare;8\n");

        String first = receive("velos", file, null).upload().uploadId();
        String second = receive("velos", file, null).upload().uploadId();
        String third = receive("velos", file, UUID.randomUUID().toString()).upload().uploadId();

        assertEquals(3, Set.of(first, second, third).size(), "a person may send the same file again on purpose");
    }

    @Test
    void theSameKeyInAnotherOrganisationIsAnotherUpload() throws Exception {
        Path file = csv("nom;capacite\nArceau gare;8\n");
        String key = UUID.randomUUID().toString();
        String mine = receive("velos", file, key).upload().uploadId();
        String other = UUID.randomUUID().toString();

        UploadService.Received theirs = OnVertx.await(vertx, () -> uploads.receiveOnce("test-" + other.substring(0, 8),
                "velos", null, "export.csv", file, "upload", new Actor("quelqu-un", "127.0.0.1"), key));

        assertFalse(theirs.repeated());
        assertNotEquals(mine, theirs.upload().uploadId());
    }

    @Test
    void aKeyReusedForOtherBytesOrAnotherDatasetIsRefusedInFrench() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = receive("velos", csv("nom;capacite\nArceau gare;8\n"), key).upload().uploadId();

        ApiException otherBytes = assertThrows(ApiException.class,
                () -> receive("velos", csv("nom;capacite\nArceau mairie;4\n"), key));
        ApiException otherDataset = assertThrows(ApiException.class,
                () -> receive("bornes", csv("nom;capacite\nArceau gare;8\n"), key));

        for (ApiException refused : List.of(otherBytes, otherDataset)) {
            assertEquals(422, refused.status());
            assertEquals("idempotency-key-reused", refused.error().code());
            assertTrue(refused.getMessage().contains(first), refused.getMessage());
        }
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM upload WHERE organization = ?", org));
    }

    @Test
    void theSameRequestSentTwiceAtOnceMakesOneUpload() throws Exception {
        Path file = csv("nom;capacite\nArceau gare;8\n");
        String key = UUID.randomUUID().toString();
        int clients = 4;
        CyclicBarrier together = new CyclicBarrier(clients);

        List<CompletableFuture<UploadService.Received>> answers = IntStream.range(0, clients)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return receive("velos", file, key);
                })).toList();

        Set<String> ids = answers.stream().map(CompletableFuture::join).map(answer -> answer.upload().uploadId())
                .collect(Collectors.toSet());
        assertEquals(1, ids.size(), "every client is answered with the one upload: " + ids);
        assertEquals(1, answers.stream().map(CompletableFuture::join).filter(answer -> !answer.repeated()).count(),
                "one made it, the others are told it is a repeat");
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM upload WHERE organization = ?", org));
        assertEquals(1, Sql.count(jdbc, "SELECT count(*) FROM outbox WHERE topic = 'passerelle.upload.received.v1'"
                + " AND payload LIKE ?", "%" + org + "%"));
    }

    private UploadService.Received receive(String dataset, Path file, String key) {
        return OnVertx.await(vertx, () -> uploads.receiveOnce(org, dataset, null, "export.csv", file, "upload",
                new Actor("agent", "127.0.0.1"), key));
    }

    private static Path csv(String content) throws Exception {
        Path file = Files.createTempFile("ingest-idempotency-", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
