package fr.passerelle.staff.dashboard;

import fr.passerelle.staff.portals.TargetStatus;
import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One line of the dashboard: a dataset, its last version and where it is published.
 *
 * @param page          where the dataset's name leads: its page, or its last upload while it has no version
 * @param lastUpload    for a dataset without version, what became of its last upload, in French
 * @param needsNewFile  no version and the last upload refused: a person must send another file
 */
public record DatasetRow(String dataset, String title, String schema, Integer lastVersion, String lastState,
                         boolean awaitingApproval, String validity, String reportPath, List<String> publishedOn,
                         String publishedWhen, boolean portalFailed, String page, String lastUpload,
                         boolean needsNewFile) {

    /** The endings of an upload that made no version. */
    private static final Set<String> REFUSED = Set.of("REJECTED", "BLOCKED", "FAILED");

    static DatasetRow of(Api.Dataset dataset, List<Api.Version> versions, List<Api.Target> targets, String portalUrl) {
        Api.Version last = versions.isEmpty() ? null : versions.get(0);
        List<String> where = new ArrayList<>();
        String when = "";
        if (dataset.publishedVersion() != null) {
            where.add("Portail Passerelle (version " + dataset.publishedVersion() + ")");
            when = versions.stream().filter(v -> v.version() == dataset.publishedVersion()).findFirst()
                    .map(v -> Labels.when(v.publishedAt())).orElse("");
        }
        boolean failed = false;
        for (Api.Target target : targets) {
            TargetStatus status = TargetStatus.ofDataset(target, dataset.publishedVersion());
            where.add(status.summary());
            failed |= "echec".equals(status.state());
        }
        String title = dataset.title() == null || dataset.title().isBlank() ? dataset.dataset() : dataset.title();
        return new DatasetRow(dataset.dataset(), title, dataset.schema(), last == null ? null : last.version(),
                last == null ? "Aucune version" : Labels.versionState(last.state()),
                last != null && "AWAITING_APPROVAL".equals(last.state()),
                last == null ? "—" : Labels.percent(last.validityPercent()),
                last == null || last.uploadId() == null ? null : "/rapports/" + last.uploadId(),
                where, when, failed, "/jeux/" + dataset.dataset(), null, false);
    }

    /**
     * A dataset that the catalogue does not know yet: no file of it was accepted. Its last upload says why, and
     * leads to its report once there is one.
     */
    static DatasetRow ofLastUpload(Api.LastUpload upload) {
        String outcome = "Dernier dépôt (« " + upload.filename() + " », le " + Labels.when(upload.receivedAt()) + ") : "
                + Labels.uploadStatus(upload.status());
        return new DatasetRow(upload.dataset(), upload.dataset(), null, null, "Aucune version", false,
                Labels.percent(upload.validityPercent()),
                upload.verdict() == null ? null : "/rapports/" + upload.uploadId(), List.of(), "", false,
                "/depots/" + upload.uploadId(), outcome, REFUSED.contains(upload.status()));
    }
}
