package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.report.FixSuggestion;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixes of single cells, decided per column: applied when unambiguous, suggested otherwise. */
class CellFixesTest {

    @TempDir
    Path dir;

    @Test
    void fixesAFrenchSpreadsheetExportInWindows1252() {
        String raw = """
                id;nom;capacite;ouverture;gratuit;tarif;contact
                1;Salle des fêtes;120;13/03/2021;oui;12,5;a@exemple.fr
                2;Gymnase;80;01/02/2021;Non;1 234,50;
                """;

        Fixed fixed = Fixed.run(TestSchemas.equipements(), dir, raw, Charset.forName("windows-1252"));

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals("windows-1252", fixed.report().encoding());
        assertEquals(List.of(TestSchemas.EQUIPEMENTS_HEADER, "1,Salle des fêtes,120,2021-03-13,true,12.5,a@exemple.fr",
                "2,Gymnase,80,2021-02-01,false,1234.50,"), fixed.cleanLines());
        AppliedFix dates = fixed.fix("date-format", "ouverture");
        assertEquals(2, dates.count());
        assertEquals(new FixSample(2, "13/03/2021", "2021-03-13"), dates.samples().get(0));
        assertEquals(2, fixed.fix("decimal-comma", "tarif").count());
        assertEquals(new FixSample(3, "1 234,50", "1234.50"), fixed.fix("decimal-comma", "tarif").samples().get(1));
        assertEquals(2, fixed.fix("boolean-words", "gratuit").count());
        assertTrue(fixed.report().summary().contains("6 corrections automatiques : dates au format ISO (2), réponses oui/non (2), nombres"),
                fixed.report().summary());
    }

    @Test
    void withoutFixesTheSameFileIsOnlyValidated() {
        String raw = "id;nom;capacite;ouverture;gratuit;tarif;contact\n1;Salle;120;13/03/2021;oui;12,5;\n";

        Checked checked = Checked.run(TestSchemas.equipements(), raw);

        assertEquals(Verdict.INVALID, checked.report().verdict());
        assertEquals(3, checked.report().errorCount());
        assertTrue(checked.report().fixes().isEmpty());
        assertTrue(checked.cleanLines().get(1).contains("13/03/2021"), checked.clean());
    }

    @Test
    void inAFrenchFileDatesThatReadBothWaysAreReadDayFirstAndSaidSo() {
        Fixed fixed = Fixed.values(date(), dir, "01/02/2021", "05/04/2024", "05/05/2021");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(List.of("2021-02-01", "2024-04-05", "2021-05-05"), fixed.cleanValues());
        AppliedFix dates = fixed.fix("date-format", "valeur");
        assertTrue(dates.message().contains("lues comme jour/mois, convention française"), dates.message());
        assertTrue(fixed.report().suggestions().isEmpty(), "nothing left for a person: " + fixed.report().suggestions());
    }

    @Test
    void underAnAmericanLocaleTheSameDatesAreReadMonthFirst() {
        Fixed fixed = Fixed.values(date(), dir, ReadOptions.defaults().withLocale(Locale.US), "01/02/2021", "05/04/2024");

        assertEquals(List.of("2021-01-02", "2024-05-04"), fixed.cleanValues());
        assertTrue(fixed.fix("date-format", "valeur").message().contains("lues comme mois/jour"));
    }

    @Test
    void aLocaleWithoutANumericDateOrderLeavesDatesThatReadBothWaysToAPerson() {
        Fixed fixed = Fixed.values(date(), dir, ReadOptions.defaults().withLocale(Locale.ROOT),
                "01/02/2021", "03/04/2021", "05/05/2021");

        assertEquals(Verdict.INVALID, fixed.report().verdict());
        assertFalse(fixed.hasFix("date-format"));
        FixSuggestion suggestion = fixed.suggestion("date-format");
        assertEquals("valeur", suggestion.field());
        assertEquals(2, suggestion.count());
        assertEquals(new FixSample(2, "01/02/2021", ""), suggestion.samples().get(0));
        assertTrue(fixed.clean().contains("01/02/2021"), fixed.clean());
    }

    @Test
    void inAFrenchFileMonthFirstIsReadOnlyWhenTheValuesProveIt() {
        Fixed fixed = Fixed.values(date(), dir, "05/04/2024", "02/13/2021", "03/04/2021");

        assertEquals(List.of("2024-05-04", "2021-02-13", "2021-03-04"), fixed.cleanValues());
        assertFalse(fixed.fix("date-format", "valeur").message().contains("convention"));
    }

    @Test
    void monthFirstDatesAreReadMonthFirstWhenOneDayIsAbove12() {
        Fixed fixed = Fixed.values(date(), dir, "02/13/2021", "03/04/2021");

        assertEquals(List.of("2021-02-13", "2021-03-04"), fixed.cleanValues());
    }

    @Test
    void datesConflictingBetweenDayFirstAndMonthFirstAreOnlySuggested() {
        Fixed fixed = Fixed.values(date(), dir, "13/02/2021", "02/13/2021");

        assertFalse(fixed.hasFix("date-format"));
        assertEquals(2, fixed.suggestion("date-format").count());
    }

    @Test
    void codesAreToldByTheSchemasCustomCheckOrPatternNotByTheirName() {
        TableSchema schema = TestSchemas.parse("""
                {"name": "lieux", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "gestionnaire", "type": "string"},
                  {"name": "territoire", "type": "string", "constraints": {"pattern": "^([013-9]\\\\d|2[AB1-9])\\\\d{3}$"}}],
                 "custom_checks": [{"name": "french-siret-value", "params": {"column": "gestionnaire"}}]}
                """);

        Fixed fixed = Fixed.run(schema, dir, "id;gestionnaire;territoire\n1;213 801 855 00007;38185\n2;21380185500007;1053\n");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(List.of("id,gestionnaire,territoire", "1,21380185500007,38185", "2,21380185500007,01053"),
                fixed.cleanLines());
        assertEquals(1, fixed.fix("code-padding", "gestionnaire").count());
        assertEquals(1, fixed.fix("code-padding", "territoire").count());
    }

    @Test
    void aDatetimeAtMidnightWhereTheSchemaWantsADateKeepsItsDay() {
        Fixed fixed = Fixed.values(date(), dir, "2024-04-05T00:00:00", "2024-04-06 00:00", "2024-04-07T00:00:00.000Z",
                "2024-04-08T13:30:00");

        assertEquals(List.of("2024-04-05", "2024-04-06", "2024-04-07", "2024-04-08T13:30:00"), fixed.cleanValues(),
                "a time other than midnight is information: left for a person");
    }

    @Test
    void frenchDatesInWordsAndShortYearsAreRewritten() {
        Fixed fixed = Fixed.values(date(), dir, "12 mars 2021", "1er Février 2020", "5 aout 2019", "lundi 15 mars 2021", "25-12-2020", "31/1/21");

        assertEquals(Verdict.VALID, fixed.report().verdict(), fixed.report().summary());
        assertEquals(List.of("2021-03-12", "2020-02-01", "2019-08-05", "2021-03-15", "2020-12-25", "2021-01-31"),
                fixed.cleanValues());
    }

    @Test
    void excelSerialNumbersAreDatesOnlyWhenTheWholeColumnIsMadeOfThem() {
        Fixed serials = Fixed.values(date(), dir, "44197", "2021-06-01", "44562");
        Fixed mixed = Fixed.values(date(), dir, "44197", "15/03/2021");

        assertEquals(List.of("2021-01-01", "2021-06-01", "2022-01-01"), serials.cleanValues());
        assertEquals(List.of("44197", "2021-03-15"), mixed.cleanValues());
    }

    @Test
    void datesFollowTheSchemasOwnFormat() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"date\", \"format\": \"%d/%m/%Y\""), dir, "12 mars 2021");

        assertEquals(List.of("12/03/2021"), fixed.cleanValues());
    }

    @Test
    void inAFrenchFileCommasThatMayBeThousandsSeparatorsAreDecimalCommasAndSaidSo() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"number\""), dir, "1,234", "2,500");

        assertEquals(List.of("1.234", "2.500"), fixed.cleanValues());
        assertTrue(fixed.fix("decimal-comma", "valeur").message().contains("lue comme virgule décimale, convention française"),
                fixed.fix("decimal-comma", "valeur").message());
    }

    @Test
    void underAnEnglishLocaleTheSameCommasSeparateThousands() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"number\""), dir, ReadOptions.defaults().withLocale(Locale.UK),
                "1,234", "2,500");

        assertEquals(List.of("1234", "2500"), fixed.cleanValues());
    }

    @Test
    void commasThatMayBeThousandsSeparatorsAreOnlySuggestedWhereTheLocaleDoesNotTell() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"number\""), dir,
                ReadOptions.defaults().withLocale(Locale.forLanguageTag("de-CH")), "1,234", "2,500");

        assertFalse(fixed.hasFix("decimal-comma"));
        assertEquals(2, fixed.suggestion("decimal-comma").count());
        assertEquals(List.of("1,234", "2,500"), fixed.cleanValues());
    }

    @Test
    void aPointDecimalElsewhereInTheColumnKeepsTheFrenchConventionFromGuessing() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"number\""), dir, "12.5", "1,234");

        assertEquals(List.of("12.5", "1,234"), fixed.cleanValues());
        assertEquals(1, fixed.suggestion("decimal-comma").count());
    }

    @Test
    void oneUnambiguousDecimalCommaDecidesTheColumn() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"number\""), dir, "1,234", "0,5", "1.234.567,8");

        assertEquals(List.of("1.234", "0.5", "1234567.8"), fixed.cleanValues());
    }

    @Test
    void numbersUseTheSchemasDecimalComma() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"number\", \"decimalChar\": \",\""), dir, "12.5", "2.500");
        Fixed french = Fixed.values(Fixed.withId("\"type\": \"number\", \"decimalChar\": \",\""), dir, "1 234,5", "2.500");

        // 2.500 reads 2500 the French way and 2,5 the English way: alone, the column does not tell.
        assertEquals(List.of("12,5", "2.500"), fixed.cleanValues());
        assertEquals(1, fixed.suggestion("decimal-comma").count());
        assertEquals(List.of("1234,5", "2500"), french.cleanValues());
    }

    @Test
    void crossesInABooleanColumnReadAsYesAndEmptyCellsAsNo() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"boolean\""), dir, "x", "", "X");

        assertEquals(List.of("true", "false", "true"), fixed.cleanValues());
        assertEquals(3, fixed.fix("boolean-words", "valeur").count());
    }

    @Test
    void booleanWordsFollowTheSchemasTrueValues() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"boolean\", \"trueValues\": [\"Oui\"], "
                + "\"falseValues\": [\"Non\"]"), dir, "vrai", "FAUX", "o");

        assertEquals(List.of("Oui", "Non", "Oui"), fixed.cleanValues());
    }

    @Test
    void booleanWordsFollowTheColumnsOwnSpelling() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"boolean\""), dir, "1", "non", "Oui");

        assertEquals(List.of("1", "0", "1"), fixed.cleanValues());
    }

    @Test
    void enumValuesAreMatchedIgnoringCaseAccentsAndUnderscores() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"string\", \"constraints\": {\"enum\": "
                + "[\"Accès libre\", \"normal_payant\"]}"), dir, "ACCES LIBRE", "normal payant", "autre");

        assertEquals(List.of("Accès libre", "normal_payant", "autre"), fixed.cleanValues());
        assertEquals(2, fixed.fix("enum-case", "valeur").count());
        assertEquals(Verdict.INVALID, fixed.report().verdict());
    }

    @Test
    void enumValuesMatchingTwoAllowedValuesAreOnlySuggested() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"string\", \"constraints\": {\"enum\": [\"Abc\", \"ABC\"]}"),
                dir, "abc");

        assertFalse(fixed.hasFix("enum-case"));
        assertEquals(new FixSample(2, "abc", ""), fixed.suggestion("enum-case").samples().get(0));
    }

    @Test
    void runsOfSpacesBecomeOne() {
        Fixed fixed = Fixed.values(Fixed.withId("\"type\": \"string\""), dir, "Rue  de\u00A0la   Paix");

        assertEquals(List.of("Rue de la Paix"), fixed.cleanValues());
        assertEquals(new FixSample(2, "Rue  de\u00A0la   Paix", "Rue de la Paix"),
                fixed.fix("whitespace", "valeur").samples().get(0));
    }

    @Test
    void codesLoseTheirSpacesAndGetBackTheirLeadingZero() {
        TableSchema schema = TestSchemas.parse("""
                {"name": "codes", "fields": [
                  {"name": "code_insee", "type": "string", "constraints": {"pattern": "^([013-9]\\\\d|2[AB1-9])\\\\d{3}$"}},
                  {"name": "siret", "type": "string"},
                  {"name": "code_postal", "type": "string"}
                ]}
                """);

        Fixed fixed = Fixed.run(schema, dir, "code_insee,siret,code_postal\n1053,802 954 785 00028,1000\n75114,"
                + "80295478500028,123\n");

        assertEquals(List.of("code_insee,siret,code_postal", "01053,80295478500028,01000", "75114,80295478500028,123"),
                fixed.cleanLines());
        assertEquals(new FixSample(2, "1053", "01053"), fixed.fix("code-padding", "code_insee").samples().get(0));
    }

    @Test
    void phoneNumbersTakeTheSchemasFormat() {
        Fixed fixed = Fixed.values(phones(), dir, "01 23 45 67 89", "+33 (0)1.23.45.67.89", "0033123456789", "12");

        assertEquals(List.of("0123456789", "0123456789", "0123456789", "12"), fixed.cleanValues());
        assertEquals(3, fixed.fix("phone-format", "valeur_telephone").count());
    }

    /** The field is named {@code valeur}: a phone field is told by its name, so this one is renamed. */
    private static TableSchema phones() {
        return TestSchemas.parse("{\"name\": \"tel\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}, "
                + "{\"name\": \"valeur_telephone\", \"type\": \"string\", \"constraints\": {\"pattern\": \"^0[1-9]\\\\d{8}$\"}}]}");
    }

    private static TableSchema date() {
        return Fixed.withId("\"type\": \"date\"");
    }
}
