package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RowCheckTest {

    private static final String HEADER = TestSchemas.EQUIPEMENTS_HEADER + "\n";

    @Test
    void reportsAWrongIntegerInFrench() {
        Checked checked = Checked.run(TestSchemas.equipements(), HEADER + """
                E-1,Piscine,80,,,,
                E-2,Stade,abc,,,,
                """);

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.TYPE_ERROR, error.code());
        assertEquals(3, error.rowNumber());
        assertEquals("capacite", error.field());
        assertEquals("abc", error.value());
        assertEquals("La valeur « abc » de la colonne « capacite » n'est pas un nombre entier.", error.message());
        assertEquals("Saisissez un nombre entier sans espace ni décimale, par exemple 12.", error.hint());
        assertEquals(Map.of("type-error", 1L), checked.report().errorsByCode());
        assertEquals(Map.of("capacite", 1L), checked.report().errorsByField());
        assertEquals(2, checked.report().rowCount());
        assertEquals(1, checked.report().validRowCount());
        assertEquals(50.0, checked.report().validityPercent());
        assertEquals("E-2,Stade,abc,,,,", checked.cleanLines().get(2), "rows with errors are written too");
    }

    @ParameterizedTest
    @CsvSource({"12.5", "1 000", "+-3", "12a", "'12,0'"})
    void rejectsWhatIsNotAnInteger(String value) {
        assertEquals(Verdict.INVALID, checkOne("\"type\": \"integer\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"0", "12", "-4", "+7", "123456789012345678901234567890"})
    void acceptsIntegers(String value) {
        assertEquals(Verdict.VALID, checkOne("\"type\": \"integer\"", value).report().verdict());
    }

    @Test
    void reportsADateThatIsNotIso() {
        Checked checked = Checked.run(TestSchemas.equipements(), HEADER + """
                E-1,Piscine,80,31/03/2024,,,
                E-2,Stade,80,2024-02-30,,,
                E-3,Salle,80,2024-02-29,,,
                """);

        List<ValidationError> errors = checked.errors(ErrorCode.TYPE_ERROR);
        assertEquals(List.of(2L, 3L), errors.stream().map(ValidationError::rowNumber).toList());
        assertEquals("La valeur « 31/03/2024 » de la colonne « ouverture » n'est pas une date au format AAAA-MM-JJ.",
                errors.get(0).message());
        assertEquals("Saisissez une date réelle au format AAAA-MM-JJ, par exemple 2024-03-31.", errors.get(0).hint());
        assertEquals(1, checked.report().validRowCount(), "2024 is a leap year");
    }

    @ParameterizedTest
    @CsvSource({"31/03/2024, VALID", "1/3/2024, VALID", "2024-03-31, INVALID", "31/02/2024, INVALID",
            "31/03/24, INVALID"})
    void readsDatesWithAStrftimeFormat(String value, Verdict expected) {
        Checked checked = checkOne("\"type\": \"date\", \"format\": \"%d/%m/%Y\"", value);

        assertEquals(expected, checked.report().verdict(), checked.report()::toString);
        if (expected == Verdict.INVALID) {
            assertEquals("Saisissez une date réelle au format JJ/MM/AAAA, par exemple 31/03/2024.",
                    checked.onlyError().hint());
        }
    }

    @ParameterizedTest
    @CsvSource({"2024-03-31, VALID", "31/03/2024, VALID", "31.03.2024, VALID", "mars 2024, INVALID"})
    void readsCommonDateSpellingsWithFormatAny(String value, Verdict expected) {
        assertEquals(expected, checkOne("\"type\": \"date\", \"format\": \"any\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"2024-03-31T14:30:00Z, VALID", "2024-03-31T14:30:00+01:00, VALID", "2024-03-31T14:30:00, VALID",
            "2024-03-31 14:30, INVALID", "2024-03-31, INVALID"})
    void readsIsoDateTimes(String value, Verdict expected) {
        assertEquals(expected, checkOne("\"type\": \"datetime\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"2024, VALID", "24, INVALID", "2024-01, INVALID"})
    void readsYears(String value, Verdict expected) {
        assertEquals(expected, checkOne("\"type\": \"year\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"12, VALID", "12.5, VALID", "-0.5, VALID", ".5, VALID", "1e3, VALID", "NaN, VALID",
            "'12,5', INVALID", "12 €, INVALID", "1 234.5, INVALID"})
    void readsNumbersWithADot(String value, Verdict expected) {
        assertEquals(expected, checkOne("\"type\": \"number\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"'12,5', VALID", "'1 234,5', VALID", "12.5, INVALID"})
    void readsNumbersWithTheFieldsDecimalAndGroupChars(String value, Verdict expected) {
        Checked checked = checkOne("\"type\": \"number\", \"decimalChar\": \",\", \"groupChar\": \" \"", value);

        assertEquals(expected, checked.report().verdict(), checked.report()::toString);
        if (expected == Verdict.INVALID) {
            assertEquals("Saisissez un nombre avec une virgule comme séparateur décimal, sans espace ni unité, "
                    + "par exemple 12,5.", checked.onlyError().hint());
        }
    }

    @Test
    void readsBooleansWithDefaultAndDeclaredValues() {
        assertEquals(Verdict.VALID, checkOne("\"type\": \"boolean\"", "TRUE").report().verdict());
        assertEquals(Verdict.VALID, checkOne("\"type\": \"boolean\"", "0").report().verdict());
        Checked oui = checkOne("\"type\": \"boolean\"", "oui");
        assertEquals("La valeur « oui » de la colonne « valeur » n'est pas une réponse oui/non reconnue.",
                oui.onlyError().message());
        assertEquals("Pour oui, saisissez true ou True ou TRUE ou 1 ; pour non, saisissez false ou False ou FALSE ou 0.",
                oui.onlyError().hint());
        assertEquals(Verdict.VALID, checkOne("\"type\": \"boolean\", \"trueValues\": [\"oui\"], \"falseValues\": [\"non\"]",
                "oui").report().verdict());
        assertEquals(Verdict.INVALID, checkOne("\"type\": \"boolean\", \"trueValues\": [\"oui\"], \"falseValues\": [\"non\"]",
                "true").report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"mairie@ville.fr, VALID", "prenom.nom@sous.domaine.gouv.fr, VALID", "mairie.fr, INVALID",
            "jean dupont@ville.fr, INVALID", "mairie@ville, INVALID"})
    void checksEmailAddressesLightly(String value, Verdict expected) {
        assertEquals(expected, checkOne("\"type\": \"string\", \"format\": \"email\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"https://www.ville.fr/piscine, VALID", "www.ville.fr, INVALID"})
    void checksWebAddressesLightly(String value, Verdict expected) {
        assertEquals(expected, checkOne("\"type\": \"string\", \"format\": \"uri\"", value).report().verdict());
    }

    @Test
    void acceptsTypesTheSpecDoesNotDefineAsTheyAre() {
        // A schema bug, or a newer spec: a good file must not be rejected for it.
        assertEquals(Verdict.VALID, checkOne("\"type\": \"couleur\"", "n'importe quoi").report().verdict());
        assertEquals(Verdict.VALID, checkOne("\"type\": \"date\", \"format\": \"%d %B %Y\"", "31 mars 2024").report().verdict());
    }

    @Test
    void checksEnumConstraintsAfterCasting() {
        String field = "\"type\": \"integer\", \"constraints\": {\"enum\": [1, 2, 3]}";
        assertEquals(Verdict.VALID, checkOne(field, "+2").report().verdict());
        Checked checked = checkOne(field, "4");
        assertEquals(ErrorCode.CONSTRAINT_ERROR, checked.onlyError().code());
        assertEquals("La valeur « 4 » de la colonne « valeur » ne fait pas partie des valeurs autorisées.",
                checked.onlyError().message());
    }

    @Test
    void anEmptyRequiredCellIsAConstraintError() {
        Checked checked = Checked.run(TestSchemas.equipements(), HEADER + "E-1,   ,80,,,,\n");

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.CONSTRAINT_ERROR, error.code());
        assertEquals("nom", error.field());
        assertEquals("", error.value());
        assertEquals("La colonne « nom » est obligatoire mais la cellule est vide.", error.message());
        assertEquals("Renseignez la colonne « nom » sur cette ligne.", error.hint());
    }

    @Test
    void declaredMissingValuesCountAsEmpty() {
        TableSchema schema = TestSchemas.parse("""
                {"missingValues": ["", "N/A"], "fields": [
                  {"name": "nom", "constraints": {"required": true}},
                  {"name": "hauteur", "type": "integer"}
                ]}
                """);

        Checked checked = Checked.run(schema, "nom,hauteur\nParking,N/A\nN/A,2\n");

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.CONSTRAINT_ERROR, error.code());
        assertEquals(3, error.rowNumber());
        assertEquals("nom", error.field());
        assertEquals(1, checked.report().validRowCount(), "N/A in an integer column is no type error");
    }

    @Test
    void trimsCellsIncludingNoBreakSpaces() {
        Checked checked = Checked.run(TestSchemas.equipements(), HEADER + "  E-1 ,\u00a0Piscine\u202f, 80 ,,,,\n");

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals("E-1,Piscine,80,,,,", checked.cleanLines().get(1));
    }

    @Test
    void reportsBlankRowsAndLeavesThemOut() {
        Checked checked = Checked.run(TestSchemas.equipements(), HEADER + """
                E-1,Piscine,80,,,,

                E-2,Stade,500,,,,
                ,,,,,,
                """);

        assertEquals(Verdict.INVALID, checked.report().verdict());
        List<ValidationError> blank = checked.errors(ErrorCode.BLANK_ROW);
        // Row 5 ends the table: trailing blank rows are left out without a report (issue 3, "Reading").
        assertEquals(List.of(3L), blank.stream().map(ValidationError::rowNumber).toList());
        assertEquals("La ligne est vide.", blank.get(0).message());
        assertEquals(2, checked.report().rowCount(), "blank rows are no data rows");
        assertEquals(2, checked.report().validRowCount());
        assertEquals(List.of(TestSchemas.EQUIPEMENTS_HEADER, "E-1,Piscine,80,,,,", "E-2,Stade,500,,,,"),
                checked.cleanLines());
    }

    @Test
    void reportsEachCellTooMany() {
        Checked checked = Checked.run(TestSchemas.equipements(), HEADER + "E-1,Piscine,80,,,,,en trop,encore\n");

        List<ValidationError> extra = checked.errors(ErrorCode.EXTRA_CELL);
        assertEquals(2, extra.size());
        assertNull(extra.get(0).field());
        assertEquals("en trop", extra.get(0).value());
        assertEquals("La ligne a plus de cellules que la ligne des noms de colonnes : la cellule n°8 (« en trop ») est en "
                + "trop.", extra.get(0).message());
        assertEquals(Map.of("extra-cell", 2L), checked.report().errorsByCode());
        assertEquals(0, checked.report().validRowCount());
        assertEquals("E-1,Piscine,80,,,,", checked.cleanLines().get(1));
    }

    @Test
    void reportsEachMissingCellOnce() {
        Checked checked = Checked.run(TestSchemas.equipements(), HEADER + "E-1,Piscine\n");

        // capacite is required, but a missing cell is reported as such, not also as an empty value.
        assertEquals(List.of("capacite", "ouverture", "gratuit", "tarif", "contact"),
                checked.errors(ErrorCode.MISSING_CELL).stream().map(ValidationError::field).toList());
        assertEquals(5, checked.report().errorCount());
        assertEquals("La ligne s'arrête avant la colonne « capacite » : la cellule manque.",
                checked.errors(ErrorCode.MISSING_CELL).get(0).message());
        assertEquals("E-1,Piscine,,,,,", checked.cleanLines().get(1));
    }

    @Test
    void numbersRowsAsASpreadsheetDoesWhenACellSpansLines() {
        Checked checked = Checked.run(TestSchemas.equipements(), HEADER + """
                E-1,"Salle
                polyvalente",80,,,,
                E-2,Stade,x,,,,
                """);

        assertEquals(3, checked.onlyError().rowNumber());
    }

    private static Checked checkOne(String fieldProperties, String value) {
        return Checked.run(TestSchemas.oneField(fieldProperties), "valeur\n\"" + value.replace("\"", "\"\"") + "\"\n");
    }
}
