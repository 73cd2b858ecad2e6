package fr.passerelle.staff.dataset;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;

/**
 * One version as the history shows it.
 *
 * @param csvUrl where the public portal serves this version's file: only a version once published has one
 */
public record VersionLine(int version, String created, String state, String validity, long rows, String reportPath,
                          String note, boolean published, String csvUrl) {

    public static VersionLine of(Api.Version version) {
        return of(version, null);
    }

    /** @param portalDataset the dataset's address on the public portal ({@code …/portal/{org}/{dataset}}) */
    public static VersionLine of(Api.Version version, String portalDataset) {
        return new VersionLine(version.version(), Labels.when(version.createdAt()), Labels.versionState(version.state()),
                Labels.percent(version.validityPercent()), version.rowCount(),
                version.uploadId() == null ? null : "/rapports/" + version.uploadId(),
                version.failureReason(), "PUBLISHED".equals(version.state()),
                // Still served after a newer one replaced it; a version never published has no public file.
                portalDataset == null || version.publishedAt() == null ? null
                        : portalDataset + "/versions/" + version.version() + ".csv");
    }
}
