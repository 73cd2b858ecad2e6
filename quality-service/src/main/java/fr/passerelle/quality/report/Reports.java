package fr.passerelle.quality.report;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** The {@code report} table: where each upload's report is stored. Its only writer. */
@ApplicationScoped
public class Reports {

    private final Transactions transactions;

    public Reports(Transactions transactions) {
        this.transactions = transactions;
    }

    /** In the caller's transaction (the consumer's, with the event's record and its announcement); once per upload. */
    public Uni<Void> record(ReportDocument document, long rowCount, long errorCount, double validityPercent,
                            ObjectRef report, ObjectRef clean, ObjectRef raw) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO report (upload_id,"
                                + " organization, dataset, schema_name, verdict, validity_percent, row_count, error_count,"
                                + " summary, report_bucket, report_key, clean_key, raw_bucket, raw_key) VALUES (?1, ?2,"
                                + " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT DO NOTHING")
                        .setParameter(1, UUID.fromString(document.uploadId()))
                        .setParameter(2, document.organization())
                        .setParameter(3, document.dataset())
                        .setParameter(4, document.schema() == null ? "" : document.schema())
                        .setParameter(5, document.verdict().name())
                        .setParameter(6, validityPercent)
                        .setParameter(7, rowCount)
                        .setParameter(8, errorCount)
                        .setParameter(9, document.summary())
                        .setParameter(10, report.bucket())
                        .setParameter(11, report.key())
                        .setParameter(12, clean == null ? null : clean.key())
                        .setParameter(13, raw.bucket())
                        .setParameter(14, raw.key())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** What a report was made from: enough to check the raw file again (annotated download, full error list). */
    public record CheckedFile(String organization, String dataset, String schema, ObjectRef raw) {
    }

    public Uni<Optional<CheckedFile>> checkedFileOf(UUID uploadId) {
        return find(uploadId).map(row -> row.filter(found -> found.rawKey != null)
                .map(found -> new CheckedFile(found.organization, found.dataset, found.schemaName,
                        new ObjectRef(found.rawBucket, found.rawKey, null, -1))));
    }

    public Uni<Optional<ObjectRef>> reportOf(UUID uploadId) {
        return find(uploadId).map(row -> row.map(found -> new ObjectRef(found.reportBucket, found.reportKey, null, -1)));
    }

    public Uni<Optional<String>> organizationOf(UUID uploadId) {
        return find(uploadId).map(row -> row.map(found -> found.organization));
    }

    private Uni<Optional<ReportRow>> find(UUID uploadId) {
        return transactions.session(session -> session.find(ReportRow.class, uploadId)).map(Optional::ofNullable);
    }
}
