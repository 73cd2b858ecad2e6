package fr.passerelle.catalog.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.passerelle.catalog.approval.ApprovalState;
import fr.passerelle.catalog.metadata.MetadataScore;
import fr.passerelle.catalog.metadata.MetadataScorer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A dataset as the catalogue API shows it, with its DCAT-AP metadata and their score.
 *
 * @param approvedBy              the last approval's author, kept after a withdrawal (the journal has the rest)
 * @param alwaysAsk               every new version waits for a publisher, even once the dataset is approved
 * @param approvalWithdrawnReason in French, while the state is {@link ApprovalState#WITHDRAWN}
 */
public record DatasetView(
        String organization,
        String dataset,
        String schema,
        String title,
        String description,
        List<String> keywords,
        String theme,
        String licence,
        String frequency,
        LocalDate temporalStart,
        LocalDate temporalEnd,
        List<String> spatial,
        String contactName,
        String contactEmail,
        boolean approved,
        String approvedBy,
        Instant approvedAt,
        Integer latestVersion,
        Integer publishedVersion,
        String publicUrl,
        FailedAttempt lastFailedAttempt,
        Instant createdAt,
        Instant updatedAt,
        boolean alwaysAsk,
        ApprovalState approvalState,
        String approvalWithdrawnReason) {

    /** What is missing from the description, derived on every read so it never goes stale. */
    @JsonProperty("metadataScore")
    public MetadataScore metadataScore() {
        return MetadataScorer.score(this);
    }

    /**
     * This dataset as it would be with {@code draft} saved (a null field leaves the value as it is, as the
     * PUT does): what a form scores while a person types, without saving anything.
     */
    public DatasetView withDraft(MetadataUpdate draft) {
        return new DatasetView(organization, dataset, schema, or(draft.title(), title), or(draft.description(), description),
                or(draft.keywords(), keywords), or(draft.theme(), theme), or(draft.licence(), licence),
                or(draft.frequency(), frequency),
                draft.clears("temporalStart") ? null : or(draft.temporalStart(), temporalStart),
                draft.clears("temporalEnd") ? null : or(draft.temporalEnd(), temporalEnd), or(draft.spatial(), spatial),
                draft.clears("contactName") ? null : or(draft.contactName(), contactName),
                draft.clears("contactEmail") ? null : or(draft.contactEmail(), contactEmail), approved, approvedBy, approvedAt, latestVersion, publishedVersion,
                publicUrl, lastFailedAttempt, createdAt, updatedAt, alwaysAsk, approvalState, approvalWithdrawnReason);
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    /** The latest upload that failed the quality check; the published version stayed in place. */
    public record FailedAttempt(String uploadId, String summary, String reportUrl, Instant at) {
    }
}
