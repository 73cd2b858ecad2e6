package fr.passerelle.quality.check;

import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.settings.DatasetSettingsStore;
import fr.passerelle.quality.schema.CatalogueDeclarations;
import fr.passerelle.quality.schema.Schemas;
import fr.passerelle.contracts.CatalogueSchema;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.UploadReceived;
import fr.passerelle.platform.consumer.EventConsumers;
import fr.passerelle.platform.consumer.FirstDelivery;
import fr.passerelle.platform.consumer.Subscription;
import fr.passerelle.platform.consumer.Work;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.report.ReportDocument;
import fr.passerelle.quality.report.Reports;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Checks each received file: the clean CSV and the report go to the clean bucket first (under keys
 * of the upload's own, so a redelivery rewrites the same objects), then the verdict is recorded and
 * announced in one transaction.
 */
@ApplicationScoped
public class UploadReceivedConsumer {

    private static final Logger LOG = Logger.getLogger(UploadReceivedConsumer.class);
    private static final Subscription<UploadReceived> SUBSCRIPTION =
            Subscription.of("quality-check", EventType.UPLOAD_RECEIVED, UploadReceived.class);

    private final FileChecker checker;
    private final ObjectStore store;
    private final StorageConfig storage;
    private final Reports reports;
    private final EventConsumers consumers;
    private final ReactiveOutbox outbox;
    private final Transactions transactions;
    private final ObjectMapper json;
    private final DatasetSettingsStore settings;
    private final CheckMetrics metrics;
    private final Schemas schemas;
    private final CatalogueDeclarations declarations;

    public UploadReceivedConsumer(FileChecker checker, ObjectStore store, StorageConfig storage, Reports reports,
                                  EventConsumers consumers, ReactiveOutbox outbox, Transactions transactions,
                                  ObjectMapper json, DatasetSettingsStore settings, CheckMetrics metrics,
                                  Schemas schemas, CatalogueDeclarations declarations) {
        this.transactions = transactions;
        this.schemas = schemas;
        this.declarations = declarations;
        this.settings = settings;
        this.metrics = metrics;
        this.checker = checker;
        this.store = store;
        this.storage = storage;
        this.reports = reports;
        this.consumers = consumers;
        this.outbox = outbox;
        this.json = json;
    }

    @Incoming("upload-received")
    public Uni<Void> onUploadReceived(ConsumerRecord<String, String> record) {
        return consumers.consumeInSteps(SUBSCRIPTION, record, this::check);
    }

    /**
     * The check, then its verdict recorded and announced. The whole is attempted again after a failure: the
     * check writes the same objects again. Where each step runs: the reads of the dataset's settings and the
     * organisation's schemas and locale on the event's Vert.x context (Hibernate Reactive); the download, the engine
     * and the uploads to the clean bucket on a worker ({@link Work#blocking}); the verdict's writes back on the event's
     * context, in the transaction that records the event.
     */
    private Uni<Void> check(UploadReceived upload, FirstDelivery delivery) {
        if (upload.raw() == null) {
            throw new MalformedEventException("upload.received without a raw object");
        }
        long started = System.nanoTime();
        return settingsFor(upload)
                .chain(stored -> checker.forOrganisation(upload.organization())
                        .chain(prepared -> Work.blocking(() -> checkFile(upload, stored, prepared))))
                .chain(checked -> delivery.record(() -> recordVerdict(upload, checked))
                        .invoke(() -> {
                            metrics.checked(checked.document().verdict(), checked.rows(), upload.raw().size(),
                                    Duration.ofNanos(System.nanoTime() - started));
                            LOG.infof("Upload %s checked: %s (%d rows, %d errors)", upload.uploadId(),
                                    checked.document().verdict(), checked.rows(), checked.errors());
                        }))
                .replaceWithVoid();
    }

    /** What the check made, before it is recorded. */
    private record Checked(ReportDocument document, ObjectRef clean, ObjectRef report, long rows, long errors,
                           double validity, CatalogueSchema declared) {
    }

    private Checked checkFile(UploadReceived upload, DatasetSettingsStore.Stored stored, FileChecker prepared)
            throws IOException {
        Path raw = Files.createTempFile("passerelle-raw-", ".bin");
        Path clean = Files.createTempFile("passerelle-clean-", ".csv");
        try {
            store.download(upload.raw(), raw);
            // The pipeline fixes what is safe, with the dataset's own column mapping and personal-data decisions.
            ReportDocument document = prepared.check(raw, upload.schema(), clean,
                    new ReportDocument(upload.uploadId(), upload.organization(), upload.dataset(), upload.filename(),
                            upload.schema(), null, null, null, null, null),
                    new FileChecker.CheckRequest(true, stored, ReportOutputs.none(),
                            RememberedDecisions.of(upload.decisionsOrNone())));
            String prefix = upload.organization() + "/" + upload.dataset() + "/" + upload.uploadId() + "/";
            ObjectRef cleanRef = document.details() == null ? null
                    : store.put(storage.buckets().clean(), prefix + upload.dataset() + ".csv", clean,
                    "text/csv; charset=utf-8");
            ObjectRef reportRef = store.put(storage.buckets().clean(), prefix + "report.json", toJson(document),
                    "application/json");
            QualityReport details = document.details();
            long rows = details == null ? 0 : details.rowCount();
            long errors = details == null ? 1 : details.errorCount();
            double validity = details == null ? 0 : details.validityPercent();
            // National schemas only (schemas.find never returns an organisation's own): portals check the name.
            CatalogueSchema declared = declarations.declaration(document.schema(), schemas.find(document.schema()))
                    .orElse(null);
            if (declared == null && document.schema() != null) {
                LOG.infof("Upload %s: schema %s is not in schema.data.gouv.fr's catalogue, portals will be told of no"
                        + " schema", upload.uploadId(), document.schema());
            }
            return new Checked(document, cleanRef, reportRef, rows, errors, validity, declared);
        } finally {
            Files.deleteIfExists(raw);
            Files.deleteIfExists(clean);
        }
    }

    /** The report and its announcement, in the caller's transaction (the one that records the event). */
    private Uni<Void> recordVerdict(UploadReceived upload, Checked checked) {
        ReportDocument document = checked.document();
        QualityReport details = document.details();
        // Built now, on the thread that took the event's trace (see ReactiveOutbox#publish).
        Uni<java.util.UUID> announced = outbox.publish(new QualityChecked(upload.uploadId(), upload.organization(),
                upload.dataset(), document.schema(), document.verdict(), checked.validity(), checked.rows(),
                checked.errors(), document.summary(), checked.clean(), checked.report(), Instant.now(),
                checked.declared(), details == null ? null : RememberedDecisions.questions(details.decisions())));
        return reports.record(document, checked.rows(), checked.errors(), checked.validity(), checked.report(),
                checked.clean(), upload.raw()).chain(() -> announced).replaceWithVoid();
    }

    /**
     * The dataset's settings; a decision to hash needs the dataset's salt, drawn here (quality owns the settings) in a
     * transaction of its own when the dataset has none yet.
     */
    private Uni<DatasetSettingsStore.Stored> settingsFor(UploadReceived upload) {
        return settings.find(upload.organization(), upload.dataset()).chain(stored -> {
            if (stored.salt().isPresent() || !RememberedDecisions.hashes(upload.decisionsOrNone())) {
                return Uni.createFrom().item(stored);
            }
            return transactions.inTransaction(session -> settings.drawSalt(upload.organization(), upload.dataset()))
                    .chain(() -> settings.find(upload.organization(), upload.dataset()));
        });
    }

    private byte[] toJson(ReportDocument document) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
