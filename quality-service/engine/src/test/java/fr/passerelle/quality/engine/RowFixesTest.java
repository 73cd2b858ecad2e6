package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.report.FixSuggestion;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole rows and columns: blank, empty, repeated, or probably the same place written twice. */
class RowFixesTest {

    @TempDir
    Path dir;

    @Test
    void aTotalsRowAndNotesUnderTheTableAreLeftOutAndSaidSo() {
        Fixed fixed = Fixed.run(TestSchemas.equipements(), dir, TestSchemas.EQUIPEMENTS_HEADER.replace(',', ';') + "\n"
                + "E-1;Piscine;80;;oui;12,5;\nE-2;Stade;200;;non;;\nE-3;Gymnase;100;;oui;;\n"
                + "TOTAL GÉNÉRAL;;380;;;;\n\nSource : service des sports, inventaire 2024;;;;;;\n* capacités déclarées;;;;;;\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(4, fixed.cleanLines().size(), "the header and three rows: " + fixed.cleanLines());
        AppliedFix dropped = fixed.fix("furniture-dropped", null);
        assertEquals(3, dropped.count());
        assertEquals(new FixSample(5, "TOTAL GÉNÉRAL | 380", "retirée : ligne de total"), dropped.samples().get(0));
        assertEquals("retirée : note sous le tableau", dropped.samples().get(1).after());
    }

    @Test
    void unlabelledSumsAreATotalsRowToo() {
        Fixed fixed = Fixed.run(TestSchemas.equipements(), dir, TestSchemas.EQUIPEMENTS_HEADER + "\n"
                + "E-1,Piscine,80,,,12.5,\nE-2,Stade,200,,,7.5,\n,,280,,,20,\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(1, fixed.fix("furniture-dropped", null).count());
    }

    @Test
    void aTotalInsideTheTableOrRowsThatHappenToAddUpAreData() {
        Fixed inside = Fixed.run(TestSchemas.equipements(), dir, TestSchemas.EQUIPEMENTS_HEADER + "\n"
                + "E-1,Piscine,80,,,,\nTotal,Stade,200,,,,\nE-3,Gymnase,100,,,,\n");
        Fixed lastRowNamedTotal = Fixed.run(TestSchemas.equipements(), dir, TestSchemas.EQUIPEMENTS_HEADER + "\n"
                + "E-1,Piscine,80,,,,\nTotal,Station Total,12,,,,\n");
        assertEquals(3, lastRowNamedTotal.cleanLines().size(), "a last row reading « Total » with text beside it is data");
        Fixed addingUp = Fixed.run(TestSchemas.equipements(), dir, TestSchemas.EQUIPEMENTS_HEADER + "\n"
                + "E-1,Piscine,80,,,,\nE-2,Stade,20,,,,\nE-3,Gymnase,100,,,,\n");

        assertEquals(4, inside.cleanLines().size());
        assertEquals(4, addingUp.cleanLines().size());
        assertEquals(false, inside.hasFix("furniture-dropped") || addingUp.hasFix("furniture-dropped"));
    }

    @Test
    void blankRowsAreDroppedAndReported() {
        Fixed fixed = Fixed.run(places(), dir, "\nnom,adresse\nGare,1 rue Foch\n,\nMairie,2 place Carnot\n\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(List.of("nom,adresse", "Gare,1 rue Foch", "Mairie,2 place Carnot"), fixed.cleanLines());
        AppliedFix blank = fixed.fix("blank-row-dropped", null);
        assertEquals(3, blank.count());
        assertEquals(List.of(1L, 4L, 6L), blank.samples().stream().map(FixSample::row).toList());
    }

    @Test
    void exactDuplicateRowsAreDroppedInsteadOfReported() {
        Fixed fixed = Fixed.run(places(), dir, "nom,adresse\nGare,1 rue Foch\nMairie,2 place Carnot\nGare,1 rue Foch\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(2, fixed.report().rowCount());
        assertEquals(List.of("nom,adresse", "Gare,1 rue Foch", "Mairie,2 place Carnot"), fixed.cleanLines());
        AppliedFix duplicates = fixed.fix("duplicate-row-dropped", null);
        assertEquals(1, duplicates.count());
        assertEquals(new FixSample(4, "Gare | 1 rue Foch", "supprimée : identique à la ligne 2"), duplicates.samples().get(0));
    }

    @Test
    void rowsEqualOnceFixedAreDuplicatesToo() {
        Fixed fixed = Fixed.run(Fixed.withId("\"type\": \"date\""), dir, "id;valeur\n1;13/03/2021\n1;2021-03-13\n1;13/03/2021\n");

        assertEquals(List.of("id,valeur", "1,2021-03-13"), fixed.cleanLines());
        assertEquals(2, fixed.fix("duplicate-row-dropped", null).count());
        // The dropped row's own fixes are not in the fixed file, so not in the report either.
        assertEquals(1, fixed.fix("date-format", "valeur").count());
    }

    @Test
    void emptyColumnsOutsideTheSchemaAreDropped() {
        Fixed fixed = Fixed.run(places(), dir, "nom,,adresse,remarque\nGare,,1 rue Foch,\nMairie,,2 place Carnot,\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        AppliedFix columns = fixed.fix("empty-column-dropped", null);
        assertEquals(2, columns.count());
        assertEquals(List.of("colonne 2, sans intitulé", "remarque"), columns.samples().stream().map(FixSample::before).toList());
    }

    @Test
    void anEmptySchemaColumnIsKept() {
        Fixed fixed = Fixed.run(places(), dir, "nom,adresse\nGare,\nMairie,\n");

        assertFalse(fixed.hasFix("empty-column-dropped"));
        assertEquals(List.of("nom,adresse", "Gare,", "Mairie,"), fixed.cleanLines());
    }

    @Test
    void theSamePlaceWrittenDifferentlyIsSuggestedNotDropped() {
        Fixed fixed = Fixed.run(places(), dir, """
                nom;adresse
                Parking de la Gare;1 av. Foch
                Mairie;2 place Carnot
                PARKING DE LA GARE;1 Avenue Foch
                Parking de la gare;1 avenue  Foch
                Parking Carnot;2 place Carnot
                """);

        assertEquals(5, fixed.report().rowCount());
        FixSuggestion nearDuplicates = fixed.suggestion("near-duplicate");
        assertEquals(2, nearDuplicates.count());
        assertEquals(new FixSample(4, "PARKING DE LA GARE — 1 Avenue Foch", "ressemble à la ligne 2"),
                nearDuplicates.samples().get(0));
        assertTrue(fixed.report().summary().contains("doublons probables"), fixed.report().summary());
    }

    @Test
    void theSameNameAndAddressSpelledAlikeAreNoNearDuplicate() {
        Fixed fixed = Fixed.run(places(), dir, "nom,adresse,places\nGare,1 rue Foch,10\nGare,1 rue Foch,12\n");

        assertTrue(fixed.report().suggestions().isEmpty(), fixed.report().suggestions().toString());
    }

    private static TableSchema places() {
        return TestSchemas.parse("""
                {"name": "lieux", "title": "Lieux", "fields": [{"name": "nom", "type": "string"},
                  {"name": "adresse", "type": "string"}]}
                """);
    }
}
