package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Checks across rows: unique, primaryKey, duplicate rows, self-referencing foreign keys. */
class TableKeyCheckTest {

    private static final TableSchema UNIQUE_CODE = TestSchemas.parse("""
            {"fields": [{"name": "code", "constraints": {"unique": true}}, {"name": "nom"}]}
            """);
    private static final TableSchema PARKINGS = TestSchemas.parse("""
            {"fields": [{"name": "id"}, {"name": "nom"}], "primaryKey": "id"}
            """);
    private static final TableSchema ADDRESSES = TestSchemas.parse("""
            {"fields": [{"name": "commune"}, {"name": "numero", "type": "integer"}, {"name": "voie"}],
             "primaryKey": ["commune", "numero"]}
            """);

    @Test
    void reportsAValueRepeatedInAUniqueColumn() {
        Checked checked = Checked.run(UNIQUE_CODE, "code,nom\nA,Piscine\nB,Stade\nA,Gymnase\n");

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.UNIQUE_ERROR, error.code());
        assertEquals(4, error.rowNumber());
        assertEquals("code", error.field());
        assertEquals("A", error.value());
        assertEquals("La valeur « A » de la colonne « code » figure déjà à la ligne 2 : chaque valeur de cette colonne "
                + "doit être unique.", error.message());
        assertEquals("Corrigez la valeur sur l'une des deux lignes 2 et 4, ou supprimez l'une d'elles si c'est un doublon.",
                error.hint());
        assertEquals(2, checked.report().validRowCount());
    }

    @Test
    void pointsEveryRepetitionAtTheFirstOccurrence() {
        Checked checked = Checked.run(UNIQUE_CODE, "code,nom\nA,1\nA,2\nA,3\n");

        assertEquals(List.of(3L, 4L), checked.errors(ErrorCode.UNIQUE_ERROR).stream().map(ValidationError::rowNumber).toList());
        assertEquals(List.of(true, true), checked.errors(ErrorCode.UNIQUE_ERROR).stream()
                .map(error -> error.message().contains("à la ligne 2 ")).toList());
    }

    @Test
    void doesNotCountEmptyCellsAsRepeatedValues() {
        assertEquals(Verdict.VALID, Checked.run(UNIQUE_CODE, "code,nom\n,Piscine\n,Stade\n").report().verdict());
    }

    @Test
    void comparesUniqueValuesInTheFieldsType() {
        TableSchema schema = TestSchemas.parse("{\"fields\": [{\"name\": \"n\", \"type\": \"integer\", "
                + "\"constraints\": {\"unique\": true}}]}");

        Checked checked = Checked.run(schema, "n\n1\n01\n");

        assertEquals(ErrorCode.UNIQUE_ERROR, checked.onlyError().code());
        assertEquals("01", checked.onlyError().value());
    }

    @Test
    void reportsARepeatedPrimaryKey() {
        Checked checked = Checked.run(PARKINGS, "id,nom\n75114-P-001,République\n75114-P-002,Bastille\n75114-P-001,Nation\n");

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.PRIMARY_KEY_ERROR, error.code());
        assertEquals("primary-key", error.code().code());
        assertEquals(4, error.rowNumber());
        assertEquals("id", error.field());
        assertEquals("75114-P-001", error.value());
        assertEquals("L'identifiant « 75114-P-001 » de la colonne « id » est déjà utilisé à la ligne 2 : chaque ligne doit "
                + "avoir un identifiant différent.", error.message());
        assertEquals("Donnez un identifiant différent à l'une des lignes 2 et 4, ou supprimez l'une d'elles si c'est un "
                + "doublon.", error.hint());
        assertEquals(Map.of("primary-key", 1L), checked.report().errorsByCode());
    }

    @Test
    void reportsAnEmptyPrimaryKey() {
        Checked checked = Checked.run(PARKINGS, "id,nom\nP1,République\n,Bastille\n");

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.PRIMARY_KEY_ERROR, error.code());
        assertEquals(3, error.rowNumber());
        assertEquals("id", error.field());
        assertEquals("", error.value());
        assertEquals("La colonne « id » identifie chaque ligne, mais la cellule est vide.", error.message());
        assertEquals("Renseignez la colonne « id » sur cette ligne.", error.hint());
    }

    @Test
    void reportsAKeyCellAlreadyFoundWrongOnlyOnce() {
        TableSchema schema = TestSchemas.parse("""
                {"fields": [{"name": "id", "type": "integer", "constraints": {"required": true, "unique": true}},
                            {"name": "nom"}],
                 "primaryKey": "id"}
                """);

        Checked checked = Checked.run(schema, "id,nom\n,vide\nabc,texte\n1,un\n1,un encore\n");

        assertEquals(List.of(ErrorCode.CONSTRAINT_ERROR, ErrorCode.TYPE_ERROR, ErrorCode.PRIMARY_KEY_ERROR),
                checked.report().samples().stream().map(ValidationError::code).toList());
        assertEquals(List.of(2L, 3L, 5L), checked.report().samples().stream().map(ValidationError::rowNumber).toList());
    }

    @Test
    void comparesCompositeKeysValueByValueInTheirTypes() {
        Checked checked = Checked.run(ADDRESSES, """
                commune,numero,voie
                75056,1,rue de Rivoli
                75056,2,rue de Rivoli
                69123,1,rue de la République
                75056,01,rue de Rivoli bis
                """);

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.PRIMARY_KEY_ERROR, error.code());
        assertEquals(5, error.rowNumber());
        assertEquals("commune, numero", error.field());
        assertEquals("75056, 01", error.value());
        assertEquals("La combinaison « 75056 » et « 01 » des colonnes « commune » et « numero » est déjà utilisée à la "
                + "ligne 2 : chaque ligne doit avoir une combinaison différente de ces colonnes.", error.message());
    }

    @Test
    void doesNotConfuseCompositeKeysThatConcatenateAlike() {
        TableSchema schema = TestSchemas.parse("{\"fields\": [{\"name\": \"a\"}, {\"name\": \"b\"}], \"primaryKey\": [\"a\", \"b\"]}");

        assertEquals(Verdict.VALID, Checked.run(schema, "a,b\nab,c\na,bc\n").report().verdict());
    }

    @Test
    void reportsANullInACompositeKey() {
        Checked checked = Checked.run(ADDRESSES, "commune,numero,voie\n75056,,rue de Rivoli\n");

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.PRIMARY_KEY_ERROR, error.code());
        assertEquals("commune, numero", error.field());
        assertEquals("Les colonnes « commune » et « numero » identifient ensemble chaque ligne, mais la cellule de la "
                + "colonne « numero » est vide.", error.message());
    }

    @Test
    void reportsARowIdenticalToAnEarlierOne() {
        Checked checked = Checked.run(TestSchemas.equipements(), TestSchemas.EQUIPEMENTS_HEADER + """

                E-1,Piscine,80,,,,
                E-2,Stade,500,,,,
                E-1 , Piscine,80,,,,
                """);

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.DUPLICATE_ROW, error.code());
        assertEquals(4, error.rowNumber());
        assertNull(error.field());
        assertEquals("E-1, Piscine, 80, , , , ", error.value());
        assertEquals("La ligne est identique à la ligne 2.", error.message(), "cells are compared trimmed");
        assertEquals("Supprimez l'une des deux lignes 2 et 4.", error.hint());
        assertEquals(2, checked.report().validRowCount());
    }

    @Test
    void reportsARepeatedRowOnceAsARepeatedKeyWhenTheSchemaHasOne() {
        Checked checked = Checked.run(PARKINGS, "id,nom\nP1,République\nP1,République\n");

        assertEquals(Map.of("primary-key", 1L), checked.report().errorsByCode());
    }

    @Test
    void checksSelfReferencesAgainstTheWholeFile() {
        TableSchema schema = TestSchemas.parse("""
                {"fields": [{"name": "id"}, {"name": "parent"}],
                 "primaryKey": "id",
                 "foreignKeys": [{"fields": "parent", "reference": {"resource": "", "fields": "id"}}]}
                """);

        // Row 2 points at a row further down; row 4 at no row at all; row 5 at nothing, which is allowed.
        Checked checked = Checked.run(schema, "id,parent\nb,a\na,\nc,z\nd,\n");

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.FOREIGN_KEY_ERROR, error.code());
        assertEquals("foreign-key", error.code().code());
        assertEquals(4, error.rowNumber());
        assertEquals("parent", error.field());
        assertEquals("z", error.value());
        assertEquals("La valeur « z » de la colonne « parent » ne se retrouve dans aucune ligne du fichier, colonne « id ».",
                error.message());
        assertEquals("Saisissez une valeur présente dans la colonne « id » d'une autre ligne, ou laissez la cellule vide.",
                error.hint());
        assertEquals(3, checked.report().validRowCount());
    }

    @Test
    void comparesSelfReferencesInTheReferencedFieldsType() {
        TableSchema schema = TestSchemas.parse("""
                {"fields": [{"name": "id", "type": "integer"}, {"name": "parent", "type": "integer"}],
                 "foreignKeys": [{"fields": ["parent"], "reference": {"resource": "", "fields": ["id"]}}]}
                """);

        assertEquals(Verdict.VALID, Checked.run(schema, "id,parent\n1,\n2,01\n").report().verdict());
    }

    @Test
    void leavesForeignKeysToOtherResourcesUnchecked() {
        TableSchema schema = TestSchemas.parse("""
                {"fields": [{"name": "insee"}],
                 "foreignKeys": [{"fields": "insee", "reference": {"resource": "communes", "fields": "code"}}]}
                """);

        assertEquals(Verdict.VALID, Checked.run(schema, "insee\n99999\n").report().verdict());
    }

    @Test
    void remembersKeysOfLargeFilesCompactly() {
        StringBuilder raw = new StringBuilder("id,nom\n");
        for (int i = 0; i < 200_000; i++) {
            raw.append("P-").append(i).append(",Parking ").append(i).append('\n');
        }
        raw.append("P-123456,Doublon\n");

        QualityReport report = Checked.run(PARKINGS, raw.toString()).report();

        assertEquals(Map.of("primary-key", 1L), report.errorsByCode());
        assertEquals(200_002, report.samples().get(0).rowNumber());
        assertEquals("L'identifiant « P-123456 » de la colonne « id » est déjà utilisé à la ligne 123458 : chaque ligne "
                + "doit avoir un identifiant différent.", report.samples().get(0).message());
    }
}
