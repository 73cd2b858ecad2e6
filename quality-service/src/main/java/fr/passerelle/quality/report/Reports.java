package fr.passerelle.quality.report;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** The {@code report} table: where each upload's report is stored. */
@ApplicationScoped
public class Reports {

    private final Database database;

    public Reports(Database database) {
        this.database = database;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ReportDocument document, long rowCount, long errorCount, double validityPercent,
                       ObjectRef report, ObjectRef clean, ObjectRef raw) {
        database.update("INSERT INTO report (upload_id, organization, dataset, schema_name, verdict, validity_percent,"
                        + " row_count, error_count, summary, report_bucket, report_key, clean_key, raw_bucket, raw_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                UUID.fromString(document.uploadId()), document.organization(), document.dataset(),
                document.schema() == null ? "" : document.schema(), document.verdict().name(), validityPercent,
                rowCount, errorCount, document.summary(), report.bucket(), report.key(),
                clean == null ? null : clean.key(), raw.bucket(), raw.key());
    }

    /** What a report was made from: enough to check the raw file again (annotated download, full error list). */
    public record CheckedFile(String organization, String dataset, String schema, ObjectRef raw) {
    }

    public Optional<CheckedFile> checkedFileOf(UUID uploadId) {
        return database.queryOne("SELECT organization, dataset, schema_name, raw_bucket, raw_key FROM report"
                        + " WHERE upload_id = ? AND raw_key IS NOT NULL",
                row -> new CheckedFile(row.getString(1), row.getString(2), row.getString(3),
                        new ObjectRef(row.getString(4), row.getString(5), null, -1)), uploadId);
    }

    public Optional<ObjectRef> reportOf(UUID uploadId) {
        return database.queryOne("SELECT report_bucket, report_key FROM report WHERE upload_id = ?",
                row -> new ObjectRef(row.getString(1), row.getString(2), null, -1), uploadId);
    }

    public Optional<String> organizationOf(UUID uploadId) {
        return database.queryOne("SELECT organization FROM report WHERE upload_id = ?", row -> row.getString(1), uploadId);
    }
}
