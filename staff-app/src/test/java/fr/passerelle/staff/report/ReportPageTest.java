package fr.passerelle.staff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.passerelle.staff.services.Api;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report page: verdict in French, errors grouped by column, most errors first. */
class ReportPageTest {

    @Test
    void errorsAreGroupedByColumnMostFirst() {
        Api.ReportDetails details = new Api.ReportDetails("INVALID", "stationnement-cyclable", "windows-1252", ";", 10, 7,
                70.0, 4, Map.of("capacite", 1L, "gratuit", 3L), List.of(
                new Api.Finding("type-error", 2, "capacite", "beaucoup", "« beaucoup » n'est pas un nombre entier.", "Écrivez un nombre."),
                new Api.Finding("constraint-error", 3, "gratuit", "peut-être", "Valeur inattendue.", "Écrivez 1 ou 0."),
                new Api.Finding("constraint-error", 4, "gratuit", "oui?", "Valeur inattendue.", "Écrivez 1 ou 0."),
                new Api.Finding("blank-header", 0, null, null, "Une colonne n'a pas de nom.", "Nommez-la.")));
        Api.Report report = new Api.Report("u-1", "demo", "velos", "arceaux.csv", "stationnement-cyclable", "INVALID",
                "4 erreurs.", Instant.now(), details, null);

        ReportPage page = ReportPage.of(report);

        assertEquals("Fichier non conforme", page.verdict());
        assertFalse(page.valid());
        assertEquals("70 %", page.validity());
        assertEquals(List.of("gratuit", "capacite", ReportPage.WHOLE_FILE),
                page.columns().stream().map(ReportPage.ColumnErrors::column).toList());
        assertEquals(3, page.columns().get(0).count(), "the count of all errors of the column, not only the samples");
        assertEquals("—", page.columns().get(2).errors().get(0).row(), "a finding about the whole file has no row");
    }

    @Test
    void aFileThatCouldNotBeCheckedSaysWhy() {
        Api.Report report = new Api.Report("u-2", "demo", "velos", "arceaux.csv", "inconnu", "INVALID", null, Instant.now(),
                null, new Api.Problem("unknown-schema", "Le schéma « inconnu » n'existe pas.", "Choisissez un schéma de la liste."));

        ReportPage page = ReportPage.of(report);

        assertEquals("Le schéma « inconnu » n'existe pas.", page.problem());
        assertEquals("—", page.validity());
        assertEquals(List.of(), page.columns());
    }
}
