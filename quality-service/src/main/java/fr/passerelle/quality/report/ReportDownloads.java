package fr.passerelle.quality.report;

import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.quality.check.FileChecker;
import fr.passerelle.quality.check.FileChecker.CheckRequest;
import fr.passerelle.quality.engine.annotate.AnnotationFormat;
import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.settings.DatasetSettingsStore;
import jakarta.enterprise.context.ApplicationScoped;
import fr.passerelle.platform.consumer.Work;
import io.smallrye.mutiny.Uni;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The annotated file and the full error list of an upload, made on demand by checking its raw file
 * again: storing them for every upload would cost more than the rare download.
 */
@ApplicationScoped
public class ReportDownloads {

    /** What can be downloaded: its content type and the file name's ending. */
    public enum Kind {
        ANNOTATED_XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "-annote.xlsx"),
        ANNOTATED_CSV("text/csv; charset=utf-8", "-annote.csv"),
        ERROR_LIST("text/csv; charset=utf-8", "-erreurs.csv");

        final String contentType;
        final String suffix;

        Kind(String contentType, String suffix) {
            this.contentType = contentType;
            this.suffix = suffix;
        }
    }

    /** A file ready to send, which the caller deletes once sent. */
    public record Download(Path file, String contentType, String fileName) {
    }

    private final Reports reports;
    private final ObjectStore store;
    private final FileChecker checker;
    private final DatasetSettingsStore settings;

    public ReportDownloads(Reports reports, ObjectStore store, FileChecker checker, DatasetSettingsStore settings) {
        this.reports = reports;
        this.store = store;
        this.checker = checker;
        this.settings = settings;
    }

    /**
     * Reads what the report was made from and the dataset's settings (reactively), then downloads the raw file and
     * checks it again on a worker thread: the object store and the engine block.
     */
    public Uni<Download> make(UUID uploadId, Kind kind) {
        return reports.checkedFileOf(uploadId).chain(found -> {
            Reports.CheckedFile file = found.orElseThrow(() -> ApiException.notFound("unknown-report",
                    "Aucun rapport n'existe (encore) pour le dépôt « " + uploadId + " »."));
            return settings.find(file.organization(), file.dataset()).chain(stored -> checker
                    .forOrganisation(file.organization())
                    .chain(prepared -> Work.blocking(() -> make(uploadId, kind, file, stored, prepared))));
        });
    }

    private Download make(UUID uploadId, Kind kind, Reports.CheckedFile file, DatasetSettingsStore.Stored stored,
                          FileChecker prepared) throws IOException {
        Path raw = Files.createTempFile("passerelle-raw-", ".bin");
        Path clean = Files.createTempFile("passerelle-clean-", ".csv");
        Path output = Files.createTempFile("passerelle-download-", kind.suffix);
        try {
            store.download(file.raw(), raw);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
                ReportOutputs outputs = switch (kind) {
                    case ANNOTATED_XLSX -> ReportOutputs.none().withAnnotated(out, AnnotationFormat.XLSX);
                    case ANNOTATED_CSV -> ReportOutputs.none().withAnnotated(out, AnnotationFormat.CSV);
                    case ERROR_LIST -> ReportOutputs.none().withErrorList(out);
                };
                // As the pipeline checked it: fixed, with the dataset's current settings.
                prepared.check(raw, file.schema(), clean, new ReportDocument(uploadId.toString(),
                                file.organization(), file.dataset(), null, file.schema(), null, null, null, null, null),
                        new CheckRequest(true, stored, outputs));
            }
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(output);
            throw e;
        } finally {
            Files.deleteIfExists(raw);
            Files.deleteIfExists(clean);
        }
        return new Download(output, kind.contentType, file.dataset() + kind.suffix);
    }
}
