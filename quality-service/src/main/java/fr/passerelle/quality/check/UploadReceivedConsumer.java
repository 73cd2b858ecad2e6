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
import fr.passerelle.platform.outbox.Outbox;
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
    private final Outbox outbox;
    private final ObjectMapper json;
    private final DatasetSettingsStore settings;
    private final CheckMetrics metrics;
    private final Schemas schemas;
    private final CatalogueDeclarations declarations;

    public UploadReceivedConsumer(FileChecker checker, ObjectStore store, StorageConfig storage, Reports reports,
                                  EventConsumers consumers, Outbox outbox, ObjectMapper json,
                                  DatasetSettingsStore settings, CheckMetrics metrics, Schemas schemas,
                                  CatalogueDeclarations declarations) {
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
     * check writes the same objects again.
     */
    private Uni<Void> check(UploadReceived upload, FirstDelivery delivery) {
        if (upload.raw() == null) {
            throw new MalformedEventException("upload.received without a raw object");
        }
        long started = System.nanoTime();
        // The engine and the object store block: on a worker, explicitly.
        return Work.blocking(() -> checkFile(upload))
                .chain(checked -> delivery.record(() -> Work.inline(() -> recordVerdict(upload, checked)))
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

    private Checked checkFile(UploadReceived upload) throws IOException {
        Path raw = Files.createTempFile("passerelle-raw-", ".bin");
        Path clean = Files.createTempFile("passerelle-clean-", ".csv");
        try {
            store.download(upload.raw(), raw);
            // The pipeline fixes what is safe, with the dataset's own column mapping and personal-data decisions.
            ReportDocument document = checker.check(raw, upload.schema(), clean,
                    new ReportDocument(upload.uploadId(), upload.organization(), upload.dataset(), upload.filename(),
                            upload.schema(), null, null, null, null, null),
                    new FileChecker.CheckRequest(true, settingsFor(upload), ReportOutputs.none(),
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

    private void recordVerdict(UploadReceived upload, Checked checked) {
        ReportDocument document = checked.document();
        QualityReport details = document.details();
        reports.record(document, checked.rows(), checked.errors(), checked.validity(), checked.report(),
                checked.clean(), upload.raw());
        outbox.publish(new QualityChecked(upload.uploadId(), upload.organization(), upload.dataset(),
                document.schema(), document.verdict(), checked.validity(), checked.rows(), checked.errors(),
                document.summary(), checked.clean(), checked.report(), Instant.now(), checked.declared(),
                details == null ? null : RememberedDecisions.questions(details.decisions())));
    }

    /**
     * The dataset's settings; a decision to hash needs the dataset's salt, drawn here (quality owns the settings) when
     * the dataset has none yet.
     */
    private DatasetSettingsStore.Stored settingsFor(UploadReceived upload) {
        DatasetSettingsStore.Stored stored = settings.find(upload.organization(), upload.dataset());
        if (stored.salt().isEmpty() && RememberedDecisions.hashes(upload.decisionsOrNone())) {
            settings.drawSalt(upload.organization(), upload.dataset());
            stored = settings.find(upload.organization(), upload.dataset());
        }
        return stored;
    }

    private byte[] toJson(ReportDocument document) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
