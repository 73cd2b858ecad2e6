package fr.passerelle.quality.engine.cli;

import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.report.FixSuggestion;
import fr.passerelle.quality.engine.report.QualityReport;

import java.io.PrintStream;
import java.util.Locale;

/** Prints the automatic fixes of a report and the suggestions left to the clerk, with their examples. */
final class FixesPrinter {

    private FixesPrinter() {
    }

    static void print(QualityReport report, PrintStream out) {
        if (!report.fixes().isEmpty()) {
            out.println();
            out.println("Corrections automatiques :");
            for (AppliedFix fix : report.fixes()) {
                out.println("  " + fix.message() + " (" + fix.code() + ", " + times(fix.count()) + ")");
                fix.samples().forEach(sample -> out.println("    " + sample(sample)));
            }
        }
        if (!report.suggestions().isEmpty()) {
            out.println();
            out.println("Suggestions non appliquées, à vérifier :");
            for (FixSuggestion suggestion : report.suggestions()) {
                out.println("  " + suggestion.message() + " (" + suggestion.code() + ", " + times(suggestion.count()) + ")");
                suggestion.samples().forEach(sample -> out.println("    " + sample(sample)));
            }
        }
    }

    private static String sample(FixSample sample) {
        String where = sample.row() > 0 ? "Ligne " + sample.row() + " : " : "";
        if (sample.before().isEmpty() && sample.after().isEmpty()) {
            return sample.row() > 0 ? "Ligne " + sample.row() : "";
        }
        if (sample.after().isEmpty()) {
            return where + "« " + sample.before() + " »";
        }
        return where + "« " + sample.before() + " » → « " + sample.after() + " »";
    }

    private static String times(long n) {
        return String.format(Locale.FRANCE, "%,d fois", n);
    }
}
