package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

class HeaderCheckTest {

    @Test
    void matchesColumnsByNameWhateverTheirOrder() {
        Checked checked = Checked.run(TestSchemas.equipements(), """
                contact,tarif,gratuit,ouverture,capacite,nom,id
                piscine@ville.fr,3.5,false,2021-06-01,80,Piscine,E-1
                """);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(List.of(TestSchemas.EQUIPEMENTS_HEADER, "E-1,Piscine,80,2021-06-01,false,3.5,piscine@ville.fr"),
                checked.cleanLines());
    }

    @Test
    void trimsLabels() {
        Checked checked = Checked.run(TestSchemas.equipements(), """
                 id , nom ,capacite ,ouverture,gratuit,tarif,contact
                E-1,Piscine,80,,,,
                """);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
    }

    @Test
    void aMissingRequiredColumnMakesTheFileInvalid() {
        Checked checked = Checked.run(TestSchemas.equipements(), """
                id,nom,ouverture,gratuit,tarif,contact
                E-1,Piscine,,,,
                E-2,Stade,,,,
                """);

        assertEquals(Verdict.INVALID, checked.report().verdict());
        assertEquals(Map.of("missing-label", 1L), checked.report().errorsByCode(), "once, not once per row");
        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.MISSING_LABEL, error.code());
        assertEquals(1, error.rowNumber());
        assertEquals("capacite", error.field());
        assertEquals("La colonne « capacite » prévue par le schéma est absente du fichier. Cette colonne est obligatoire.",
                error.message());
        assertEquals(0, checked.report().validRowCount(), "no row has the value every row must have");
        assertEquals("E-1,Piscine,,,,,", checked.cleanLines().get(1));
        assertEquals("Le fichier n'est pas conforme au schéma « Équipements publics » : 1 erreur sur 1 ligne "
                + "(validité 0,00 %).", checked.report().summary());
    }

    @Test
    void aMissingOptionalColumnIsAWarningAndPublishedEmpty() {
        // As the national validator (Validata) judges it: only a required column missing makes the file invalid.
        Checked checked = Checked.run(TestSchemas.equipements(), """
                id,nom,capacite,ouverture,gratuit,tarif
                E-1,Piscine,80,,,
                """);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report().summary());
        assertTrue(checked.report().samples().isEmpty());
        ValidationError warning = checked.report().warnings().get(0);
        assertEquals(ErrorCode.MISSING_LABEL, warning.code());
        assertEquals("contact", warning.field());
        assertEquals("La colonne facultative « contact » est absente du fichier : le fichier publié l'aura, vide.",
                warning.message());
        assertEquals("E-1,Piscine,80,,,,", checked.cleanLines().get(1), "the published file has the column, empty");
        assertTrue(checked.report().summary().endsWith("À noter : la colonne facultative « contact » manque : elle sera "
                + "publiée vide."), checked.report().summary());
    }

    @Test
    void anUnknownColumnIsAWarningAndLeftOutOfThePublishedFile() {
        Checked checked = Checked.run(TestSchemas.equipements(), """
                id,nom,capacite,remarque,ouverture,gratuit,tarif,contact
                E-1,Piscine,80,fermée en août,,,,
                """);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report().summary());
        ValidationError warning = checked.report().warnings().get(0);
        assertEquals(ErrorCode.EXTRA_LABEL, warning.code());
        assertEquals("remarque", warning.field());
        assertEquals("La colonne « remarque » du fichier n'est pas prévue par le schéma : elle est ignorée et ne sera pas "
                + "publiée.", warning.message());
        assertEquals(ErrorCode.EXTRA_LABEL.defaultHint(), warning.hint());
        assertEquals("E-1,Piscine,80,,,,", checked.cleanLines().get(1));
        assertTrue(checked.report().summary().contains("la colonne « remarque » n'est pas prévue par le schéma : elle est "
                + "ignorée et ne sera pas publiée."), checked.report().summary());
    }

    @Test
    void usesALookalikeLabelAsTheField() {
        // Was an extra-label error with a hint to rename; the column is now used as the field, and the summary says so.
        Checked checked = Checked.run(TestSchemas.equipements(), """
                id,Nom,Capacité,ouverture,gratuit,tarif,contact
                E-1,Piscine,80,,,,
                """);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals("E-1,Piscine,80,,,,", checked.cleanLines().get(1));
        assertEquals("Le fichier est conforme au schéma « Équipements publics » : 1 ligne, aucune erreur. Des colonnes "
                + "ont été reconnues sous un autre nom que celui du schéma : « Nom » comme « nom », « Capacité » comme "
                + "« capacite ».", checked.report().summary());
    }

    @Test
    void reportsBlankAndDuplicateLabels() {
        Checked checked = Checked.run(TestSchemas.equipements(), """
                id,nom,capacite,ouverture,gratuit,tarif,contact,,nom
                E-1,Piscine,80,,,,,,Autre nom
                """);

        ValidationError blank = checked.errors(ErrorCode.BLANK_LABEL).get(0);
        assertEquals("La colonne n°8 de la ligne des noms de colonnes n'a pas de nom.", blank.message());
        assertNull(blank.field());
        ValidationError duplicate = checked.errors(ErrorCode.DUPLICATE_LABEL).get(0);
        assertEquals("nom", duplicate.field());
        assertEquals("La colonne « nom » apparaît plusieurs fois (de nouveau en position 9) : seule la première est "
                + "contrôlée.", duplicate.message());
        assertEquals(2, checked.report().errorCount());
        assertEquals("E-1,Piscine,80,,,,", checked.cleanLines().get(1), "the first « nom » is kept");
    }
}
