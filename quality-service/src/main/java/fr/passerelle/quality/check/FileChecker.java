package fr.passerelle.quality.check;

import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.platform.web.ApiError;
import fr.passerelle.quality.engine.QualityCheck;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.report.ReportDocument;
import fr.passerelle.quality.schema.Schemas;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Runs the quality engine on a local file, for the pipeline and for synchronous validation alike. */
@ApplicationScoped
public class FileChecker {

    private final Schemas schemas;

    public FileChecker(Schemas schemas) {
        this.schemas = schemas;
    }

    /**
     * @param context the upload's identity, copied into the report
     * @param clean   where the clean CSV goes; left empty when no check could run
     */
    public ReportDocument check(Path raw, String schemaName, Path clean, ReportDocument context) {
        Optional<TableSchema> schema = schemas.find(schemaName);
        if (schema.isEmpty()) {
            String summary = "Le schéma « " + schemaName + " » est inconnu : le fichier n'a pas pu être contrôlé.";
            return new ReportDocument(context.uploadId(), context.organization(), context.dataset(),
                    context.filename(), schemaName, QualityVerdict.INVALID, summary, Instant.now(), null,
                    new ApiError("unknown-schema", summary,
                            "Déposez à nouveau le fichier en indiquant l'un de ces schémas : " + schemas.names() + "."));
        }
        QualityReport report;
        try (OutputStream out = Files.newOutputStream(clean)) {
            report = QualityCheck.of(schema.get()).run(raw, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QualityVerdict verdict = QualityVerdict.valueOf(report.verdict().name());
        return new ReportDocument(context.uploadId(), context.organization(), context.dataset(),
                context.filename(), schemaName, verdict, report.summary(), Instant.now(), report, null);
    }
}
