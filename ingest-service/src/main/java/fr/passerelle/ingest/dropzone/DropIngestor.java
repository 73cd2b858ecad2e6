package fr.passerelle.ingest.dropzone;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.platform.deadletter.DeadLetterCause;
import fr.passerelle.platform.resilience.TransientFailures;
import fr.passerelle.ingest.upload.UploadService;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.FromWorker;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import fr.passerelle.platform.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Turns a dropped object into an upload, exactly once per object version and at most once per
 * content of a dataset, whether a notification or the reconciler saw it first.
 *
 * <p>Blocking, on a worker thread (the notification consumer's {@code Work.blocking}, the reconciler's scheduler): the
 * dropzone's download, copies and deletes run there; each write to {@code drop_object} and {@code upload} is a
 * reactive transaction of its own that the worker awaits ({@link FromWorker}).
 */
@ApplicationScoped
public class DropIngestor {

    private static final Logger LOG = Logger.getLogger(DropIngestor.class);

    private final Drops drops;
    private final UploadService uploadService;
    private final ObjectStore store;
    private final StorageConfig storage;
    private final Transactions transactions;
    private final FromWorker worker;

    public DropIngestor(Drops drops, UploadService uploadService, ObjectStore store, StorageConfig storage,
                        Transactions transactions, FromWorker worker) {
        this.drops = drops;
        this.transactions = transactions;
        this.worker = worker;
        this.uploadService = uploadService;
        this.store = store;
        this.storage = storage;
    }

    public boolean isDropzone(String bucket) {
        return storage.buckets().dropzone().equals(bucket);
    }

    /** @return what became of the drop; empty when it was already handled elsewhere */
    public Optional<DropOutcome> ingest(DetectedObject object) {
        if (!isDropzone(object.bucket()) || DropKey.isRejected(object.key())) {
            return Optional.empty();
        }
        Optional<UUID> claim = write(() -> drops.claim(object));
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        UUID id = claim.get();
        try {
            DropOutcome outcome = handle(id, object);
            LOG.infof("Drop %s/%s (%s): %s", object.bucket(), object.key(), object.detectedBy(), outcome);
            return Optional.of(outcome);
        } catch (RuntimeException e) {
            try {
                if (TransientFailures.isOutage(e)) {
                    write(() -> drops.release(id));
                } else {
                    // Said on the drop at once, rather than nothing until a dead letter (the reconciler makes none).
                    write(() -> drops.failAttempt(id, object, failureReason(e)));
                }
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    private static String failureReason(RuntimeException e) {
        // The whole chain, as a dead letter's headers would give its first two links.
        StringBuilder messages = new StringBuilder();
        Throwable root = e;
        for (Throwable link = e; link != null; link = link.getCause()) {
            messages.append(link.getClass().getName()).append(": ").append(link.getMessage()).append('\n');
            root = link;
        }
        DeadLetterCause known = DeadLetterCause.of(e.getClass().getName(), messages.toString(),
                root.getClass().getName(), root.getMessage());
        return "Le fichier déposé n'a pas pu être pris en charge : " + known.explanation()
                + ". Passerelle réessaie d'elle-même ; vous n'avez rien à refaire.";
    }

    private DropOutcome handle(UUID id, DetectedObject object) {
        Optional<DropKey> parsed = DropKey.parse(object.key());
        if (parsed.isEmpty()) {
            return reject(id, object, null, "Le chemin « " + object.key() + " » ne suit pas l'organisation attendue"
                    + " « organisation/jeu-de-donnees/fichier » (identifiants en minuscules, chiffres et tirets).");
        }
        DropKey key = parsed.get();
        if (!worker.await(() -> uploadService.isKnownDataset(key.organization(), key.dataset()))) {
            return reject(id, object, key, "Le jeu de données « " + key.dataset() + " » de l'organisation « "
                    + key.organization() + " » est inconnu : envoyez d'abord un premier fichier par l'API de dépôt,"
                    + " avec son schéma ; les dépôts automatiques suivront ce schéma.");
        }
        Path content = temporaryFile();
        try {
            store.download(new ObjectRef(object.bucket(), object.key(), null, object.size()), content);
            UploadService.Intake intake;
            try {
                intake = uploadService.receiveIfNew(key.organization(), key.dataset(), key.filename(), content, "drop",
                        Actor.DROPZONE);
            } catch (ApiException refused) {
                return reject(id, object, key, refused.error().message());
            }
            String sha256 = intake.sha256();
            if (intake.duplicate()) {
                write(() -> drops.finish(id, DropOutcome.DUPLICATE, key.organization(), key.dataset(), sha256, null,
                        "Contenu identique à un fichier déjà reçu : aucune nouvelle version."));
                store.delete(object.bucket(), object.key());
                return DropOutcome.DUPLICATE;
            }
            write(() -> drops.finish(id, DropOutcome.INGESTED, key.organization(), key.dataset(), sha256,
                    UUID.fromString(intake.upload().uploadId()), null));
            // The raw bucket now holds the file; the dropzone only holds what is still to handle.
            store.delete(object.bucket(), object.key());
            return DropOutcome.INGESTED;
        } finally {
            deleteQuietly(content);
        }
    }

    /** Moves the object aside with a note saying why, never silently dropping it. */
    private DropOutcome reject(UUID id, DetectedObject object, DropKey key, String reason) {
        String target = DropKey.REJECTED_PREFIX + object.key();
        store.copy(new ObjectRef(object.bucket(), object.key(), null, object.size()), object.bucket(), target);
        store.put(object.bucket(), target + ".motif.txt", (reason + "\n").getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8");
        store.delete(object.bucket(), object.key());
        write(() -> drops.finish(id, DropOutcome.REJECTED, key == null ? null : key.organization(),
                key == null ? null : key.dataset(), null, null, reason));
        return DropOutcome.REJECTED;
    }

    /** A write of {@code drop_object}, in a reactive transaction of its own, awaited here on the worker. */
    private <T> T write(Supplier<Uni<T>> step) {
        return worker.await(() -> transactions.inTransaction(session -> step.get()));
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("passerelle-drop-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", file, e.getMessage());
        }
    }
}
