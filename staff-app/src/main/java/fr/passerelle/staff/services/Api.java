package fr.passerelle.staff.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the app reads of the services' JSON: only the fields the pages show (unknown ones are ignored,
 * so a service may add fields without breaking the app).
 */
public final class Api {

    private Api() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Upload(String uploadId, String organization, String dataset, String schema, String filename,
                         long size, String status, String verdict, Double validityPercent, String summary,
                         Integer version, String publicUrl, Instant receivedAt, List<Stage> stages) {
    }

    /** A dataset's most recent upload (ingest): all there is of a dataset whose files were all refused. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastUpload(String dataset, String uploadId, String filename, String status, String verdict,
                             Double validityPercent, String summary, Integer version, Instant receivedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stage(String stage, String outcome, String detail, Instant at, long durationMs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(String uploadId, String organization, String dataset, String filename, String schema,
                         String verdict, String summary, Instant checkedAt, ReportDetails details, Problem problem) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportDetails(String verdict, String schemaName, String encoding, String delimiter, long rowCount,
                                long validRowCount, double validityPercent, long errorCount,
                                Map<String, Long> errorsByField, List<Finding> samples, List<Question> decisions,
                                List<AppliedDecision> rememberedDecisions) {

        /** A report without questions nor remembered decisions. */
        public ReportDetails(String verdict, String schemaName, String encoding, String delimiter, long rowCount,
                             long validRowCount, double validityPercent, long errorCount,
                             Map<String, Long> errorsByField, List<Finding> samples) {
            this(verdict, schemaName, encoding, delimiter, rowCount, validRowCount, validityPercent, errorCount,
                    errorsByField, samples, List.of(), List.of());
        }
    }

    /** A question the check left to a person (quality's report), with its answers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Question(String id, String kind, String subject, String question, List<Choice> choices) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(String value, String label) {
    }

    /** What became of a remembered decision in this file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AppliedDecision(String id, String choice, boolean applied, String message) {
    }

    /** A decision remembered for a dataset (ingest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DatasetDecision(String id, String kind, String subject, String choice, String label, String decidedBy,
                                  Instant decidedAt) {
    }

    /** The body of ingest's {@code POST /uploads/{id}/decisions}. */
    public record Decisions(List<Answer> decisions) {
    }

    public record Answer(String id, String choice) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String code, long rowNumber, String field, String value, String message, String hint) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String code, String message, String hint) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schema(String name, String title, String version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dataset(String organization, String dataset, String schema, String title, Integer latestVersion,
                          Integer publishedVersion, String publicUrl, Instant updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(int version, String uploadId, double validityPercent, String state, String publicUrl,
                          Instant createdAt, Instant publishedAt, long rowCount, String failureReason) {
    }

    /** One dataset with its descriptive metadata and their score (catalog's DatasetView). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DatasetDetail(String organization, String dataset, String schema, String title, String description,
                                List<String> keywords, String theme, String licence, String frequency,
                                java.time.LocalDate temporalStart, java.time.LocalDate temporalEnd, List<String> spatial,
                                String contactName, String contactEmail, boolean approved, String approvalState,
                                String approvalWithdrawnReason, boolean alwaysAsk, Integer latestVersion,
                                Integer publishedVersion, String publicUrl, MetadataScore metadataScore) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MetadataScore(int score, List<String> missing) {
    }

    /** A draft's score: catalog's POST …/metadata-score. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DraftScore(int score, List<String> missing, List<String> firstPublicationMissing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApprovalEntry(String action, String actor, String reason, List<Integer> versions, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Diff(int version, int comparedWith, String comparison, String keyColumn, long rowsBefore,
                       long rowsAfter, long added, long removed, Long changed, long unchanged, DiffColumns columns,
                       DiffSamples samples, List<String> notes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DiffColumns(List<String> compared, List<String> added, List<String> removed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DiffSamples(List<Map<String, String>> added, List<Map<String, String>> removed,
                              List<ChangedRow> changed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChangedRow(String key, List<CellChange> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CellChange(String column, String before, String after) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String kind, String apiUrl, String remoteOrganization, Integer lastVersion, String lastStatus,
                         String lastError, Integer lastHttpStatus, Instant updatedAt, String schemaDeclaration) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PullSource(String url, int intervalMinutes, Instant lastPulledAt, String lastOutcome,
                             String lastDetail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Drop(String key, long size, String detectedBy, String outcome, String reason, String uploadId,
                       String uploadStatus, Instant detectedAt, Instant finishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssuedToken(String id, String subject, List<String> roles, String kind, String issuedBy,
                              Instant issuedAt, Instant expiresAt, Instant revokedAt, String revokedBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NewToken(String id, String token, String subject, List<String> roles, String kind, Instant expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditEntry(String id, Instant occurredAt, String actor, String address, String action, String dataset,
                             String detail, String source) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OwnSchema(String name, String title, String version, Integer fieldCount, Instant updatedAt) {
    }

    /** What « Mes notifications » offers the person (notification-service's {@code GET /me/preferences}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotificationChoices(String email, List<NotificationChoice> preferences) {
    }

    /** One kind of message; {@code delivery}: IMMEDIATE, DIGEST or NONE. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotificationChoice(String kind, String label, String delivery) {
    }

    /** The body of {@code PUT /me/preferences}. */
    public record ChosenDeliveries(List<ChosenDelivery> preferences) {
    }

    public record ChosenDelivery(String kind, String delivery) {
    }

    /**
     * One of the organisation's webhooks. {@code lastDelivery} is read as it comes (a date, or an object with its
     * dates and status): {@code WebhookLine} says it in French.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Webhook(String id, String url, boolean enabled, String disabledReason, int consecutiveFailures,
                          Instant createdAt, com.fasterxml.jackson.databind.JsonNode lastDelivery) {
    }

    /** A webhook just added: its secret, shown once. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NewWebhook(String id, String url, String secret) {
    }

    /** A webhook's new secret (rotation), shown once. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WebhookSecret(String secret) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WebhookDelivery(String eventType, String eventId, String status, int attempts, Integer lastStatusCode,
                                  String lastError, Instant createdAt, Instant deliveredAt, Instant nextAttemptAt) {
    }
}
