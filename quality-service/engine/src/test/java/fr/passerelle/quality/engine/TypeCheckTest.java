package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The types beyond string, integer, number, boolean, date, datetime and year (see RowCheckTest). */
class TypeCheckTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2.3522, 48.8566 | VALID", "2.3522,48.8566 | VALID", "-61.5, 16.2 | VALID",
            "-180, -90 | VALID", "181, 0 | INVALID", "0, 91 | INVALID", "48.8566 | INVALID", "[2.35, 48.85] | INVALID",
            "abc, def | INVALID", "2,35, 48,85 | INVALID"})
    void readsGeopointsAsLonCommaLat(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"geopoint\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[2.3522, 48.8566] | VALID", "[2.3522,48.8566] | VALID",
            "[\"2.35\", \"48.85\"] | VALID", "[2.35] | INVALID", "[2.35, 48.85, 30] | INVALID", "[200, 10] | INVALID",
            "[10, -95] | INVALID", "2.35, 48.85 | INVALID", "[2.35, 48.85] et plus | INVALID", "[\"a\", \"b\"] | INVALID"})
    void readsGeopointsAsArrays(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"geopoint\", \"format\": \"array\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"lon\": 2.35, \"lat\": 48.85} | VALID", "{\"lat\": 48.85, \"lon\": 2.35} | VALID",
            "{\"lon\": 2.35} | INVALID", "{\"lon\": 2.35, \"lat\": 48.85, \"alt\": 35} | INVALID",
            "{\"x\": 2.35, \"y\": 48.85} | INVALID", "[2.35, 48.85] | INVALID"})
    void readsGeopointsAsObjects(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"geopoint\", \"format\": \"object\"", value).report().verdict());
    }

    @Test
    void explainsGeopointsInFrench() {
        ValidationError error = Checked.oneValue("\"type\": \"geopoint\", \"format\": \"array\"", "[200, 48]").onlyError();

        assertEquals(ErrorCode.TYPE_ERROR, error.code());
        assertEquals("La valeur « [200, 48] » de la colonne « valeur » n'est pas un point géographique au format "
                + "[longitude, latitude], avec une longitude entre -180 et 180 et une latitude entre -90 et 90.", error.message());
        assertEquals("Saisissez la longitude puis la latitude en degrés décimaux, avec un point comme séparateur décimal, "
                + "au format [longitude, latitude], par exemple [2.3522, 48.8566] pour Paris.", error.hint());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"type\": \"Point\", \"coordinates\": [2.35, 48.85]} | VALID",
            "{\"type\": \"FeatureCollection\", \"features\": []} | VALID", "{\"coordinates\": [2.35, 48.85]} | INVALID",
            "{\"type\": 3} | INVALID", "[2.35, 48.85] | INVALID", "Point | INVALID"})
    void readsGeoJson(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"geojson\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"type\": \"Topology\", \"objects\": {}} | VALID",
            "{\"type\": \"Point\", \"coordinates\": [2.35, 48.85]} | INVALID"})
    void readsTopoJson(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"geojson\", \"format\": \"topojson\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{} | VALID", "{\"etage\": 1, \"nom\": \"Mairie\"} | VALID", "[] | INVALID",
            "Mairie | INVALID", "{\"etage\": 1 | INVALID", "{\"a\": 1} {\"b\": 2} | INVALID"})
    void readsJsonObjects(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"object\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[] | VALID", "[1, \"lundi\", null] | VALID", "{} | INVALID", "lundi, mardi | INVALID"})
    void readsJsonArrays(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"array\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"14:30:00, VALID", "08:05:09, VALID", "14:30:00.250, VALID", "14:30:00+01:00, VALID", "14:30:00Z, VALID",
            "14:30, INVALID", "24:00:00, INVALID", "14:60:00, INVALID", "14h30, INVALID", "2:30:00, INVALID"})
    void readsIsoTimes(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"time\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"14:30:00, VALID", "14:30, VALID", "9:05, VALID", "14h30, VALID", "9h, VALID", "midi, INVALID"})
    void readsCommonTimeSpellingsWithFormatAny(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"time\", \"format\": \"any\"", value).report().verdict());
    }

    @Test
    void readsTimesWithAStrftimeFormat() {
        assertEquals(Verdict.VALID, Checked.oneValue("\"type\": \"time\", \"format\": \"%H:%M\"", "14:30").report().verdict());
        Checked wrong = Checked.oneValue("\"type\": \"time\", \"format\": \"%H:%M\"", "14:30:00");
        assertEquals("La valeur « 14:30:00 » de la colonne « valeur » n'est pas une heure au format hh:mm.",
                wrong.onlyError().message());
        assertEquals("Saisissez une heure au format hh:mm, par exemple 14:30.", wrong.onlyError().hint());
    }

    @ParameterizedTest
    @CsvSource({"2024-03, VALID", "1999-12, VALID", "2024-13, INVALID", "2024-00, INVALID", "2024-3, INVALID",
            "03/2024, INVALID", "2024-03-01, INVALID"})
    void readsYearMonths(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"yearmonth\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"P1Y2M10DT2H30M, VALID", "PT45M, VALID", "P2D, VALID", "PT1.5S, VALID", "P1W, VALID", "-P1D, VALID",
            "P, INVALID", "PT, INVALID", "P1DT, INVALID", "P1H, INVALID", "PT1D, INVALID", "1 heure, INVALID",
            "p1d, INVALID"})
    void readsIsoDurations(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"duration\"", value).report().verdict());
    }

    @Test
    void acceptsAnythingForTypeAny() {
        assertEquals(Verdict.VALID, Checked.oneValue("\"type\": \"any\"", "n'importe quoi, 12 €").report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"3f2504e0-4f89-11d3-9a0c-0305e82c3301, VALID", "3F2504E0-4F89-11D3-9A0C-0305E82C3301, VALID",
            "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}, VALID", "urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301, VALID",
            "3f2504e04f8911d39a0c0305e82c3301, VALID", "3f2504e0-4f89-11d3-9a0c-0305e82c330, INVALID",
            "3f2504e0-4f89-11d3-9a0c-0305e82c330g, INVALID", "identifiant, INVALID"})
    void readsUuids(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"string\", \"format\": \"uuid\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"SGVsbG8=, VALID", "SGVsbG8, VALID", "AAEC/w==, VALID", "SGVsbG8===, INVALID", "Bonjour !, INVALID"})
    void readsBase64(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"string\", \"format\": \"binary\"", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"12 €, VALID", "€ 12.5, VALID", "95 %, VALID", "-12 €, VALID", "12, VALID", "douze €, INVALID",
            "12 € 50, INVALID", "'12,5 €', INVALID"})
    void allowsTextAroundNumbersWhenNotBare(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"number\", \"bareNumber\": false", value).report().verdict());
    }

    @Test
    void keepsTheSignOfANumberThatIsNotBare() {
        String field = "\"type\": \"number\", \"bareNumber\": false, \"constraints\": {\"minimum\": 0}";

        assertEquals(Verdict.INVALID, Checked.oneValue(field, "-12 €").report().verdict());
        assertEquals(Verdict.VALID, Checked.oneValue(field, "12 €").report().verdict());
    }

    @Test
    void readsNonBareNumbersWithTheFieldsDecimalAndGroupChars() {
        String field = "\"type\": \"number\", \"bareNumber\": false, \"decimalChar\": \",\", \"groupChar\": \" \"";

        assertEquals(Verdict.VALID, Checked.oneValue(field, "1 234,5 €").report().verdict());
        Checked wrong = Checked.oneValue(field, "douze euros");
        assertEquals("Saisissez un nombre avec une virgule comme séparateur décimal, par exemple 12,5 ; une unité peut "
                + "l'entourer, comme « 12,5 € » ou « 12,5 % ».", wrong.onlyError().hint());
    }

    @ParameterizedTest
    @CsvSource({"12 places, VALID", "N° 12, VALID", "12.5 places, INVALID", "places, INVALID"})
    void allowsTextAroundIntegersWhenNotBare(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"integer\", \"bareNumber\": false", value).report().verdict());
    }

    @ParameterizedTest
    @CsvSource({"NaN, VALID", "INF, VALID", "-INF, VALID", "nan, INVALID", "Infinity, INVALID", "inf, INVALID"})
    void readsTheSpecialNumbersOfTheSpec(String value, Verdict expected) {
        assertEquals(expected, Checked.oneValue("\"type\": \"number\"", value).report().verdict());
        assertEquals(expected, Checked.oneValue("\"type\": \"number\", \"bareNumber\": false", value).report().verdict());
    }
}
