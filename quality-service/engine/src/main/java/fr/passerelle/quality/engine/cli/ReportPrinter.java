package fr.passerelle.quality.engine.cli;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a report as French text for a terminal: the summary, then the sampled errors grouped by kind. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void print(Path file, TableSchema schema, QualityReport report, PrintStream out) {
        out.println("Fichier : " + file);
        out.println("Schéma : " + schema.displayTitle() + " (" + schema.name()
                + (schema.version().isBlank() ? "" : ", version " + schema.version()) + ")");
        if (!report.encoding().isEmpty() && !report.delimiter().isEmpty()) {
            out.println("Lecture : encodage " + report.encoding() + ", séparateur " + delimiter(report.delimiter()) + ", "
                    + count(report.rowCount(), "ligne") + " de données");
        } else if (report.rowCount() > 0) {
            // A workbook or JSON: the summary says how it was read.
            out.println("Lecture : " + count(report.rowCount(), "ligne") + " de données");
        }
        MappingPrinter.print(report, out);
        out.println();
        out.println(report.summary());
        FixesPrinter.print(report, out);
        printFieldValidity(report, out);
        for (ErrorCode code : ErrorCode.values()) {
            long total = report.errorsByCode().getOrDefault(code.code(), 0L);
            if (total == 0) {
                continue;
            }
            List<ValidationError> samples = report.samples().stream().filter(error -> error.code() == code).toList();
            out.println();
            out.println(code.title() + " (" + code.code() + ") : " + count(total, "erreur"));
            for (ValidationError error : samples) {
                out.println("  " + where(error) + error.message());
                out.println("    → " + error.hint());
            }
            if (total > samples.size()) {
                out.println("  … et " + count(total - samples.size(), "autre erreur") + " de ce type, non détaillée"
                        + (total - samples.size() >= 2 ? "s" : "") + ".");
            }
        }
        PersonalDataPrinter.print(report, out);
    }

    /** The fields with errors and their validity, worst first; nothing when every field is right. */
    private static void printFieldValidity(QualityReport report, PrintStream out) {
        if (report.rowCount() == 0) {
            return;
        }
        String fields = report.validityPercentByField().entrySet().stream()
                .filter(field -> field.getValue() < 100.0)
                .sorted(Map.Entry.comparingByValue())
                .map(field -> String.format(Locale.FRANCE, "« %s » %.2f %%", field.getKey(), field.getValue()))
                .collect(Collectors.joining(", "));
        if (!fields.isEmpty()) {
            out.println("Validité par colonne : " + fields + ".");
        }
    }

    private static String where(ValidationError error) {
        if (error.rowNumber() == ValidationError.WHOLE_FILE) {
            return "";
        }
        return "Ligne " + error.rowNumber() + (error.field() == null ? "" : ", colonne « " + error.field() + " »") + " : ";
    }

    private static String delimiter(String delimiter) {
        return delimiter.equals("\t") ? "tabulation" : "« " + delimiter + " »";
    }

    /** "1 ligne", "2 lignes", "3 autres erreurs": the plural on each word. */
    private static String count(long n, String words) {
        String plural = n >= 2 ? words.replace(" ", "s ") + "s" : words;
        return String.format(Locale.FRANCE, "%,d %s", n, plural);
    }
}
