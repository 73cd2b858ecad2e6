package fr.passerelle.quality.engine.cli;

import fr.passerelle.quality.engine.detection.SchemaCandidate;
import fr.passerelle.quality.engine.detection.SchemaDetection;
import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.MatchKind;
import fr.passerelle.quality.engine.report.QualityReport;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints, in French, how the schema was detected and which columns were recognised under another name. */
final class MappingPrinter {

    private MappingPrinter() {
    }

    static void print(QualityReport report, PrintStream out) {
        SchemaDetection detection = report.schemaDetection();
        if (detection != null) {
            out.println("Schéma détecté parmi :");
            for (SchemaCandidate candidate : detection.ranked()) {
                out.println("  " + candidate.title() + " (" + candidate.name() + ") : " + candidate.recognisedPercent()
                        + " % des champs reconnus, score " + String.format(Locale.FRANCE, "%.2f",
                        candidate.score()) + (candidate.name().equals(detection.chosenSchema()) ? " ← choisi" : ""));
            }
        }
        List<ColumnMatch> told = report.columnMapping().stream()
                .filter(match -> match.how().worthTelling()).toList();
        if (told.isEmpty()) {
            return;
        }
        out.println("Colonnes reconnues sous un autre nom :");
        for (ColumnMatch match : told) {
            out.println("  « " + match.label() + " » → " + (match.field() == null ? "ignorée"
                    : "« " + match.field() + " »") + " (" + how(match) + ")");
        }
    }

    private static String how(ColumnMatch match) {
        if (match.how() == MatchKind.FUZZY && match.score() != null) {
            return match.how().description() + ", ressemblance " + Math.round(match.score() * 100) + " %";
        }
        return match.how().description();
    }
}
