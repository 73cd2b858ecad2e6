package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.schema.custom.CustomCheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema.data.gouv.fr custom checks named by the national schemas. */
class CustomCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "73282932000074", // an ordinary company
            "21920044100018", // the valid example of lieux-stationnement
            "35600000000048", // La Poste's head office: an ordinary Luhn number
            "35600000049837"  // a La Poste establishment: digits add up to 45, while the Luhn key fails
    })
    void acceptsValidSirets(String siret) {
        assertEquals(Verdict.VALID, checkSiret(siret).report().verdict());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "80295478500028", // the invalid example of lieux-stationnement
            "73282932000075", // last digit mistyped
            "35600000049838", // La Poste, digits adding up to 46
            "35600000000049", // La Poste's head office, mistyped: the digit sum rule does not apply to it
            "12345678900015"  // the 14 digits pass Luhn, but not the SIREN they start with
    })
    void rejectsSiretsWithAWrongKey(String siret) {
        ValidationError error = checkSiret(siret).onlyError();

        assertEquals(ErrorCode.FRENCH_SIRET_VALUE, error.code());
        assertEquals("french-siret-value", error.code().code());
        assertEquals(2, error.rowNumber());
        assertEquals("siret", error.field());
        assertEquals(siret, error.value());
        assertEquals("La valeur « " + siret + " » de la colonne « siret » n'est pas un numéro SIRET existant : sa clé de "
                + "contrôle est fausse.", error.message());
        assertEquals("Recopiez le numéro SIRET à 14 chiffres depuis l'annuaire des entreprises "
                + "(annuaire-entreprises.data.gouv.fr) : une faute de frappe suffit à le rendre invalide.", error.hint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"732 829 320 00074", "7328293200007", "732829320000740", "7328293200007A"})
    void rejectsWhatIsNotFourteenDigits(String siret) {
        ValidationError error = checkSiret(siret).onlyError();

        assertEquals(ErrorCode.FRENCH_SIRET_VALUE, error.code());
        assertEquals("La valeur « " + siret + " » de la colonne « siret » n'est pas un numéro SIRET : il faut exactement "
                + "14 chiffres, sans espace ni point.", error.message());
    }

    @Test
    void leavesEmptySiretsToTheRequiredConstraint() {
        assertEquals(Verdict.VALID, checkSiret("").report().verdict());
    }

    @ParameterizedTest
    @ValueSource(strings = {"french-siret-value", "french_siret_value", "FRENCH-SIRET-VALUE", "siret"})
    void knowsTheSiretCheckByEachOfItsNames(String name) {
        TableSchema schema = TestSchemas.parse("{\"fields\": [{\"name\": \"siret\"}], \"custom_checks\": "
                + "[{\"name\": \"" + name + "\", \"params\": {\"column\": \"siret\"}}]}");

        assertEquals(List.of(), schema.unsupportedCustomChecks());
        assertEquals(ErrorCode.FRENCH_SIRET_VALUE, Checked.run(schema, "siret\n80295478500028\n").onlyError().code());
    }

    @Test
    void reportsABrokenPatternRatherThanAlsoAWrongSiret() {
        // lieux-stationnement also gives num_siret the pattern ^\d{14}$: one error per cell.
        TableSchema schema = TestSchemas.parse("""
                {"fields": [{"name": "siret", "constraints": {"pattern": "^\\\\d{14}$"}}],
                 "custom_checks": [{"name": "french-siret-value", "params": {"column": "siret"}}]}
                """);

        Checked checked = Checked.run(schema, "siret\n732 829 320 00074\n");

        assertEquals(ErrorCode.CONSTRAINT_ERROR, checked.onlyError().code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[2.3522, 48.8566]   | Paris",
            "[5.7145295,45.191463] | Grenoble, the valid example of stationnement-cyclable",
            "[9.4509, 42.6973]   | Bastia, Corsica",
            "[-4.4861, 48.3904]  | Brest",
            "[7.7521, 48.5734]   | Strasbourg",
            "[-61.5331, 16.2411] | Pointe-à-Pitre, Guadeloupe",
            "[-61.0588, 14.6161] | Fort-de-France, Martinique",
            "[-52.3269, 4.9372]  | Cayenne, Guyane",
            "[55.4504, -20.8823] | Saint-Denis, La Réunion",
            "[45.2279, -12.7806] | Mamoudzou, Mayotte"})
    void acceptsPointsInFrance(String point, String place) {
        assertEquals(Verdict.VALID, checkPoint(point).report().verdict(), place);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[-3.7038, 40.4168]   | Madrid",
            "[-74.0060, 40.7128]  | New York",
            "[0, 0]               | the Gulf of Guinea, where empty coordinates often end up",
            "[166.4572, -22.2758] | Nouméa: New Caledonia is no overseas département",
            "[2.3522, -48.8566]   | Paris with its latitude sign lost, in the Southern Ocean"})
    void rejectsPointsOutsideFrance(String point, String place) {
        ValidationError error = checkPoint(point).onlyError();

        assertEquals(ErrorCode.FRENCH_GPS_COORDINATES, error.code(), place);
        assertEquals("french-gps-coordinates", error.code().code());
        assertEquals("coordonnees", error.field());
        assertEquals(point, error.value());
        assertEquals("La valeur « " + point + " » de la colonne « coordonnees » désigne un point situé hors de France "
                + "(métropole et départements d'outre-mer).", error.message());
        assertEquals("Vérifiez les coordonnées : la longitude d'abord, puis la latitude, en degrés décimaux, par exemple "
                + "[2.3522, 48.8566] pour Paris.", error.hint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[48.8566, 2.3522]", "[16.2411, -61.5331]", "[-20.8823, 55.4504]"})
    void recognisesLatitudeWrittenBeforeLongitude(String point) {
        ValidationError error = checkPoint(point).onlyError();

        assertEquals(ErrorCode.FRENCH_GPS_COORDINATES, error.code());
        assertEquals("La valeur « " + point + " » de la colonne « coordonnees » a sa latitude et sa longitude inversées : "
                + "le point tombe hors de France, mais en France une fois les deux nombres échangés.", error.message());
        assertEquals("Échangez les deux nombres : la longitude d'abord, puis la latitude, par exemple [2.3522, 48.8566] "
                + "pour Paris.", error.hint());
    }

    @Test
    void reportsAPointThatIsNoPointAsATypeErrorOnly() {
        assertEquals(ErrorCode.TYPE_ERROR, checkPoint("[2.35, 148.85]").onlyError().code());
    }

    @Test
    void findsSwappedCoordinatesInTheNationalCycleParkingSchema() {
        String example = "id_local,id_osm,code_com,coordonneesxy,capacite,capacite_cargo,type_accroche,mobilier,acces,"
                + "gratuit,protection,couverture,surveillance,lumiere,url_info,d_service,source,proprietaire,gestionnaire,"
                + "date_maj,commentaires\n"
                + "STSI01,,38185,\"[45.191463,5.7145295]\",8,,CADRE ET ROUE,,,,,,,,,,,,,,\n";

        Checked checked = Checked.run(ShippedSchemas.schema("stationnement-cyclable"), example);

        assertEquals(ErrorCode.FRENCH_GPS_COORDINATES, checked.onlyError().code());
        assertTrue(checked.onlyError().message().contains("inversées"), checked.onlyError().message());
    }

    @Test
    void cannotCheckFrenchCoordinatesOnAColumnThatHoldsNoPoint() {
        TableSchema schema = TestSchemas.parse("{\"fields\": [{\"name\": \"xy\"}], \"custom_checks\": "
                + "[{\"name\": \"french_gps_coordinates\", \"params\": {\"column\": \"xy\"}}]}");

        assertEquals(List.of("french_gps_coordinates"), schema.unsupportedCustomChecks());
        assertEquals(List.of(), schema.customChecks());
    }

    @Test
    void tellsTheClerkWhichChecksOfTheSchemaWereNotRunButNeverFailsTheFileForThem() {
        TableSchema schema = TestSchemas.oneField("\"type\": \"string\"");
        TableSchema withUnknownCheck = TestSchemas.parse("{\"title\": \"Un champ\", \"fields\": [{\"name\": \"valeur\"}], "
                + "\"custom_checks\": [{\"name\": \"verification-inconnue\", \"params\": {\"column\": \"valeur\"}}]}");

        QualityReport report = Checked.run(withUnknownCheck, "valeur\nMo-Fr 08:00-12:00\n").report();

        assertEquals(Checked.run(schema, "valeur\nx\n").report().verdict(), report.verdict());
        assertEquals(Verdict.VALID, report.verdict());
        assertEquals("Le fichier est conforme au schéma « Un champ » : 1 ligne, aucune erreur. Le contrôle "
                + "« verification-inconnue » demandé par le schéma n'est pas encore effectué par Passerelle : vérifiez ce point "
                + "vous-même.", report.summary());
    }

    @Test
    void namesEveryUncheckedCustomCheckInTheSummaryOfAnInvalidFileToo() {
        TableSchema schema = TestSchemas.parse("{\"title\": \"Un champ\", \"fields\": [{\"name\": \"valeur\", "
                + "\"type\": \"integer\"}], \"custom_checks\": [{\"name\": \"verification-inconnue\"}, "
                + "{\"name\": \"autre-verification\", \"params\": {\"column\": \"valeur\"}}]}");

        QualityReport report = Checked.run(schema, "valeur\nabc\n").report();

        assertEquals(Map.of("type-error", 1L), report.errorsByCode());
        assertEquals("Le fichier n'est pas conforme au schéma « Un champ » : 1 erreur sur 1 ligne (validité 0,00 %). "
                + "Les contrôles « verification-inconnue », « autre-verification » demandés par le schéma ne sont pas encore "
                + "effectués par Passerelle : vérifiez ces points vous-même.", report.summary());
    }

    @Test
    void saysNothingOfUncheckedCustomChecksWhenTheFileCouldNotBeCheckedAtAll() {
        TableSchema schema = TestSchemas.parse("{\"title\": \"Un champ\", \"fields\": [{\"name\": \"valeur\"}], "
                + "\"custom_checks\": [{\"name\": \"verification-inconnue\"}]}");

        assertEquals("Le fichier n'a pas pu être contrôlé avec le schéma « Un champ ». Le fichier est vide.",
                Checked.run(schema, "").report().summary());
    }

    @Test
    void listsTheChecksItKnows() {
        assertEquals(Set.of("french-gps-coordinates", "french-siret-value", "siret", "french-siren-value",
                "opening-hours-value", "phone-number-value", "year-interval-value", "nomenclature-actes-value",
                "compare-columns-value", "sum-columns-value", "cohesive-columns-value", "one-of-required"),
                CustomCheckRegistry.names());
    }

    private static Checked checkSiret(String siret) {
        TableSchema schema = TestSchemas.parse("{\"fields\": [{\"name\": \"nom\"}, {\"name\": \"siret\"}], "
                + "\"custom_checks\": [{\"name\": \"french-siret-value\", \"params\": {\"column\": \"siret\"}}]}");
        return Checked.run(schema, "nom,siret\nMairie," + siret + "\n");
    }

    private static Checked checkPoint(String point) {
        TableSchema schema = TestSchemas.parse("{\"fields\": [{\"name\": \"coordonnees\", \"type\": \"geopoint\", "
                + "\"format\": \"array\"}], \"custom_checks\": [{\"name\": \"french_gps_coordinates\", "
                + "\"params\": {\"column\": \"coordonnees\"}}]}");
        return Checked.run(schema, "coordonnees\n\"" + point + "\"\n");
    }
}
