package fr.passerelle.quality.report;

import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.platform.web.ApiError;
import fr.passerelle.quality.engine.report.QualityReport;
import java.time.Instant;

/**
 * The report staff read: what was checked, the verdict, and either the engine's detailed report
 * or the reason the file could not be checked at all.
 *
 * @param uploadId null for a synchronous validation outside the pipeline
 * @param problem  set when no check could run (unknown schema…)
 */
public record ReportDocument(
        String uploadId,
        String organization,
        String dataset,
        String filename,
        String schema,
        QualityVerdict verdict,
        String summary,
        Instant checkedAt,
        QualityReport details,
        ApiError problem) {
}
