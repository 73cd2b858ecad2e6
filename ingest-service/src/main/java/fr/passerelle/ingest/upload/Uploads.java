package fr.passerelle.ingest.upload;

import static fr.passerelle.platform.reactive.Columns.decimal;
import static fr.passerelle.platform.reactive.Columns.instant;
import static fr.passerelle.platform.reactive.Columns.integer;
import static fr.passerelle.platform.reactive.Columns.longValue;
import static fr.passerelle.platform.reactive.Columns.text;
import static fr.passerelle.platform.reactive.Columns.uuid;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The {@code upload} and {@code upload_stage} tables (an upload and the steps of its way), their only writer: every
 * write in the caller's transaction ({@link Transactions#mandatory}), reads in the current session or one of their own.
 */
@ApplicationScoped
public class Uploads {

    private static final String VIEW_COLUMNS = "id, organization, dataset, schema_name, filename, source, size_bytes,"
            + " sha256, status, verdict, validity_percent, summary, version, public_url, trace_id, received_at, updated_at";

    private final Transactions transactions;
    private final MeterRegistry registry;

    public Uploads(Transactions transactions, MeterRegistry registry) {
        this.transactions = transactions;
        this.registry = registry;
    }

    public Uni<Void> insert(UUID id, String organization, String dataset, String schema, String filename,
                            String source, ObjectRef raw) {
        // Without a key the insert cannot meet a conflict.
        return insert(id, organization, dataset, schema, filename, source, raw, null).replaceWithVoid();
    }

    /**
     * @param idempotencyKey the client's {@code Idempotency-Key}, or null
     * @return false, and nothing written, when the organisation already has an upload under that key (the same
     *         request sent twice at once: the other one recorded it first)
     */
    public Uni<Boolean> insert(UUID id, String organization, String dataset, String schema, String filename,
                               String source, ObjectRef raw, String idempotencyKey) {
        // The trace id is taken now, not when the returned Uni runs (another event's work may run in between).
        String traceId = TraceContext.currentTraceId().orElse(null);
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO upload (id, organization,"
                                + " dataset, schema_name, filename, source, raw_bucket, raw_key, sha256, size_bytes, status,"
                                + " status_rank, trace_id, idempotency_key)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                                + " ON CONFLICT (organization, idempotency_key) WHERE idempotency_key IS NOT NULL"
                                + " DO NOTHING")
                        .setParameter(1, id)
                        .setParameter(2, organization)
                        .setParameter(3, dataset)
                        .setParameter(4, schema)
                        .setParameter(5, filename)
                        .setParameter(6, source)
                        .setParameter(7, raw.bucket())
                        .setParameter(8, raw.key())
                        .setParameter(9, raw.sha256())
                        .setParameter(10, raw.size())
                        .setParameter(11, UploadStatus.RECEIVED.name())
                        .setParameter(12, UploadStatus.RECEIVED.rank())
                        .setParameter(13, traceId)
                        .setParameter(14, idempotencyKey)
                        .executeUpdate())
                .map(inserted -> inserted == 1)
                .invoke(inserted -> {
                    if (!inserted) {
                        return;
                    }
                    // Counted before the commit: a rolled-back transaction (rare) may count twice.
                    Counter.builder("passerelle.uploads.received").description("Uploads recorded, by source (upload, drop)")
                            .tags("source", source).register(registry).increment();
                    Counter.builder("passerelle.uploads.received.size").description("Bytes of the raw files recorded")
                            .baseUnit("bytes").register(registry).increment(Math.max(0, raw.size()));
                });
    }

    /** The organisation's upload made under the client's {@code Idempotency-Key}, if any. */
    public Uni<Optional<KeyedUpload>> findByIdempotencyKey(String organization, String idempotencyKey) {
        return transactions.session(session -> session.createNativeQuery("SELECT id, dataset, sha256 FROM upload"
                                + " WHERE organization = ?1 AND idempotency_key = ?2", Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, idempotencyKey)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> new KeyedUpload(uuid(row[0]),
                        (String) row[1], (String) row[2])));
    }

    /** An upload found by its client's key: what a repeated request must match to be answered with it. */
    public record KeyedUpload(UUID id, String dataset, String sha256) {
    }

    /**
     * Moves the status forward (never back) and records the stage either way.
     *
     * @return false when the upload is unknown here
     */
    public Uni<Boolean> advance(UUID id, UploadStatus status, String stage, String outcome, String detail) {
        return transactions.mandatory(session -> session
                .createNativeQuery("SELECT 1 FROM upload WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id)
                .getResultList()
                .chain(locked -> {
                    if (locked.isEmpty()) {
                        return Uni.createFrom().item(Boolean.FALSE);
                    }
                    return session.createNativeQuery("UPDATE upload SET status = ?1, status_rank = ?2,"
                                    + " updated_at = now() WHERE id = ?3 AND status_rank < ?4")
                            .setParameter(1, status.name())
                            .setParameter(2, status.rank())
                            .setParameter(3, id)
                            .setParameter(4, status.rank())
                            .executeUpdate()
                            .invoke(moved -> {
                                if (moved == 1 && status.isFinal()) {
                                    // Counted before the commit: a rolled-back transaction (rare, then redelivered)
                                    // may count twice.
                                    Counter.builder("passerelle.uploads.finished")
                                            .description("Uploads that reached a final status, by status")
                                            .tags("status", status.name()).register(registry).increment();
                                }
                            })
                            .chain(moved -> recordStage(session, id, stage, outcome, detail))
                            .replaceWith(Boolean.TRUE);
                }));
    }

    /** A step of the upload's way that does not move its status (a dead letter, a replay). */
    public Uni<Void> recordStage(UUID id, String stage, String outcome, String detail) {
        return transactions.mandatory(session -> recordStage(session, id, stage, outcome, detail));
    }

    private static Uni<Void> recordStage(Mutiny.Session session, UUID id, String stage, String outcome, String detail) {
        return session.createNativeQuery("INSERT INTO upload_stage (upload_id, stage, outcome, detail)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id)
                .setParameter(2, stage)
                .setParameter(3, outcome)
                .setParameter(4, detail)
                .executeUpdate()
                .replaceWithVoid();
    }

    public Uni<Boolean> exists(UUID id) {
        return transactions.session(session -> session.createNativeQuery("SELECT 1 FROM upload WHERE id = ?1")
                .setParameter(1, id)
                .getResultList()
                .map(rows -> !rows.isEmpty()));
    }

    public Uni<Void> recordQuality(UUID id, String verdict, double validityPercent, String summary) {
        return update("UPDATE upload SET verdict = ?1, validity_percent = ?2, summary = ?3 WHERE id = ?4",
                verdict, validityPercent, summary, id);
    }

    public Uni<Void> recordVersion(UUID id, int version) {
        return update("UPDATE upload SET version = ?1 WHERE id = ?2", version, id);
    }

    public Uni<Void> recordPublicUrl(UUID id, String publicUrl) {
        return update("UPDATE upload SET public_url = ?1 WHERE id = ?2", publicUrl, id);
    }

    /** Quality detected the schema of an upload that named none. */
    public Uni<Void> recordDetectedSchema(UUID id, String schema) {
        return update("UPDATE upload SET schema_name = ?1 WHERE id = ?2 AND schema_name IS NULL", schema, id);
    }

    public Uni<Void> recordRecheckOf(UUID id, UUID original) {
        return update("UPDATE upload SET rechecks = ?1 WHERE id = ?2", original, id);
    }

    private Uni<Void> update(String sql, Object... parameters) {
        return transactions.mandatory(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** The schema of the dataset's latest upload that has one: what a new upload without one follows. */
    public Uni<Optional<String>> lastSchemaOf(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery("SELECT schema_name FROM upload"
                                + " WHERE organization = ?1 AND dataset = ?2 AND schema_name IS NOT NULL"
                                + " ORDER BY received_at DESC LIMIT 1", String.class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    public Uni<Optional<ObjectRef>> rawOf(UUID id) {
        return transactions.session(session -> session.createNativeQuery("SELECT raw_bucket, raw_key, sha256,"
                                + " size_bytes FROM upload WHERE id = ?1", Object[].class)
                        .setParameter(1, id)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> new ObjectRef((String) row[0], (String) row[1],
                        (String) row[2], longValue(row[3]))));
    }

    /** True when the dataset already received these exact bytes, whatever the way they came. */
    public Uni<Boolean> hasContent(String organization, String dataset, String sha256) {
        return transactions.session(session -> session.createNativeQuery("SELECT 1 FROM upload WHERE organization = ?1"
                        + " AND dataset = ?2 AND sha256 = ?3")
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .setParameter(3, sha256)
                .getResultList()
                .map(rows -> !rows.isEmpty()));
    }

    public Uni<Optional<UploadView>> find(UUID id, String qualityBaseUrl) {
        return transactions.session(session -> session.createNativeQuery("SELECT " + VIEW_COLUMNS
                                + " FROM upload WHERE id = ?1", Object[].class)
                .setParameter(1, id)
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(Optional.<UploadView>empty());
                    }
                    Object[] row = rows.get(0);
                    // The dead letter before the stages: its row and its « dead-lettered » stage commit together, so
                    // an upload shown FAILED always shows the stage saying why (read the other way round, a commit
                    // falling between the two reads showed FAILED without it).
                    return openDeadLetterOf(session, id).chain(deadLetter -> stagesOf(session, id, instant(row[15]))
                            .map(stages -> Optional.of(toView(row, qualityBaseUrl, stages, deadLetter))));
                }));
    }

    /** Each dataset's most recent upload in the organisation, by dataset. */
    public Uni<List<LastUpload>> lastOfEachDataset(String organization) {
        return transactions.session(session -> session.createNativeQuery("SELECT DISTINCT ON (u.dataset) u.dataset,"
                                + " u.id, u.filename, " + effectiveStatusSql("u") + " AS effective_status, u.verdict,"
                                + " u.validity_percent, u.summary, u.version, u.received_at FROM upload u"
                                + " WHERE u.organization = ?1 ORDER BY u.dataset, u.received_at DESC", Object[].class)
                        .setParameter(1, organization)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new LastUpload((String) row[0], text(row[1]), (String) row[2],
                        UploadStatus.valueOf((String) row[3]), (String) row[4], decimal(row[5]), (String) row[6],
                        integer(row[7]), instant(row[8]))).toList());
    }

    /** The latest dead letter of the upload that no operator replayed yet: {id, French reason}. */
    private static Uni<Optional<String[]>> openDeadLetterOf(Mutiny.Session session, UUID id) {
        return session.createNativeQuery("SELECT dead_letter_id, reason FROM upload_dead_letter"
                        + " WHERE upload_id = ?1 AND replayed_at IS NULL ORDER BY dead_at DESC LIMIT 1", Object[].class)
                .setParameter(1, id)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(row -> new String[] {(String) row[0], (String) row[1]}));
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
    private static Uni<List<UploadView.Stage>> stagesOf(Mutiny.Session session, UUID id, Instant receivedAt) {
        return session.createNativeQuery("SELECT stage, outcome, detail, at FROM upload_stage WHERE upload_id = ?1"
                        + " ORDER BY at, stage", Object[].class)
                .setParameter(1, id)
                .getResultList()
                .map(rows -> {
                    List<UploadView.Stage> stages = new ArrayList<>();
                    Instant previous = receivedAt;
                    for (Object[] row : rows) {
                        Instant at = instant(row[3]);
                        stages.add(new UploadView.Stage((String) row[0], (String) row[1], (String) row[2], at,
                                Math.max(0, Duration.between(previous, at).toMillis())));
                        previous = at;
                    }
                    return stages;
                });
    }

    private static UploadView toView(Object[] row, String qualityBaseUrl, List<UploadView.Stage> stages,
                                     Optional<String[]> deadLetter) {
        String id = text(row[0]);
        String verdict = (String) row[9];
        UploadStatus status = UploadStatus.valueOf((String) row[8]);
        // A final status is the upload's real outcome; short of one, an unreplayed dead letter is.
        boolean deadLettered = deadLetter.isPresent() && !status.isFinal();
        String failureReason = deadLettered ? deadLetter.get()[1]
                : status == UploadStatus.FAILED ? lastFailureOf(stages) : null;
        return new UploadView(id, (String) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                longValue(row[6]), (String) row[7],
                deadLettered ? UploadStatus.FAILED : status, failureReason,
                deadLettered ? deadLetter.get()[0] : null, verdict,
                decimal(row[10]), (String) row[11], integer(row[12]),
                verdict == null ? null : qualityBaseUrl + "/api/v1/reports/" + id,
                (String) row[13], (String) row[14], instant(row[15]), instant(row[16]), stages);
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
