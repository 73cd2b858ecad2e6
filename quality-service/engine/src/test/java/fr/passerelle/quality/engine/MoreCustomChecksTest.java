package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The custom checks the national schemas name besides SIRET and French coordinates, with Validata's rules
 * (schema.data.gouv.fr's validator): SIREN, opening hours, phone numbers, year intervals, the Actes nomenclature, and
 * the checks over several columns of a row (compare, sum, cohesive, one of two required).
 */
class MoreCustomChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"217602176", "225300011", "356000000", "732829320"})
    void aSirenWithItsLuhnKeyPasses(String siren) {
        assertEquals(Verdict.VALID, oneCheck("french-siren-value", siren).verdict());
    }

    @Test
    void aSirenWithAWrongKeyOrShapeIsReportedInFrench() {
        ValidationError wrongKey = only(oneCheck("french-siren-value", "217602177"));
        assertEquals("french-siren-value", wrongKey.code().code());
        assertEquals("La valeur « 217602177 » de la colonne « valeur » n'est pas un numéro SIREN existant : sa clé de "
                + "contrôle est fausse.", wrongKey.message());
        assertTrue(only(oneCheck("french-siren-value", "217 602 176")).message().contains("exactement 9 chiffres"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"24/7", "Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00", "Mo-Fr 08:00-20:00",
            "Mo,We,Fr 09:00-17:00; PH off", "Tu-Su 10:00-18:00; Jan 01,May 01,Dec 25 closed",
            "Mo-Sa 08:00-19:00; Su 09:00-12:00 \"sur rendez-vous\"", "sunrise-sunset", "Sa 22:00-02:00",
            "Jan-Mar Mo-Fr 10:00-16:00; Apr-Dec Mo-Fr 09:00-18:00", "Mo-Fr 08:30-12:00, Sa 09:00-12:00",
            "Th[1,3] 14:00-16:00", "2024 Jun-Sep: Mo-Su 10:00-19:00", "week 01-26 Mo 10:00-12:00", "Mo-Fr 22:00-26:00",
            "Mo-Fr 10:00+", "off", "true"})
    void openingHoursInOsmSyntaxPass(String hours) {
        QualityReport report = oneCheck("opening-hours-value", hours);
        assertEquals(Verdict.VALID, report.verdict(), () -> hours + " → " + report.samples());
    }

    @ParameterizedTest
    @ValueSource(strings = {"du lundi au vendredi de 8h à 12h", "Lundi 08:00-12:00", "Mo-Fr 8h-12h", "Mo-Fr 08:00-",
            "Mo-Fr 25:00-61:00", "Mon-Fri 08:00-12:00", "oui", "Mo-Fr 08:00-12:00;;Sa", "08h00-12h00"})
    void anythingElseIsReportedWithTheOsmHint(String hours) {
        ValidationError error = only(oneCheck("opening-hours-value", hours));
        assertEquals("opening-hours-value", error.code().code());
        assertEquals("La valeur « " + hours + " » de la colonne « valeur » n'est pas une description d'horaires "
                + "d'ouverture au format d'OpenStreetMap.", error.message());
        assertTrue(error.hint().contains("Mo-Fr 08:00-12:00,14:00-18:00"), error.hint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"01 99 00 27 37", "0476123456", "+33 1 99 00 27 37", "06 12 34 56 78", "115", "3949",
            "+32 2 555 12 12"})
    void frenchInternationalAndShortNumbersPass(String phone) {
        assertEquals(Verdict.VALID, oneCheck("phone-number-value", phone).verdict(), phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01 99 00 27", "12345678901234", "téléphone", "00 00 00 00 00"})
    void otherPhoneNumbersAreReported(String phone) {
        assertEquals("La valeur « " + phone + " » de la colonne « valeur » n'est pas un numéro de téléphone valide.",
                only(oneCheck("phone-number-value", phone)).message());
    }

    @Test
    void yearIntervalsFollowValidata() {
        String yearOnly = "{\"column\": \"valeur\", \"allow-year-only\": \"yes\"}";
        assertEquals(Verdict.VALID, check("year-interval-value", yearOnly, "2023/2024").verdict());
        assertEquals(Verdict.VALID, check("year-interval-value", yearOnly, "2024").verdict());
        assertTrue(only(check("year-interval-value", "{\"column\": \"valeur\"}", "2024")).message()
                .endsWith("n'est pas une période de la forme AAAA/AAAA."));
        ValidationError reversed = only(check("year-interval-value", yearOnly, "2024/2020"));
        assertEquals("Écrivez les deux années dans l'ordre : 2020/2024.", reversed.hint());
        assertTrue(only(check("year-interval-value", yearOnly, "2024/2024")).message().contains("différentes"));
        assertTrue(only(check("year-interval-value", yearOnly, "24-25")).message().contains("ni une année"));
    }

    @Test
    void theActesNomenclatureAcceptsItsNineSubjectsWhateverTheCaseAndAccents() {
        assertEquals(Verdict.VALID, oneCheck("nomenclature-actes-value", "Finances locales/Décisions budgétaires").verdict());
        assertEquals(Verdict.VALID, oneCheck("nomenclature-actes-value", "LIBERTES PUBLIQUES ET POUVOIRS DE POLICE/Police")
                .verdict());
        assertTrue(only(oneCheck("nomenclature-actes-value", "Finances locales")).message().contains("barre oblique"));
        assertTrue(only(oneCheck("nomenclature-actes-value", "Finances locales / Budget")).message().contains("espace"));
        assertTrue(only(oneCheck("nomenclature-actes-value", "Voirie/Travaux")).message()
                .contains("« Voirie » n'en est pas une"));
    }

    /** The votes of SCDL délibérations: cast ≥ for, cast = for + against + abstentions, all given or none. */
    private static final TableSchema VOTES = TestSchemas.parse("""
            {"title": "Votes", "fields": [
              {"name": "DELIB_DATE", "type": "date"}, {"name": "PREF_DATE", "type": "date"},
              {"name": "VOTE_EFFECTIF", "type": "integer"}, {"name": "VOTE_REEL", "type": "integer"},
              {"name": "VOTE_POUR", "type": "integer"}, {"name": "VOTE_CONTRE", "type": "integer"},
              {"name": "VOTE_ABSTENTION", "type": "integer"}],
             "custom_checks": [
              {"name": "compare-columns-value", "params": {"column": "PREF_DATE", "op": ">=", "column2": "DELIB_DATE"}},
              {"name": "compare-columns-value", "params": {"column": "VOTE_EFFECTIF", "op": ">=", "column2": "VOTE_REEL"}},
              {"name": "sum-columns-value", "params": {"column": "VOTE_REEL",
                                                        "columns": ["VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"]}},
              {"name": "cohesive-columns-value", "params": {"column": "VOTE_EFFECTIF",
                "othercolumns": ["VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"]}}]}
            """);
    private static final String VOTES_HEADER = "DELIB_DATE,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,"
            + "VOTE_ABSTENTION\n";

    @Test
    void consistentVotesPassAndSoDoesARowWithoutVotes() {
        QualityReport report = Checked.run(VOTES, VOTES_HEADER + "2024-03-01,2024-03-05,33,30,20,8,2\n"
                + "2024-03-01,2024-03-01,,,,,\n").report();
        assertEquals(Verdict.VALID, report.verdict(), report::toString);
    }

    @Test
    void eachRuleOverSeveralColumnsIsReportedOnItsRowInFrench() {
        QualityReport report = Checked.run(VOTES, VOTES_HEADER
                + "2024-03-05,2024-03-01,33,30,20,8,2\n"
                + "2024-03-01,2024-03-05,29,30,20,8,2\n"
                + "2024-03-01,2024-03-05,33,30,20,8,1\n"
                + "2024-03-01,2024-03-05,33,30,20,,2\n").report();

        assertEquals(Map.of("compare-columns-value", 2L, "sum-columns-value", 1L, "cohesive-columns-value", 1L),
                report.errorsByCode(), report::toString);
        List<ValidationError> errors = report.samples();
        assertEquals("La valeur « 2024-03-01 » de la colonne « PREF_DATE » devrait être supérieure ou égale à la valeur "
                + "« 2024-03-05 » de la colonne « DELIB_DATE ».", errors.get(0).message());
        assertEquals(2, errors.get(0).rowNumber());
        assertEquals("La valeur « 29 » de la colonne « VOTE_EFFECTIF » devrait être supérieure ou égale à la valeur "
                + "« 30 » de la colonne « VOTE_REEL ».", errors.get(1).message());
        assertEquals("La valeur « 30 » de la colonne « VOTE_REEL » devrait être la somme des colonnes « VOTE_POUR », "
                + "« VOTE_CONTRE » et « VOTE_ABSTENTION », soit 29.", errors.get(2).message());
        assertEquals("Les colonnes « VOTE_EFFECTIF », « VOTE_REEL », « VOTE_POUR », « VOTE_CONTRE » et "
                + "« VOTE_ABSTENTION » doivent toutes être remplies ou toutes être vides : la colonne « VOTE_CONTRE » est "
                + "vide sur cette ligne.", errors.get(3).message());
        assertEquals(5, errors.get(3).rowNumber());
    }

    @Test
    void oneOfTwoColumnsIsRequired() {
        TableSchema schema = TestSchemas.parse("""
                {"title": "Subventions", "fields": [{"name": "nom"}, {"name": "idBeneficiaire"}, {"name": "rnaBeneficiaire"}],
                 "custom_checks": [{"name": "one-of-required",
                   "params": {"column1": "idBeneficiaire", "column2": "rnaBeneficiaire"}}]}
                """);
        QualityReport report = Checked.run(schema, "nom,idBeneficiaire,rnaBeneficiaire\nA,21380185500015,\nB,,W751234567\n"
                + "C,21380185500015,W751234567\nD,,\n").report();

        assertEquals(Map.of("one-of-required", 1L), report.errorsByCode(), report::toString);
        assertEquals("Au moins l'une des colonnes « idBeneficiaire » et « rnaBeneficiaire » doit comporter une valeur : "
                + "les deux sont vides sur cette ligne.", only(report).message());
        assertEquals(5, only(report).rowNumber());
    }

    @Test
    void aCheckOnAColumnTheSchemaLacksOrWithAnUnknownOperatorIsListedAsNotRun() {
        TableSchema schema = TestSchemas.parse("""
                {"fields": [{"name": "a"}, {"name": "b"}], "custom_checks": [
                  {"name": "compare-columns-value", "params": {"column": "a", "op": "!=", "column2": "b"}},
                  {"name": "sum-columns-value", "params": {"column": "a", "columns": ["b", "c"]}}]}
                """);
        assertEquals(List.of("compare-columns-value", "sum-columns-value"), schema.unsupportedCustomChecks());
    }

    private static QualityReport oneCheck(String name, String value) {
        return check(name, "{\"column\": \"valeur\"}", value);
    }

    private static QualityReport check(String name, String params, String value) {
        TableSchema schema = TestSchemas.parse("{\"title\": \"Un champ\", \"fields\": [{\"name\": \"valeur\"}], "
                + "\"custom_checks\": [{\"name\": \"" + name + "\", \"params\": " + params + "}]}");
        return Checked.run(schema, "valeur\n\"" + value.replace("\"", "\"\"") + "\"\n").report();
    }

    private static ValidationError only(QualityReport report) {
        assertEquals(1, report.samples().size(), report::toString);
        return report.samples().get(0);
    }
}
