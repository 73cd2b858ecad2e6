package fr.passerelle.ingest.upload;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code upload} and {@code upload_stage} tables. */
@ApplicationScoped
public class Uploads {

    private final Database database;
    private final MeterRegistry registry;

    public Uploads(Database database, MeterRegistry registry) {
        this.database = database;
        this.registry = registry;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(UUID id, String organization, String dataset, String schema, String filename,
                       String source, ObjectRef raw) {
        Counter.builder("passerelle.uploads.received").description("Uploads recorded, by source (upload, drop)")
                .tags("source", source).register(registry).increment();
        Counter.builder("passerelle.uploads.received.size").description("Bytes of the raw files recorded")
                .baseUnit("bytes").register(registry).increment(Math.max(0, raw.size()));
        database.update("INSERT INTO upload (id, organization, dataset, schema_name, filename, source,"
                        + " raw_bucket, raw_key, sha256, size_bytes, status, status_rank, trace_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, organization, dataset, schema, filename, source, raw.bucket(), raw.key(), raw.sha256(),
                raw.size(), UploadStatus.RECEIVED.name(), UploadStatus.RECEIVED.rank(),
                TraceContext.currentTraceId().orElse(null));
    }

    /**
     * Moves the status forward (never back) and records the stage either way.
     *
     * @return false when the upload is unknown here
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean advance(UUID id, UploadStatus status, String stage, String outcome, String detail) {
        if (database.queryOne("SELECT 1 FROM upload WHERE id = ? FOR UPDATE", row -> true, id).isEmpty()) {
            return false;
        }
        int moved = database.update("UPDATE upload SET status = ?, status_rank = ?, updated_at = now()"
                + " WHERE id = ? AND status_rank < ?", status.name(), status.rank(), id, status.rank());
        if (moved == 1 && status.isFinal()) {
            // Counted before the commit: a rolled-back transaction (rare, then redelivered) may count twice.
            Counter.builder("passerelle.uploads.finished").description("Uploads that reached a final status, by status")
                    .tags("status", status.name()).register(registry).increment();
        }
        recordStage(id, stage, outcome, detail);
        return true;
    }

    /** A step of the upload's way that does not move its status (a dead letter, a replay). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordStage(UUID id, String stage, String outcome, String detail) {
        database.update("INSERT INTO upload_stage (upload_id, stage, outcome, detail) VALUES (?, ?, ?, ?)",
                id, stage, outcome, detail);
    }

    public boolean exists(UUID id) {
        return database.queryOne("SELECT 1 FROM upload WHERE id = ?", row -> true, id).isPresent();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordQuality(UUID id, String verdict, double validityPercent, String summary) {
        database.update("UPDATE upload SET verdict = ?, validity_percent = ?, summary = ? WHERE id = ?",
                verdict, validityPercent, summary, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordVersion(UUID id, int version) {
        database.update("UPDATE upload SET version = ? WHERE id = ?", version, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPublicUrl(UUID id, String publicUrl) {
        database.update("UPDATE upload SET public_url = ? WHERE id = ?", publicUrl, id);
    }

    /** The schema of the dataset's latest upload that has one: what a new upload without one follows. */
    public Optional<String> lastSchemaOf(String organization, String dataset) {
        return database.queryOne("SELECT schema_name FROM upload WHERE organization = ? AND dataset = ?"
                + " AND schema_name IS NOT NULL ORDER BY received_at DESC LIMIT 1", row -> row.getString(1),
                organization, dataset);
    }

    /** Quality detected the schema of an upload that named none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordDetectedSchema(UUID id, String schema) {
        database.update("UPDATE upload SET schema_name = ? WHERE id = ? AND schema_name IS NULL", schema, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRecheckOf(UUID id, UUID original) {
        database.update("UPDATE upload SET rechecks = ? WHERE id = ?", original, id);
    }

    public Optional<ObjectRef> rawOf(UUID id) {
        return database.queryOne("SELECT raw_bucket, raw_key, sha256, size_bytes FROM upload WHERE id = ?",
                row -> new ObjectRef(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)), id);
    }

    /** True when the dataset already received these exact bytes, whatever the way they came. */
    public boolean hasContent(String organization, String dataset, String sha256) {
        return database.queryOne("SELECT 1 FROM upload WHERE organization = ? AND dataset = ? AND sha256 = ?",
                row -> true, organization, dataset, sha256).isPresent();
    }

    public Optional<UploadView> find(UUID id, String qualityBaseUrl) {
        return database.queryOne("SELECT * FROM upload WHERE id = ?",
                row -> toView(row, qualityBaseUrl, stagesOf(id, Database.instant(row, "received_at")),
                        openDeadLetterOf(id)), id);
    }

    /** Each dataset's most recent upload in the organisation, by dataset. */
    public List<LastUpload> lastOfEachDataset(String organization) {
        return database.query("SELECT DISTINCT ON (u.dataset) u.dataset, u.id, u.filename, "
                        + effectiveStatusSql("u") + " AS effective_status, u.verdict, u.validity_percent, u.summary,"
                        + " u.version, u.received_at FROM upload u WHERE u.organization = ?"
                        + " ORDER BY u.dataset, u.received_at DESC",
                row -> new LastUpload(row.getString("dataset"), row.getString("id"), row.getString("filename"),
                        UploadStatus.valueOf(row.getString("effective_status")), row.getString("verdict"),
                        (Double) row.getObject("validity_percent"), row.getString("summary"),
                        (Integer) row.getObject("version"), Database.instant(row, "received_at")),
                organization);
    }

    /** The latest dead letter of the upload that no operator replayed yet: {id, French reason}. */
    private Optional<String[]> openDeadLetterOf(UUID id) {
        return database.queryOne("SELECT dead_letter_id, reason FROM upload_dead_letter"
                        + " WHERE upload_id = ? AND replayed_at IS NULL ORDER BY dead_at DESC LIMIT 1",
                row -> new String[] {row.getString(1), row.getString(2)}, id);
    }

    /**
     * SQL for the status a person sees of the upload aliased {@code alias}: FAILED while a dead letter
     * of an upload still in progress is not replayed.
     */
    public static String effectiveStatusSql(String alias) {
        return "CASE WHEN " + alias + ".status_rank < " + UploadStatus.FAILED.rank()
                + " AND EXISTS (SELECT 1 FROM upload_dead_letter f WHERE f.upload_id = " + alias + ".id"
                + " AND f.replayed_at IS NULL) THEN '" + UploadStatus.FAILED.name() + "' ELSE " + alias + ".status END";
    }

    /** Each stage with the time since the one before it (since reception for the first). */
    private List<UploadView.Stage> stagesOf(UUID id, Instant receivedAt) {
        List<UploadView.Stage> stages = new ArrayList<>();
        Instant previous = receivedAt;
        for (Object[] row : database.query("SELECT stage, outcome, detail, at FROM upload_stage WHERE upload_id = ?"
                        + " ORDER BY at, stage",
                row -> new Object[] {row.getString("stage"), row.getString("outcome"), row.getString("detail"),
                        Database.instant(row, "at")}, id)) {
            Instant at = (Instant) row[3];
            stages.add(new UploadView.Stage((String) row[0], (String) row[1], (String) row[2], at,
                    Math.max(0, Duration.between(previous, at).toMillis())));
            previous = at;
        }
        return stages;
    }

    private static UploadView toView(ResultSet row, String qualityBaseUrl, List<UploadView.Stage> stages,
                                     Optional<String[]> deadLetter) throws SQLException {
        String id = row.getString("id");
        String verdict = row.getString("verdict");
        UploadStatus status = UploadStatus.valueOf(row.getString("status"));
        // A final status is the upload's real outcome; short of one, an unreplayed dead letter is.
        boolean deadLettered = deadLetter.isPresent() && !status.isFinal();
        String failureReason = deadLettered ? deadLetter.get()[1]
                : status == UploadStatus.FAILED ? lastFailureOf(stages) : null;
        return new UploadView(id, row.getString("organization"), row.getString("dataset"),
                row.getString("schema_name"), row.getString("filename"), row.getString("source"),
                row.getLong("size_bytes"), row.getString("sha256"),
                deadLettered ? UploadStatus.FAILED : status, failureReason,
                deadLettered ? deadLetter.get()[0] : null, verdict,
                (Double) row.getObject("validity_percent"), row.getString("summary"),
                (Integer) row.getObject("version"),
                verdict == null ? null : qualityBaseUrl + "/api/v1/reports/" + id,
                row.getString("public_url"), row.getString("trace_id"), Database.instant(row, "received_at"),
                Database.instant(row, "updated_at"), stages);
    }

    private static String lastFailureOf(List<UploadView.Stage> stages) {
        for (int i = stages.size() - 1; i >= 0; i--) {
            if ("failed".equals(stages.get(i).outcome())) {
                return stages.get(i).detail();
            }
        }
        return null;
    }
}
