package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** pattern, minLength, maxLength, minimum, maximum: each compared in the field's type. */
class ConstraintCheckTest {

    private static final String ID_PATTERN = "\"type\": \"string\", \"example\": \"75114-P-001\", "
            + "\"constraints\": {\"pattern\": \"^([013-9]\\\\d|2[AB1-9])\\\\d{3}-P-\\\\d{3}$\"}";

    @ParameterizedTest
    @CsvSource({"75114-P-001, VALID", "2A004-P-010, VALID", "P-001, INVALID", "75114-P-001 bis, INVALID",
            "x75114-P-001, INVALID", "75114-p-001, INVALID"})
    void checksPatterns(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue(ID_PATTERN, value).report().verdict());
    }

    @Test
    void reportsABrokenPatternWithTheSchemasExample() {
        ValidationError error = Checked.oneValue(ID_PATTERN, "P-001").onlyError();

        assertEquals(ErrorCode.CONSTRAINT_ERROR, error.code());
        assertEquals("La valeur « P-001 » de la colonne « valeur » ne respecte pas le format attendu.", error.message());
        assertEquals("Saisissez une valeur de la même forme que l'exemple du schéma : « 75114-P-001 ».", error.hint());
    }

    @Test
    void showsThePatternItselfWhenTheSchemaGivesNoExample() {
        ValidationError error = Checked.oneValue("\"constraints\": {\"pattern\": \"\\\\d{5}\"}", "7500").onlyError();

        assertEquals("Saisissez une valeur au format décrit dans la documentation du schéma (expression régulière "
                + "« \\d{5} »).", error.hint());
    }

    @ParameterizedTest
    @CsvSource({"75001, VALID", "750011, INVALID", "a75001, INVALID", "7500, INVALID"})
    void matchesTheWholeValueEvenWithoutAnchors(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"constraints\": {\"pattern\": \"\\\\d{5}\"}", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"oui, VALID", "non, VALID", "ouinon, INVALID", "oui!, INVALID", "!non, INVALID"})
    void anchorsAnAlternationAsAWhole(String value, Verdict expected) {
        // Not "^oui|non$", which would accept "oui!".
        assertEquals(expected, Checked.oneValue("\"constraints\": {\"pattern\": \"oui|non\"}", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"75-75, VALID", "75-76, INVALID"})
    void readsPythonNamedGroups(String value, Verdict expected) {
        assertEquals(expected,
                Checked.oneValue("\"constraints\": {\"pattern\": \"(?P<dep>\\\\d{2})-(?P=dep)\"}", value).report().verdict());
    }

    @Test
    void doesNotCheckAPatternJavaCannotRead() {
        // Python allows an underscore in a group name, Java does not: better unchecked than rejecting good files.
        assertEquals(Verdict.VALID,
                Checked.oneValue("\"constraints\": {\"pattern\": \"(?P<code_dep>\\\\d{2})\"}", "abc").report().verdict());
    }

    @Test
    void ignoresAPatternOnATypeOtherThanString() {
        // As frictionless does: the spec defines pattern for strings.
        assertEquals(Verdict.VALID,
                Checked.oneValue("\"type\": \"integer\", \"constraints\": {\"pattern\": \"1\\\\d\"}", "25").report().verdict());
    }

    @Test
    void givesUpOnAPatternThatBacktracksForever() {
        // Java memoizes (a+)+, not this one: some 40^12 ways to fail on 40 letters.
        String pattern = "\"constraints\": {\"pattern\": \"(.*a){12}\"}";

        Checked checked = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Checked.oneValue(pattern, "a".repeat(40) + "!"));

        assertEquals(ErrorCode.CONSTRAINT_ERROR, checked.onlyError().code());
        assertEquals(Verdict.VALID, Checked.oneValue(pattern, "a".repeat(40)).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"ab, VALID", "abcde, VALID", "éèêàç, VALID", "a, INVALID", "abcdef, INVALID"})
    void countsTheCharactersOfAString(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"constraints\": {\"minLength\": 2, \"maxLength\": 5}", value)
                .report().verdict());
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // Five emoji are ten Java chars.
        assertEquals(Verdict.VALID, Checked.oneValue("\"constraints\": {\"maxLength\": 5}", "😀😀😀😀😀").report().verdict());
    }

    @Test
    void explainsLengthsInFrench() {
        ValidationError tooShort = Checked.oneValue("\"constraints\": {\"minLength\": 2}", "a").onlyError();
        assertEquals("La valeur « a » de la colonne « valeur » est trop courte : il faut au moins 2 caractères.",
                tooShort.message());
        assertEquals("Complétez la valeur pour qu'elle compte au moins 2 caractères.", tooShort.hint());

        ValidationError tooLong = Checked.oneValue("\"constraints\": {\"maxLength\": 1}", "ab").onlyError();
        assertEquals("La valeur « ab » de la colonne « valeur » est trop longue : 1 caractère au plus.", tooLong.message());
        assertEquals("Raccourcissez la valeur à 1 caractère au plus.", tooLong.hint());
    }

    @ParameterizedTest
    @CsvSource({"'[1]', VALID", "'[1, 2]', VALID", "'[]', INVALID", "'[1, 2, 3]', INVALID"})
    void countsTheItemsOfAnArray(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"array\", \"constraints\": {\"minLength\": 1, \"maxLength\": 2}",
                value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"'{\"a\": 1}', VALID", "'{\"a\": 1, \"b\": 2}', INVALID"})
    void countsTheKeysOfAnObject(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"object\", \"constraints\": {\"maxLength\": 1}", value)
                .report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"0, VALID", "10, VALID", "+010, VALID", "9, VALID", "-1, INVALID", "11, INVALID"})
    void comparesIntegersAsNumbers(String value, Verdict expected) {
        // As text, "9" would be above "10".
        assertEquals(expected, Checked.oneValue("\"type\": \"integer\", \"constraints\": {\"minimum\": 0, \"maximum\": 10}",
                value).report().verdict());
    }

    @Test
    void explainsBoundsInFrench() {
        ValidationError below = Checked.oneValue("\"type\": \"integer\", \"constraints\": {\"minimum\": 0}", "-1").onlyError();
        assertEquals(ErrorCode.CONSTRAINT_ERROR, below.code());
        assertEquals("La valeur « -1 » de la colonne « valeur » est inférieure au minimum autorisé, 0.", below.message());
        assertEquals("Saisissez une valeur supérieure ou égale à 0.", below.hint());

        ValidationError above = Checked.oneValue("\"type\": \"number\", \"constraints\": {\"maximum\": 180}", "181").onlyError();
        assertEquals("La valeur « 181 » de la colonne « valeur » est supérieure au maximum autorisé, 180.", above.message());
        assertEquals("Saisissez une valeur inférieure ou égale à 180.", above.hint());

        ValidationError early = Checked.oneValue("\"type\": \"date\", \"constraints\": {\"minimum\": \"2020-01-01\"}",
                "2019-12-31").onlyError();
        assertEquals("La valeur « 2019-12-31 » de la colonne « valeur » est antérieure à la limite autorisée, 2020-01-01.",
                early.message());
        assertEquals("Saisissez une valeur égale ou postérieure à 2020-01-01.", early.hint());
    }

    @ParameterizedTest
    @CsvSource({"-180, VALID", "180.0, VALID", "0.5, VALID", "180.0001, INVALID", "-180.5, INVALID", "INF, INVALID",
            "-INF, INVALID", "NaN, INVALID"})
    void comparesNumbersIncludingTheSpecialValues(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"number\", \"constraints\": {\"minimum\": -180, \"maximum\": 180}",
                value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"'0,5', VALID", "'0,49', INVALID"})
    void readsJsonBoundsWhateverTheDecimalChar(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"number\", \"decimalChar\": \",\", \"constraints\": {\"minimum\": 0.5}",
                value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"2020-01-01, VALID", "2024-12-31, VALID", "2019-12-31, INVALID", "2025-01-01, INVALID"})
    void comparesDates(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"date\", \"constraints\": {\"minimum\": \"2020-01-01\", "
                + "\"maximum\": \"2024-12-31\"}", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"02/01/2020, VALID", "31/12/2019, INVALID"})
    void readsDateBoundsInTheFieldsFormatOrInIso(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"date\", \"format\": \"%d/%m/%Y\", "
                + "\"constraints\": {\"minimum\": \"01/01/2020\"}", value).report().verdict());
        assertEquals(expected, Checked.oneValue("\"type\": \"date\", \"format\": \"%d/%m/%Y\", "
                + "\"constraints\": {\"minimum\": \"2020-01-01\"}", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"2024-01-01T08:00:00Z, VALID", "2024-01-01T00:00:00, VALID", "2023-12-31T23:59:59, INVALID"})
    void comparesDateTimes(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"datetime\", \"constraints\": {\"minimum\": \"2024-01-01T00:00:00\"}",
                value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"2000, VALID", "1999, INVALID"})
    void comparesYears(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"year\", \"constraints\": {\"minimum\": 2000}", value)
                .report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"2024-06, VALID", "2024-07, INVALID"})
    void comparesYearMonths(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"yearmonth\", \"constraints\": {\"maximum\": \"2024-06\"}", value)
                .report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"08:00:00, VALID", "12:00:00, VALID", "07:59:59, INVALID", "20:00:01, INVALID"})
    void comparesTimes(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"time\", \"constraints\": {\"minimum\": \"08:00:00\", "
                + "\"maximum\": \"20:00:00\"}", value).report().verdict());
    }

    @Test
    void ignoresBoundsTheTypeHasNoOrderForOrTheSchemaSpellsWrong() {
        assertEquals(Verdict.VALID, Checked.oneValue("\"constraints\": {\"minimum\": 5}", "abc").report().verdict());
        assertEquals(Verdict.VALID, Checked.oneValue("\"type\": \"date\", \"constraints\": {\"minimum\": \"hier\"}",
                "2024-01-01").report().verdict());
    }

    @Test
    void reportsOnlyTheFirstBrokenConstraintOfACell() {
        Checked checked = Checked.oneValue("\"constraints\": {\"pattern\": \"\\\\d+\", \"maxLength\": 2}", "abc");

        assertEquals("La valeur « abc » de la colonne « valeur » ne respecte pas le format attendu.",
                checked.onlyError().message());
    }
}
