package fr.passerelle.staff.report;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as a person reads it: the verdict and validity first, then the errors grouped by column
 * (the columns with most errors first), each with the service's French message and hint.
 */
public record ReportPage(String uploadId, String dataset, String filename, String schema, String verdict, boolean valid,
                         String validity, String summary, long rowCount, long errorCount, String problem,
                         String problemHint, List<ColumnErrors> columns, int pendingDecisions,
                         List<String> rememberedDecisions, boolean downloadable) {

    /** The errors of one column (or of the file as a whole), with the rows shown. */
    public record ColumnErrors(String column, long count, List<ErrorLine> errors) {
    }

    public record ErrorLine(String row, String value, String message, String hint) {
    }

    static final String WHOLE_FILE = "Le fichier dans son ensemble";

    public static ReportPage of(Api.Report report) {
        Api.ReportDetails details = report.details();
        List<ColumnErrors> columns = new ArrayList<>();
        long rows = 0;
        long errorCount = 0;
        String validity = "—";
        if (details != null) {
            rows = details.rowCount();
            errorCount = details.errorCount();
            validity = Labels.percent(details.validityPercent());
            Map<String, List<Api.Finding>> byColumn = new LinkedHashMap<>();
            for (Api.Finding finding : details.samples() == null ? List.<Api.Finding>of() : details.samples()) {
                String column = finding.field() == null || finding.field().isBlank() ? WHOLE_FILE : finding.field();
                byColumn.computeIfAbsent(column, c -> new ArrayList<>()).add(finding);
            }
            Map<String, Long> counts = details.errorsByField() == null ? Map.of() : details.errorsByField();
            byColumn.forEach((column, findings) -> columns.add(new ColumnErrors(column,
                    counts.getOrDefault(column, (long) findings.size()),
                    findings.stream().map(f -> new ErrorLine(f.rowNumber() == 0 ? "—" : String.valueOf(f.rowNumber()),
                            f.value() == null ? "" : f.value(), f.message(), f.hint())).toList())));
            columns.sort((a, b) -> Long.compare(b.count(), a.count()));
        }
        String verdict = report.verdict() == null && details != null ? details.verdict() : report.verdict();
        return new ReportPage(report.uploadId(), report.dataset(), report.filename(),
                details != null && details.schemaName() != null ? details.schemaName() : report.schema(),
                Labels.verdict(verdict), "VALID".equals(verdict), validity, report.summary(), rows, errorCount,
                report.problem() == null ? null : report.problem().message(),
                report.problem() == null ? null : report.problem().hint(), columns,
                details == null || details.decisions() == null ? 0 : details.decisions().size(),
                details == null || details.rememberedDecisions() == null ? List.of()
                        : details.rememberedDecisions().stream().map(Api.AppliedDecision::message).toList(),
                // Quality makes the annotated file and the error list from a file it could read.
                details != null);
    }
}
