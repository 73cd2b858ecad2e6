package fr.passerelle.quality.engine.cli;

import fr.passerelle.quality.engine.privacy.PersonalDataFinding;
import fr.passerelle.quality.engine.privacy.PrivacyAction;
import fr.passerelle.quality.engine.report.QualityReport;

import java.io.PrintStream;
import java.util.Map;

/** Prints the personal data of a report, after its errors: one paragraph per column and kind, samples masked. */
final class PersonalDataPrinter {

    private PersonalDataPrinter() {
    }

    static void print(QualityReport report, PrintStream out) {
        if (!report.personalData().isEmpty()) {
            long blocking = report.personalData().stream().filter(PersonalDataFinding::blocking).count();
            out.println();
            out.println("Données personnelles" + (blocking > 0 ? " (publication bloquée)" : "") + " :");
            for (PersonalDataFinding finding : report.personalData()) {
                out.println("  " + finding.message());
                out.println("    → " + finding.hint());
            }
            if (blocking > 0) {
                out.println("  Pour décider, relancez avec par exemple --donnees-personnelles \""
                        + report.personalData().stream().filter(PersonalDataFinding::blocking).findFirst()
                        .map(PersonalDataFinding::column).orElse("") + "=supprimer\".");
            }
        }
        Map<String, PrivacyAction> decisions = report.privacyDecisions();
        if (!decisions.isEmpty()) {
            out.println();
            out.println("Décisions appliquées au fichier nettoyé :");
            decisions.forEach((column, action) -> out.println("  colonne « " + column + " » : " + action.frenchDone()));
        }
    }
}
