package fr.passerelle.ingest.upload;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.UploadReceived;
import fr.passerelle.ingest.decision.DatasetDecisions;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.audit.AuditTrail;
import fr.passerelle.platform.db.AdvisoryLocks;
import fr.passerelle.platform.outbox.Outbox;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Accepts a file: keeps it, immutable, in the raw bucket, records the upload and announces it, the
 * record and the announcement in one transaction.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);

    private final ObjectStore store;
    private final StorageConfig storage;
    private final Uploads uploads;
    private final Outbox outbox;
    private final String qualityBaseUrl;
    private final AdvisoryLocks locks;
    private final AuditTrail audit;
    private final DatasetDecisions decisions;

    public UploadService(ObjectStore store, StorageConfig storage, Uploads uploads, Outbox outbox,
                         @ConfigProperty(name = "passerelle.quality.base-url") String qualityBaseUrl,
                         AdvisoryLocks locks, AuditTrail audit, DatasetDecisions decisions) {
        this.decisions = decisions;
        this.store = store;
        this.storage = storage;
        this.uploads = uploads;
        this.outbox = outbox;
        this.qualityBaseUrl = qualityBaseUrl;
        this.locks = locks;
        this.audit = audit;
    }

    public UploadView receive(String organization, String dataset, String requestedSchema, String filename,
                              Path content, String source) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        String schema = schemaFor(organization, dataset, requestedSchema);
        String safeName = SafeFilename.of(filename);
        if (size(content) == 0) {
            throw ApiException.badRequest("empty-file", "Le fichier « " + safeName + " » est vide.",
                    "Vérifiez que l'export s'est bien terminé puis envoyez le fichier complet.");
        }

        UUID uploadId = UUID.randomUUID();
        String key = organization + "/" + dataset + "/" + uploadId + "/" + safeName;
        ObjectRef raw = store.put(storage.buckets().raw(), key, content, "application/octet-stream");

        Actor actor = actorOf(source);
        QuarkusTransaction.requiringNew().run(() -> {
            uploads.insert(uploadId, organization, dataset, schema, safeName, source, raw);
            uploads.advance(uploadId, UploadStatus.RECEIVED, "received", "ok",
                    "Fichier reçu (" + raw.size() + " octets).");
            // Every file of the dataset, uploaded, dropped or pulled, carries its remembered decisions.
            outbox.publish(new UploadReceived(uploadId.toString(), organization, dataset, schema, safeName,
                    source, raw, Instant.now(), decisions.forEvent(organization, dataset)));
            audit.record(actor, "upload.accepted", organization, dataset, "Fichier « " + safeName + " » reçu ("
                    + raw.size() + " octets" + via(source) + ") : dépôt " + uploadId + ", schéma "
                    + (schema == null ? "à reconnaître" : "« " + schema + " »") + ".");
        });
        LOG.infof("Upload %s received for %s/%s (%d bytes, schema %s)", uploadId, organization, dataset,
                raw.size(), schema);
        return uploads.find(uploadId, qualityBaseUrl).orElseThrow();
    }

    /** A person's upload names them; a drop or a scheduled pull has nobody behind it, a pull asked for now has. */
    private Actor actorOf(String source) {
        return switch (source) {
            case "drop" -> Actor.DROPZONE;
            case "pull" -> audit.callerOr(Actor.SCHEDULED_PULL);
            default -> audit.caller();
        };
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
     * bytes the dataset already received make no new upload.
     */
    public Intake receiveIfNew(String organization, String dataset, String filename, Path content, String source) {
        String sha256 = ObjectStore.sha256Of(content);
        // One intake per dataset at a time, across instances: a drop seen twice, or a scheduled
        // and a manual pull of the same export, must not both pass the content check.
        return locks.underLock("intake:" + organization + "/" + dataset, () ->
                uploads.hasContent(organization, dataset, sha256) ? new Intake(sha256, null)
                        : new Intake(sha256, receive(organization, dataset, null, filename, content, source)));
    }

    /** @param upload null when the content was already received */
    public record Intake(String sha256, UploadView upload) {
        public boolean duplicate() {
            return upload == null;
        }
    }

    public UploadView find(String uploadId) {
        UUID id;
        try {
            id = UUID.fromString(uploadId);
        } catch (IllegalArgumentException e) {
            throw unknownUpload(uploadId);
        }
        return uploads.find(id, qualityBaseUrl).orElseThrow(() -> unknownUpload(uploadId));
    }

    public java.util.List<LastUpload> lastOfEachDataset(String organization) {
        return uploads.lastOfEachDataset(organization);
    }

    /** The named schema, else the dataset's; null lets quality detect it from the file's header. */
    private String schemaFor(String organization, String dataset, String requested) {
        if (requested != null && !requested.isBlank()) {
            return Slugs.require(requested.trim(), "schéma");
        }
        return uploads.lastSchemaOf(organization, dataset).orElse(null);
    }

    /**
     * Checks an upload's raw file again, as a new upload: after staff chose what to do with its
     * personal data or how to map its columns (quality's dataset settings). The raw object is
     * immutable, so the new upload points at the same one.
     */
    public UploadView recheck(String uploadId) {
        UploadView original = find(uploadId);
        ObjectRef raw = uploads.rawOf(UUID.fromString(original.uploadId())).orElseThrow();
        String schema = original.schema() != null ? original.schema()
                : uploads.lastSchemaOf(original.organization(), original.dataset()).orElse(null);
        UUID recheckId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            uploads.insert(recheckId, original.organization(), original.dataset(), schema, original.filename(),
                    original.source(), raw);
            uploads.recordRecheckOf(recheckId, UUID.fromString(original.uploadId()));
            uploads.advance(recheckId, UploadStatus.RECEIVED, "received", "ok",
                    "Nouveau contrôle du fichier du dépôt " + original.uploadId() + ".");
            outbox.publish(new UploadReceived(recheckId.toString(), original.organization(), original.dataset(),
                    schema, original.filename(), original.source(), raw, Instant.now(),
                    decisions.forEvent(original.organization(), original.dataset())));
            audit.record("upload.rechecked", original.organization(), original.dataset(), "Nouveau contrôle du"
                    + " fichier « " + original.filename() + " » du dépôt " + original.uploadId() + " : dépôt "
                    + recheckId + ".");
        });
        LOG.infof("Upload %s checked again as %s", original.uploadId(), recheckId);
        return uploads.find(recheckId, qualityBaseUrl).orElseThrow();
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
