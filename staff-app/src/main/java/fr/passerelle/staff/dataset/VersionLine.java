package fr.passerelle.staff.dataset;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;

/** One version as the history shows it. */
public record VersionLine(int version, String created, String state, String validity, long rows, String reportPath,
                          String note, boolean published) {

    public static VersionLine of(Api.Version version) {
        return new VersionLine(version.version(), Labels.when(version.createdAt()), Labels.versionState(version.state()),
                Labels.percent(version.validityPercent()), version.rowCount(),
                version.uploadId() == null ? null : "/rapports/" + version.uploadId(),
                version.failureReason(), "PUBLISHED".equals(version.state()));
    }
}
