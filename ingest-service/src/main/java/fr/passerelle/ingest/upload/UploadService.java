package fr.passerelle.ingest.upload;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.UploadReceived;
import fr.passerelle.ingest.decision.DatasetDecisions;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.consumer.Work;
import fr.passerelle.platform.db.AdvisoryLocks;
import fr.passerelle.platform.reactive.FromWorker;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Accepts a file: keeps it, immutable, in the raw bucket, records the upload and announces it, the
 * record and the announcement in one transaction.
 *
 * <p>Where each step runs: the raw bucket's write (and the file's size) on a worker ({@link Work#blocking}); the
 * upload's rows, its {@code upload.received} outbox row and its audit entry in one reactive transaction, back on the
 * caller's Vert.x context. Drops and pulls come through {@link #receiveIfNew} on a worker thread of their own, which
 * holds the dataset's JDBC advisory lock and awaits the reactive steps ({@link FromWorker}).
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);

    private final ObjectStore store;
    private final StorageConfig storage;
    private final Uploads uploads;
    private final ReactiveOutbox outbox;
    private final String qualityBaseUrl;
    private final AdvisoryLocks locks;
    private final ReactiveAuditTrail audit;
    private final DatasetDecisions decisions;
    private final Transactions transactions;
    private final FromWorker worker;

    public UploadService(ObjectStore store, StorageConfig storage, Uploads uploads, ReactiveOutbox outbox,
                         @ConfigProperty(name = "passerelle.quality.base-url") String qualityBaseUrl,
                         AdvisoryLocks locks, ReactiveAuditTrail audit, DatasetDecisions decisions,
                         Transactions transactions, FromWorker worker) {
        this.decisions = decisions;
        this.store = store;
        this.storage = storage;
        this.uploads = uploads;
        this.outbox = outbox;
        this.qualityBaseUrl = qualityBaseUrl;
        this.locks = locks;
        this.audit = audit;
        this.transactions = transactions;
        this.worker = worker;
    }

    /**
     * @param actor who sent it: the person behind the request (taken when the request is answered), or the dropzone or
     *              the scheduled pull
     */
    public Uni<UploadView> receive(String organization, String dataset, String requestedSchema, String filename,
                                   Path content, String source, Actor actor) {
        return record(organization, dataset, requestedSchema, filename, content, source, actor, null)
                .map(Received::upload);
    }

    /**
     * A person's or a client's upload that may be a repeat: the same {@code Idempotency-Key} in the organisation is
     * answered with the upload made the first time (a client that lost the answer, to a timeout or to ingest stopping
     * between its commit and its answer, sends again), never a second upload.
     *
     * @param idempotencyKey the client's key, or null
     */
    public Uni<Received> receiveOnce(String organization, String dataset, String requestedSchema, String filename,
                                     Path content, String source, Actor actor, String idempotencyKey) {
        if (idempotencyKey == null) {
            return record(organization, dataset, requestedSchema, filename, content, source, actor, null);
        }
        return uploads.findByIdempotencyKey(organization, idempotencyKey).chain(earlier -> earlier.isPresent()
                ? answeredBefore(earlier.get(), dataset, content, idempotencyKey)
                : record(organization, dataset, requestedSchema, filename, content, source, actor, idempotencyKey)
                        // The same request twice at once: the other one recorded it first.
                        .onFailure(KeyTaken.class).recoverWithUni(() -> uploads
                                .findByIdempotencyKey(organization, idempotencyKey)
                                .chain(taken -> answeredBefore(taken.orElseThrow(), dataset, content,
                                        idempotencyKey))));
    }

    /** An upload and whether it is the one a previous request with the same key made. */
    public record Received(UploadView upload, boolean repeated) {
    }

    /** The earlier upload, if the repeated request is the same one: the same dataset and the same bytes. */
    private Uni<Received> answeredBefore(Uploads.KeyedUpload earlier, String dataset, Path content,
                                         String idempotencyKey) {
        return Work.blocking(() -> ObjectStore.sha256Of(content)).chain(sha256 -> {
            if (!earlier.dataset().equals(dataset) || !earlier.sha256().equals(sha256)) {
                throw new ApiException(422, "idempotency-key-reused", "La clé d'idempotence « " + idempotencyKey
                        + " » a déjà servi au dépôt " + earlier.id() + ", d'un autre fichier ou pour un autre jeu de"
                        + " données.", "Envoyez chaque nouveau fichier avec une nouvelle clé (en-tête"
                        + " Idempotency-Key) ; reprenez la même clé seulement pour renvoyer la même demande.");
            }
            LOG.infof("Upload %s answered again for key %s", earlier.id(), idempotencyKey);
            return uploads.find(earlier.id(), qualityBaseUrl)
                    .map(view -> new Received(view.orElseThrow(), true));
        });
    }

    /** Thrown inside the transaction to roll it back: another request recorded the key first. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    private Uni<Received> record(String organization, String dataset, String requestedSchema, String filename,
                                 Path content, String source, Actor actor, String idempotencyKey) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        String safeName = SafeFilename.of(filename);
        UUID uploadId = UUID.randomUUID();
        String key = organization + "/" + dataset + "/" + uploadId + "/" + safeName;
        return schemaFor(organization, dataset, requestedSchema).chain(schema -> Work.blocking(() -> {
                    if (size(content) == 0) {
                        throw ApiException.badRequest("empty-file", "Le fichier « " + safeName + " » est vide.",
                                "Vérifiez que l'export s'est bien terminé puis envoyez le fichier complet.");
                    }
                    return store.put(storage.buckets().raw(), key, content, "application/octet-stream");
                })
                .chain(raw -> transactions.inTransaction(session -> uploads.insert(uploadId, organization, dataset,
                                schema, safeName, source, raw, idempotencyKey)
                        .invoke(inserted -> {
                            if (!inserted) {
                                // The raw object just written stays unreferenced: the raw bucket is write-once.
                                throw new KeyTaken();
                            }
                        })
                        .chain(() -> uploads.advance(uploadId, UploadStatus.RECEIVED, "received", "ok",
                                "Fichier reçu (" + raw.size() + " octets)."))
                        // Every file of the dataset, uploaded, dropped or pulled, carries its remembered decisions.
                        .chain(() -> decisions.forEvent(organization, dataset))
                        .chain(remembered -> outbox.publish(new UploadReceived(uploadId.toString(), organization,
                                dataset, schema, safeName, source, raw, Instant.now(), remembered)))
                        // notification-service reads the upload's id in « dépôt {id} », the last of the sentence
                        // (its AuditConsumer): it tells the sender of the upload's fate.
                        .chain(() -> audit.record(actor, "upload.accepted", organization, dataset, "Fichier « "
                                + safeName + " » reçu (" + raw.size() + " octets" + via(source) + ") : dépôt "
                                + uploadId + ", schéma " + (schema == null ? "à reconnaître" : "« " + schema + " »")
                                + ".")))
                        .invoke(() -> LOG.infof("Upload %s received for %s/%s (%d bytes, schema %s)", uploadId,
                                organization, dataset, raw.size(), schema)))
                .chain(() -> uploads.find(uploadId, qualityBaseUrl))
                .map(view -> new Received(view.orElseThrow(), false)));
    }

    private static String via(String source) {
        return switch (source) {
            case "drop" -> ", déposé dans la zone de dépôt";
            case "pull" -> ", relevé à l'adresse d'export";
            default -> "";
        };
    }

    /**
     * For files that come without a person (drops, pulls), which are often the same export again:
     * bytes the dataset already received make no new upload. Blocking: on a worker thread only.
     */
    public Intake receiveIfNew(String organization, String dataset, String filename, Path content, String source,
                               Actor actor) {
        String sha256 = ObjectStore.sha256Of(content);
        // One intake per dataset at a time, across instances: a drop seen twice, or a scheduled
        // and a manual pull of the same export, must not both pass the content check.
        return locks.underLock("intake:" + organization + "/" + dataset, () ->
                worker.await(() -> uploads.hasContent(organization, dataset, sha256)) ? new Intake(sha256, null)
                        : new Intake(sha256, worker.await(() -> receive(organization, dataset, null, filename, content,
                        source, actor))));
    }

    /** @param upload null when the content was already received */
    public record Intake(String sha256, UploadView upload) {
        public boolean duplicate() {
            return upload == null;
        }
    }

    public Uni<UploadView> find(String uploadId) {
        UUID id;
        try {
            id = UUID.fromString(uploadId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(unknownUpload(uploadId));
        }
        return uploads.find(id, qualityBaseUrl).map(view -> view.orElseThrow(() -> unknownUpload(uploadId)));
    }

    public Uni<List<LastUpload>> lastOfEachDataset(String organization) {
        return uploads.lastOfEachDataset(organization);
    }

    /** Whether the dataset received a file with a schema: what drops and pulls need before they may feed it. */
    public Uni<Boolean> isKnownDataset(String organization, String dataset) {
        return uploads.lastSchemaOf(organization, dataset).map(schema -> schema.isPresent());
    }

    /** The named schema, else the dataset's; null lets quality detect it from the file's header. */
    private Uni<String> schemaFor(String organization, String dataset, String requested) {
        if (requested != null && !requested.isBlank()) {
            return Uni.createFrom().item(Slugs.require(requested.trim(), "schéma"));
        }
        return uploads.lastSchemaOf(organization, dataset).map(schema -> schema.orElse(null));
    }

    /**
     * Checks an upload's raw file again, as a new upload: after staff chose what to do with its
     * personal data or how to map its columns (quality's dataset settings). The raw object is
     * immutable, so the new upload points at the same one.
     *
     * @param actor the person who asked, taken when the request is answered
     */
    public Uni<UploadView> recheck(String uploadId, Actor actor) {
        return find(uploadId).chain(original -> uploads.rawOf(UUID.fromString(original.uploadId()))
                .map(raw -> raw.orElseThrow())
                .chain(raw -> (original.schema() != null ? Uni.createFrom().item(original.schema())
                        : uploads.lastSchemaOf(original.organization(), original.dataset()).map(s -> s.orElse(null)))
                        .chain(schema -> recheck(original, raw, schema, actor))));
    }

    private Uni<UploadView> recheck(UploadView original, ObjectRef raw, String schema, Actor actor) {
        UUID recheckId = UUID.randomUUID();
        return transactions.inTransaction(session -> uploads.insert(recheckId, original.organization(),
                                original.dataset(), schema, original.filename(), original.source(), raw)
                        .chain(() -> uploads.recordRecheckOf(recheckId, UUID.fromString(original.uploadId())))
                        .chain(() -> uploads.advance(recheckId, UploadStatus.RECEIVED, "received", "ok",
                                "Nouveau contrôle du fichier du dépôt " + original.uploadId() + "."))
                        .chain(() -> decisions.forEvent(original.organization(), original.dataset()))
                        .chain(remembered -> outbox.publish(new UploadReceived(recheckId.toString(),
                                original.organization(), original.dataset(), schema, original.filename(),
                                original.source(), raw, Instant.now(), remembered)))
                        // The new upload's id last: notification-service reads it there (see above).
                        .chain(() -> audit.record(actor, "upload.rechecked", original.organization(),
                                original.dataset(), "Nouveau contrôle du fichier « " + original.filename()
                                        + " » du dépôt " + original.uploadId() + " : dépôt " + recheckId + ".")))
                .invoke(() -> LOG.infof("Upload %s checked again as %s", original.uploadId(), recheckId))
                .chain(() -> uploads.find(recheckId, qualityBaseUrl))
                .map(view -> view.orElseThrow());
    }

    private static long size(Path content) {
        try {
            return Files.size(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiException unknownUpload(String uploadId) {
        return ApiException.notFound("unknown-upload", "Aucun dépôt ne porte l'identifiant « " + uploadId + " ».");
    }
}
