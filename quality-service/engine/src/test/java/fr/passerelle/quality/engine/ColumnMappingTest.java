package fr.passerelle.quality.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.ColumnMatcher;
import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.mapping.HeaderMatch;
import fr.passerelle.quality.engine.mapping.HeaderWords;
import fr.passerelle.quality.engine.mapping.LooseKey;
import fr.passerelle.quality.engine.mapping.MatchKind;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Columns matched with fields by exact name, loose name, title, synonym, close spelling, or the caller's say. */
class ColumnMappingTest {

    private static final TableSchema SITES = TestSchemas.parse("""
            {
              "name": "sites",
              "title": "Sites",
              "fields": [
                {"name": "id_site", "type": "string", "constraints": {"required": true}},
                {"name": "nom", "type": "string"},
                {"name": "code_insee", "type": "string"},
                {"name": "latitude", "type": "number"},
                {"name": "longitude", "type": "number"},
                {"name": "nb_places", "type": "integer", "title": "Capacité d'accueil"},
                {"name": "date_maj", "type": "date"}
              ]
            }
            """);

    private static final String ROW = "S-1,Gymnase,38185,45.19,5.71,40,2024-03-01";

    @Test
    void exactNamesNeedNoWord() {
        Checked checked = Checked.run(SITES, "id_site,nom,code_insee,latitude,longitude,nb_places,date_maj\n" + ROW + "\n");

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(List.of(MatchKind.EXACT), kinds(checked.report()).stream().distinct().toList());
        assertEquals(new ColumnMatch(4, "latitude", "latitude", MatchKind.EXACT, null), checked.report().columnMapping().get(3));
        assertEquals("Le fichier est conforme au schéma « Sites » : 1 ligne, aucune erreur.", checked.report().summary());
    }

    @Test
    void caseAccentsSpacesAndPunctuationAreIgnored() {
        Checked checked = Checked.run(SITES, "Date MAJ,ID-Site,NOM,Code INSÉE,« Latitude »,LONGITUDE,nb. places\n"
                + "2024-03-01,S-1,Gymnase,38185,45.19,5.71,40\n");

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(List.of("date_maj", "id_site", "nom", "code_insee", "latitude", "longitude", "nb_places"),
                fields(checked.report()));
        assertEquals(List.of(MatchKind.NORMALISED), kinds(checked.report()).stream().distinct().toList());
        assertEquals("id_site,nom,code_insee,latitude,longitude,nb_places,date_maj\n" + ROW + "\n", checked.clean(),
                "the clean file has the schema's names and order");
    }

    @Test
    void aFieldTitleNamesItsColumn() {
        Checked checked = Checked.run(SITES, "id_site,nom,code_insee,latitude,longitude,CAPACITÉ D'ACCUEIL,date_maj\n"
                + ROW + "\n");

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(new ColumnMatch(6, "CAPACITÉ D'ACCUEIL", "nb_places", MatchKind.TITLE, null),
                checked.report().columnMapping().get(5));
    }

    @Test
    void knownSynonymsAreRecognisedAndTold() {
        Checked checked = Checked.run(SITES, "id_site,Libellé,Code commune,Lat,Lng,nb_places,Dernière mise à jour\n"
                + ROW + "\n");

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(List.of(MatchKind.EXACT, MatchKind.SYNONYM, MatchKind.SYNONYM, MatchKind.SYNONYM, MatchKind.SYNONYM,
                MatchKind.EXACT, MatchKind.SYNONYM), kinds(checked.report()));
        assertEquals(List.of("id_site", "nom", "code_insee", "latitude", "longitude", "nb_places", "date_maj"),
                fields(checked.report()));
        assertTrue(checked.report().summary().endsWith(" Des colonnes ont été reconnues sous un autre nom que celui du "
                + "schéma : « Libellé » comme « nom », « Code commune » comme « code_insee », « Lat » comme « latitude », "
                + "« Lng » comme « longitude », « Dernière mise à jour » comme « date_maj »."), checked.report().summary());
    }

    @Test
    void oneRenamedColumnIsToldInOneSentence() {
        Checked checked = Checked.run(SITES, "id_site,nom,code_insee,Lat,longitude,nb_places,date_maj\n" + ROW + "\n");

        assertEquals("Le fichier est conforme au schéma « Sites » : 1 ligne, aucune erreur. La colonne « Lat » a été "
                + "reconnue comme « latitude ».", checked.report().summary());
    }

    @Test
    void aSynonymPointingAtSeveralFieldsGuessesNothing() {
        TableSchema phones = TestSchemas.parse("""
                {"name": "annuaire", "fields": [{"name": "telephone_mairie"}, {"name": "telephone_ecole"}]}
                """);

        HeaderMatch match = ColumnMatcher.match(List.of("Tél"), phones, ColumnOverrides.none());

        assertNull(match.columns().get(0).field(), "two telephone fields: which one is unknowable");
        HeaderMatch single = ColumnMatcher.match(List.of("Tél", "telephone_ecole"), phones, ColumnOverrides.none());
        assertEquals("telephone_mairie", single.columns().get(0).field(), "once the other is taken, one is left");
        assertEquals(MatchKind.SYNONYM, single.columns().get(0).how());
    }

    @Test
    void aTypoIsMatchedByCloseSpellingWithItsScore() throws IOException {
        Checked checked = Checked.run(SITES, "id_site,nom,code_insee,lattitude,longitud,nb_places,date_maj\n" + ROW + "\n");

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        ColumnMatch latitude = checked.report().columnMapping().get(3);
        assertEquals("latitude", latitude.field());
        assertEquals(MatchKind.FUZZY, latitude.how());
        assertEquals(0.889, latitude.score(), 1e-9, "one letter too many in nine");
        assertEquals(MatchKind.FUZZY, checked.report().columnMapping().get(4).how());
        assertTrue(checked.report().summary().contains("« lattitude » comme « latitude » (nom approchant : vérifiez)"),
                checked.report().summary());
    }

    @Test
    void anUnrelatedLabelIsNotMatchedBySpelling() {
        Checked checked = Checked.run(SITES, "id_site,nom,code_insee,latitude,longitude,couleur,date_maj\n" + ROW + "\n");

        // nb_places is optional: its absence and the unknown column are warnings, as the national validator says.
        assertEquals(Verdict.VALID, checked.report().verdict());
        assertEquals(List.of("nb_places"), checked.warnings(ErrorCode.MISSING_LABEL).stream().map(ValidationError::field).toList());
        assertEquals("couleur", checked.warnings(ErrorCode.EXTRA_LABEL).get(0).field());
        assertEquals(new ColumnMatch(6, "couleur", null, MatchKind.NONE, null), checked.report().columnMapping().get(5));
    }

    @Test
    void numbersInNamesAreNeverTypos() {
        TableSchema tariffs = TestSchemas.parse("""
                {"name": "tarifs", "fields": [{"name": "tarif_1h"}, {"name": "tarif_24h"}]}
                """);

        HeaderMatch match = ColumnMatcher.match(List.of("tarif_2h", "tarif 24 h"), tariffs, ColumnOverrides.none());

        assertNull(match.columns().get(0).field(), "tarif_2h is not a misspelt tarif_1h");
        assertEquals("tarif_24h", match.columns().get(1).field());
    }

    @Test
    void theBestScoreWinsAFieldWhateverTheColumnOrder() {
        HeaderMatch match = ColumnMatcher.match(List.of("latitud", "latitudes"), SITES, ColumnOverrides.none());

        assertNull(match.columns().get(0).field(), "latitud scores 0.875, latitudes 0.889");
        assertEquals("latitude", match.columns().get(1).field());
        assertEquals(1, match.unknownColumns());
    }

    @Test
    void anExactNameBeatsALooseOneAndNoFieldIsFedTwice() {
        Checked checked = Checked.run(SITES, "Latitude,id_site,nom,code_insee,latitude,longitude,nb_places,date_maj\n"
                + "99," + ROW + "\n");

        assertEquals(new ColumnMatch(5, "latitude", "latitude", MatchKind.EXACT, null), checked.report().columnMapping().get(4));
        assertEquals(new ColumnMatch(1, "Latitude", null, MatchKind.NONE, null), checked.report().columnMapping().get(0));
        assertEquals(List.of("Latitude"), checked.warnings(ErrorCode.EXTRA_LABEL).stream().map(ValidationError::field).toList());
        assertEquals(ROW, checked.cleanLines().get(1), "the 99 of the other column is dropped");
    }

    @Test
    void theCallersMappingWinsAndCanIgnoreColumns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sites.csv");
        Files.writeString(file, "id_site,Nom usuel,nom,Colonne 3,latitude,longitude,nb_places,date_maj,Remarques internes\n"
                + "S-1,Gymnase,Ancien nom,38185,45.19,5.71,40,2024-03-01,à revoir\n");
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("Nom usuel", "nom");
        mapping.put("colonne 3", "Code INSEE");
        mapping.put("Remarques internes", "");

        QualityReport report = run(QualityCheck.of(SITES).withColumnMapping(mapping), file);

        assertEquals(new ColumnMatch(2, "Nom usuel", "nom", MatchKind.USER, null), report.columnMapping().get(1));
        assertEquals(new ColumnMatch(4, "Colonne 3", "code_insee", MatchKind.USER, null), report.columnMapping().get(3));
        assertEquals(new ColumnMatch(9, "Remarques internes", null, MatchKind.USER, null), report.columnMapping().get(8));
        assertEquals(new ColumnMatch(3, "nom", null, MatchKind.NONE, null), report.columnMapping().get(2),
                "its field went to the caller's column");
        assertEquals(List.of("nom"), report.warnings().stream().map(ValidationError::field).toList(),
                "only « nom », not the ignored column");
        assertTrue(report.summary().contains("« Nom usuel » comme « nom » (correspondance demandée), « Colonne 3 » comme "
                + "« code_insee » (correspondance demandée). La colonne « Remarques internes » a été ignorée, comme "
                + "demandé."), report.summary());
    }

    @Test
    void aMappedLabelMissingFromTheFileIsOnlyMentioned(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sites.csv");
        Files.writeString(file, "id_site,nom,code_insee,latitude,longitude,nb_places,date_maj\n" + ROW + "\n");

        QualityReport report = run(QualityCheck.of(SITES).withColumnMapping(Map.of("Places", "nb_places")), file);

        assertEquals(Verdict.VALID, report.verdict());
        assertTrue(report.summary().endsWith("La correspondance demandée pour la colonne « Places » n'a pas servi : le "
                + "fichier n'a pas de colonne de ce nom."), report.summary());
    }

    @Test
    void aMappingToAnUnknownFieldOrTwiceToOneFieldIsRefusedInFrench() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> QualityCheck.of(SITES).withColumnMapping(Map.of("Couleur", "couleur")));
        assertEquals("Correspondance de colonnes : le schéma « Sites » n'a pas de champ « couleur » (colonne « Couleur »). "
                + "Ses champs sont : id_site, nom, code_insee, latitude, longitude, nb_places, date_maj.", unknown.getMessage());

        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("Lat", "latitude");
        twice.put("Y", "latitude");
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> QualityCheck.of(SITES).withColumnMapping(twice));
        assertEquals("Correspondance de colonnes : les colonnes « Lat » et « Y » sont toutes deux associées au champ "
                + "« latitude ». Une seule colonne peut alimenter un champ.", duplicate.getMessage());
    }

    @Test
    void theMappingIsInTheJsonReport() throws IOException {
        Checked checked = Checked.run(SITES, "id_site,nom,code_insee,lattitude,Lon,nb_places,date_maj\n" + ROW + "\n");

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(checked.report()));

        JsonNode latitude = json.path("columnMapping").get(3);
        assertEquals("{\"column\":4,\"label\":\"lattitude\",\"field\":\"latitude\",\"how\":\"FUZZY\",\"score\":0.889}",
                latitude.toString());
        assertEquals("SYNONYM", json.path("columnMapping").get(4).path("how").asText());
        assertTrue(json.path("schemaDetection").isNull(), "the schema was named");
        assertEquals(checked.report(), new ObjectMapper().readValue(json.toString(), QualityReport.class),
                "a consumer reading the JSON back gets the same report");
    }

    @Test
    void theNationalSchemasCoordinatesAndCodesHaveTheirSynonyms() {
        TableSchema parkings = ShippedSchemas.schema("lieux-stationnement");

        HeaderMatch match = ColumnMatcher.match(List.of("Longitude", "Latitude", "Code INSEE", "N° SIRET"), parkings,
                ColumnOverrides.none());

        assertEquals(List.of("Xlong", "Ylat", "insee", "num_siret"),
                match.columns().stream().map(ColumnMatch::field).toList());
        assertEquals("code_insee_commune", ColumnMatcher.match(List.of("Code commune"),
                ShippedSchemas.schema("irve-statique"), ColumnOverrides.none()).columns().get(0).field());
        assertEquals("code_com", ColumnMatcher.match(List.of("codgeo"),
                ShippedSchemas.schema("stationnement-cyclable"), ColumnOverrides.none()).columns().get(0).field());
        assertNull(ColumnMatcher.match(List.of("Nom"), ShippedSchemas.schema("irve-statique"), ColumnOverrides.none())
                .columns().get(0).field(), "nom_amenageur, nom_operateur, nom_enseigne or nom_station: not guessed");
    }

    @Test
    void aColumnMappedByHandIsFixedLikeARecognisedOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("equipements.csv");
        Files.writeString(file, "id;nom;capacite;ouverture;Accès libre;tarif;contact\n"
                + "E-1;Piscine;80;13/03/2021;oui;12,5;\nE-2;Stade;200;;Non;;\n");

        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        QualityReport report = QualityCheck.of(TestSchemas.equipements()).withColumnMapping(Map.of("Accès libre", "gratuit"))
                .withFixes().run(file, clean);

        assertEquals(Verdict.VALID, report.verdict(), report.summary());
        assertTrue(report.fixes().stream().anyMatch(fix -> fix.code().equals("boolean-words") && "gratuit".equals(fix.field())),
                report.fixes().toString());
        assertTrue(clean.toString(StandardCharsets.UTF_8).contains("E-1,Piscine,80,2021-03-13,true,12.5,"), clean.toString());
    }

    @Test
    void headersWrittenAsFrenchPhrasesAreMatchedOnTheirWords() {
        TableSchema irve = ShippedSchemas.schema("irve-statique");
        HeaderMatch match = ColumnMatcher.match(List.of("Adresse de la station", "Nom de l'enseigne",
                "Nombre de points de charge", "Date de mise en service de la station", "Puissance nominale (kW)",
                "Date MAJ (jj/mm/aaaa)"), irve, ColumnOverrides.none());

        assertEquals(List.of("adresse_station", "nom_enseigne", "nbre_pdc", "date_mise_en_service",
                "puissance_nominale", "date_maj"), match.columns().stream().map(ColumnMatch::field).toList());
        assertEquals(MatchKind.WORDS, match.columns().get(0).how());
        assertEquals(MatchKind.WORDS, match.columns().get(2).how());
        assertEquals("mêmes mots que le nom ou le titre du champ", match.columns().get(1).how().description());
    }

    @Test
    void abbreviatedPlacesAndCommunesAreSpeltOut() {
        // Found by the corpus (issue 15): nbre_pl and com_nom stayed unmatched under their French phrases.
        HeaderMatch carpool = ColumnMatcher.match(List.of("Nombre de places"), ShippedSchemas.schema("lieux-covoiturage"),
                ColumnOverrides.none());
        HeaderMatch dae = ColumnMatcher.match(List.of("Nom de la commune"), ShippedSchemas.schema("dae"),
                ColumnOverrides.none());

        assertEquals("nbre_pl", carpool.columns().get(0).field());
        assertEquals("com_nom", dae.columns().get(0).field());
        assertEquals(MatchKind.WORDS, dae.columns().get(0).how());
    }

    @Test
    void aTownColumnFindsTheAddressesTownField() {
        // inclusion-numerique names it adresse_commune; adresse_code_insee's description says « commune » too.
        assertEquals("adresse_commune", ColumnMatcher.match(List.of("Commune"), ShippedSchemas.schema("inclusion-numerique"),
                ColumnOverrides.none()).columns().get(0).field());
    }

    @Test
    void wordsThatFitSeveralFieldsAreNotGuessed() {
        // « Nom » alone, or « Identifiant de la station » (id_station_itinerance and id_station_local): a person says.
        HeaderMatch match = ColumnMatcher.match(List.of("Nom", "Identifiant de la station"),
                ShippedSchemas.schema("irve-statique"), ColumnOverrides.none());

        assertEquals(java.util.Arrays.asList(null, null), match.columns().stream().map(ColumnMatch::field).toList());
    }

    @Test
    void headerWordsDropFillersSpellOutAbbreviationsAndKeepUnitsAsHints() {
        assertEquals(List.of("nombre", "point", "charge"), HeaderWords.of("Nombre de points de charge").words());
        assertEquals(List.of("nombre", "point", "charge"), HeaderWords.of("nbre_pdc").words());
        assertEquals(List.of("coordonnee", "xy"), HeaderWords.of("coordonneesXY").words());
        assertEquals(List.of("nom", "enseigne"), HeaderWords.of("Nom de l’enseigne").words());
        assertEquals(List.of("puissance"), HeaderWords.of("Puissance (kW)").words());
        assertEquals(List.of("kw"), HeaderWords.of("Puissance (kW)").hints());
        assertEquals(List.of("date", "mise", "jour"), HeaderWords.of("Date MAJ (jj/mm/aaaa)").words());
        assertTrue(HeaderWords.of(" (—) ").isEmpty());
    }

    @Test
    void looseKeysKeepOnlyLettersAndDigits() {
        assertEquals("codeinsee", LooseKey.of(" Code-INSÉE "));
        assertEquals("nsiret", LooseKey.of("N° SIRET"));
        assertEquals("oeuvre", LooseKey.of("Œuvre"));
        assertEquals("", LooseKey.of(" -_' "));
    }

    private static QualityReport run(QualityCheck check, Path file) throws IOException {
        return check.run(file, new ByteArrayOutputStream());
    }

    private static List<MatchKind> kinds(QualityReport report) {
        return report.columnMapping().stream().map(ColumnMatch::how).toList();
    }

    private static List<String> fields(QualityReport report) {
        return report.columnMapping().stream().map(ColumnMatch::field).toList();
    }
}
