package fr.passerelle.staff.dashboard;

import fr.passerelle.staff.portals.TargetStatus;
import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;
import java.util.ArrayList;
import java.util.List;

/** One line of the dashboard: a dataset, its last version and where it is published. */
public record DatasetRow(String dataset, String title, String schema, Integer lastVersion, String lastState,
                         boolean awaitingApproval, String validity, String reportPath, List<String> publishedOn,
                         String publishedWhen, boolean portalFailed) {

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
                where, when, failed);
    }
}
