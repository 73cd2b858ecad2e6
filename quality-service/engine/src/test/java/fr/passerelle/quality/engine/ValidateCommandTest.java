package fr.passerelle.quality.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.cli.ValidateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code validate FICHIER --schema NOM|CHEMIN [--schemas-dir DOSSIER] [--fix SORTIE.csv] [--json]}, run in-process. */
class ValidateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheFrenchReportOfAnInvalidFileAndExitsWithOne() {
        int exit = run("validate", example("lieux-stationnement", "exemple-invalide.csv"), "--schema", "lieux-stationnement",
                "--schemas-dir", ShippedSchemas.schemasDir().toString());

        assertEquals(1, exit);
        String text = out();
        assertTrue(text.contains("Schéma : Lieux de stationnement (lieux-stationnement, version 0.1.5)\n"), text);
        assertTrue(text.contains("Lecture : encodage UTF-8, séparateur « , », 1 ligne de données\n"), text);
        assertTrue(text.contains("\nLe fichier n'est pas conforme au schéma « Lieux de stationnement » : 3 erreurs sur 1 ligne "
                + "(validité 0,00 %).\n"), text);
        assertTrue(text.contains("\nValeur non conforme (constraint-error) : 2 erreurs\n"
                + "  Ligne 2, colonne « id » : La valeur « P-001 » de la colonne « id » ne respecte pas le format attendu.\n"
                + "    → Saisissez une valeur de la même forme que l'exemple du schéma : « 75114-P-001 ».\n"), text);
        assertTrue(text.contains("\nNuméro SIRET invalide (french-siret-value) : 1 erreur\n"
                + "  Ligne 2, colonne « num_siret » : La valeur « 80295478500028 »"), text);
        assertEquals("", err());
    }

    @Test
    void exitsWithZeroForAValidFileAndWritesTheCleanCsv(@TempDir Path dir) throws IOException {
        Path clean = dir.resolve("propre.csv");

        int exit = run("validate", example("stationnement-cyclable", "exemple-valide.csv"), "--schema",
                ShippedSchemas.schemasDir().resolve("stationnement-cyclable/schema.json").toString(), "--fix", clean.toString());

        assertEquals(0, exit, err());
        assertTrue(out().contains("Le fichier est conforme au schéma « Stationnement cyclable » : 1 ligne, aucune erreur."),
                out());
        List<String> lines = Files.readAllLines(clean, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("STSI01,n71729735,38185,\"[5.7145295,45.191463]\",8,3,"), lines.get(1));
    }

    @Test
    void namesASchemaReadFromAPathAfterItsFolderWhenItHasNoName() {
        int exit = run("validate", example("lieux-stationnement", "exemple-valide.csv"), "--schema",
                ShippedSchemas.schemasDir().resolve("lieux-stationnement/schema.json").toString());

        assertEquals(0, exit, err());
        assertTrue(out().contains("(lieux-stationnement, version 0.1.5)"), out());
    }

    @Test
    void printsTheJsonReportWithJson() throws IOException {
        int exit = run("validate", example("lieux-stationnement", "exemple-invalide.csv"), "--json", "--schema",
                "lieux-stationnement", "--schemas-dir", ShippedSchemas.schemasDir().toString());

        assertEquals(1, exit);
        JsonNode report = new ObjectMapper().readTree(out());
        assertEquals("INVALID", report.path("verdict").asText());
        assertEquals("lieux-stationnement", report.path("schemaName").asText());
        assertEquals(1, report.path("errorsByCode").path("french-siret-value").asLong());
        assertEquals("french-siret-value", report.path("samples").path(2).path("code").asText());
    }

    @Test
    void tellsAboutErrorsBeyondTheSamples(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("equipements.csv");
        StringBuilder raw = new StringBuilder(TestSchemas.EQUIPEMENTS_HEADER + "\n");
        for (int i = 0; i < 103; i++) {
            raw.append("E-").append(i).append(",Salle,beaucoup,,,,\n");
        }
        Files.writeString(file, raw);
        Path schema = dir.resolve("equipements.json");
        Files.writeString(schema, "{\"title\": \"Équipements\", \"fields\": [{\"name\": \"id\"}, {\"name\": \"nom\"}, "
                + "{\"name\": \"capacite\", \"type\": \"integer\"}, {\"name\": \"ouverture\"}, {\"name\": \"gratuit\"}, "
                + "{\"name\": \"tarif\"}, {\"name\": \"contact\"}]}");

        assertEquals(1, run("validate", file.toString(), "--schema", schema.toString()));

        assertTrue(out().contains("Valeur au mauvais format (type-error) : 103 erreurs\n"), out());
        assertTrue(out().contains("  … et 3 autres erreurs de ce type, non détaillées.\n"), out());
    }

    @Test
    void explainsUsageMistakesInFrenchAndExitsWithTwo() {
        assertEquals(2, run());
        assertTrue(err().contains("Indiquez la commande validate"), err());
        assertTrue(err().contains("Usage : validate FICHIER [--schema NOM|CHEMIN]"), err());

        assertUsageError("Commande inconnue « check »", "check", "f.csv");
        // Without --schema the schema is detected: the file is looked for first.
        assertUsageError("Fichier introuvable : f.csv", "validate", "f.csv");
        assertUsageError("Indiquez le fichier à contrôler.", "validate", "--schema", "irve-statique");
        assertUsageError("Option inconnue « --format ».", "validate", "f.csv", "--schema", "x", "--format", "csv");
        assertUsageError("L'option --schema attend une valeur.", "validate", "f.csv", "--schema");
        assertUsageError("Un seul fichier à la fois", "validate", "a.csv", "b.csv", "--schema", "x");
    }

    @Test
    void reportsMissingFilesAndSchemasAsUsageErrors(@TempDir Path dir) {
        String valid = example("lieux-stationnement", "exemple-valide.csv");
        String schemas = ShippedSchemas.schemasDir().toString();

        assertUsageError("Fichier introuvable : " + dir.resolve("absent.csv"), "validate",
                dir.resolve("absent.csv").toString(), "--schema", "lieux-stationnement", "--schemas-dir", schemas);
        assertUsageError("Schéma « inconnu » introuvable dans " + schemas + ". Schémas disponibles : ", "validate", valid,
                "--schema", "inconnu", "--schemas-dir", schemas);
        assertUsageError("Dossier de schémas introuvable : " + dir.resolve("rien"), "validate", valid, "--schema",
                "lieux-stationnement", "--schemas-dir", dir.resolve("rien").toString());
        assertUsageError("Schéma introuvable : " + dir.resolve("schema.json"), "validate", valid, "--schema",
                dir.resolve("schema.json").toString());
    }

    @Test
    void detectsTheSchemaWhenNoneIsNamed() {
        int exit = run("validate", example("stationnement-cyclable", "exemple-valide.csv"), "--schemas-dir",
                ShippedSchemas.schemasDir().toString());

        assertEquals(0, exit, err());
        String text = out();
        assertTrue(text.contains("Schéma : Stationnement cyclable (stationnement-cyclable"), text);
        assertTrue(text.contains("Schéma détecté parmi :\n  Stationnement cyclable (stationnement-cyclable) : 100 % des "
                + "champs reconnus, score 1,00 ← choisi\n"), text);
        assertTrue(text.contains("\nAucun schéma n'était indiqué : le fichier ressemble au schéma « Stationnement "
                + "cyclable » (100 % des champs reconnus). Le fichier est conforme"), text);
    }

    @Test
    void namesTheClosestSchemasWhenNoneFitsAndExitsWithTwo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("inventaire.csv");
        Files.writeString(file, "couleur,poids,taille\nrouge,3,5\n");

        assertUsageError("Aucun schéma n'était indiqué et le fichier ne ressemble assez à aucun schéma du catalogue. "
                + "Les plus proches sont « ", "validate", file.toString(), "--schemas-dir",
                ShippedSchemas.schemasDir().toString());
        assertTrue(err().trim().endsWith("Option : --schema NOM."), err());

        out.reset();
        assertEquals(2, run("validate", file.toString(), "--schemas-dir", ShippedSchemas.schemasDir().toString(), "--json"));
        JsonNode detection = new ObjectMapper().readTree(out()).path("schemaDetection");
        assertTrue(detection.path("chosenSchema").isNull(), out());
        assertEquals(Math.min(5, ShippedSchemas.catalog().schemas().size()), detection.path("ranked").size(), out());
        assertEquals(0.5, detection.path("threshold").asDouble());
    }

    @Test
    void aGeoJsonFileIsCheckedAgainstTheShippedGeoJsonSchemaWithoutNetwork(@TempDir Path dir) throws IOException {
        Path example = ShippedSchemas.example("amenagements-cyclables", "exemple-valide.json");

        assertEquals(0, run("validate", example.toString(), "--schema", "amenagements-cyclables"), out() + err());
        assertTrue(out().startsWith("Le fichier est conforme au schéma « Aménagement cyclable » : 1 objet géographique, "
                + "aucune erreur."), out());

        out.reset();
        Path wrong = Files.writeString(dir.resolve("pistes.geojson"),
                Files.readString(example).replace("\"Structurant\"", "\"Principal\""));
        assertEquals(1, run("validate", wrong.toString(), "--schema", "amenagements-cyclables"), out() + err());
        assertTrue(out().contains("  Objet n°1, propriété « reseau_loc » : "), out());
    }

    @Test
    void usesTheColumnsNamedWithColonneAndPrintsTheMapping(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sites.csv");
        Files.writeString(file, "ident,Nom,lattitude,Remarques\nS-1,Gymnase,45.19,à revoir\n");
        Path schema = dir.resolve("sites.json");
        Files.writeString(schema, "{\"name\": \"sites\", \"title\": \"Sites\", \"fields\": [{\"name\": \"id_site\"}, "
                + "{\"name\": \"nom\"}, {\"name\": \"latitude\", \"type\": \"number\"}]}");

        int exit = run("validate", file.toString(), "--schema", schema.toString(), "--colonne", "ident=id_site",
                "--colonne", "Remarques=");

        assertEquals(0, exit, out() + err());
        assertTrue(out().contains("Colonnes reconnues sous un autre nom :\n"
                + "  « ident » → « id_site » (correspondance demandée)\n"
                + "  « Nom » → « nom » (même nom, aux majuscules, accents ou ponctuation près)\n"
                + "  « lattitude » → « latitude » (nom approchant, ressemblance 89 %)\n"
                + "  « Remarques » → ignorée (correspondance demandée)\n"), out());

        out.reset();
        assertEquals(0, run("validate", file.toString(), "--schema", schema.toString(), "--colonne", "ident=id_site",
                "--colonne", "Remarques=", "--json"));
        JsonNode mapping = new ObjectMapper().readTree(out()).path("columnMapping");
        assertEquals("{\"column\":1,\"label\":\"ident\",\"field\":\"id_site\",\"how\":\"USER\",\"score\":null}",
                mapping.get(0).toString());
        assertEquals("USER", mapping.get(3).path("how").asText());
        assertTrue(mapping.get(3).path("field").isNull());
    }

    @Test
    void refusesAColumnMappingThatCannotServe(@TempDir Path dir) throws IOException {
        String valid = example("lieux-stationnement", "exemple-valide.csv");
        String schemas = ShippedSchemas.schemasDir().toString();

        assertUsageError("L'option --colonne attend « LIBELLÉ=CHAMP »", "validate", valid, "--colonne", "Lat");
        assertUsageError("L'option --colonne attend le nom de la colonne du fichier avant le signe =", "validate", valid,
                "--colonne", "=Ylat");
        assertUsageError("La colonne « Lat » est indiquée deux fois avec --colonne.", "validate", valid, "--colonne",
                "Lat=Ylat", "--colonne", "Lat=Xlong");
        assertUsageError("Correspondance de colonnes : le schéma « Lieux de stationnement » n'a pas de champ « latitude »",
                "validate", valid, "--schema", "lieux-stationnement", "--schemas-dir", schemas, "--colonne", "Lat=latitude");
    }

    @Test
    void writesTheAnnotatedFileAndTheFullErrorListWhenAsked(@TempDir Path dir) throws IOException {
        Path annotated = dir.resolve("annoté.xlsx");
        Path errors = dir.resolve("erreurs.csv");
        Path annotatedCsv = dir.resolve("annoté.csv");

        int exit = run("validate", example("lieux-stationnement", "exemple-invalide.csv"), "--schema", "lieux-stationnement",
                "--schemas-dir", ShippedSchemas.schemasDir().toString(), "--annote", annotated.toString(), "--erreurs",
                errors.toString());

        assertEquals(1, exit, err());
        assertTrue(out().contains("\nFichier annoté : " + annotated + "\n"), out());
        assertTrue(out().contains("\nListe complète des erreurs : " + errors + "\n"), out());
        assertTrue(out().contains("\nValidité par colonne : « id » 0,00 %, « num_siret » 0,00 %"), out());
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(annotated))) {
            assertEquals(3, book.getSheet("Erreurs").getLastRowNum(), "the three findings");
        }
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
        assertEquals("\uFEFFligne;colonne;code;valeur;message;conseil", lines.get(0));
        assertEquals(4, lines.size());

        assertEquals(1, run("validate", example("lieux-stationnement", "exemple-invalide.csv"), "--schema",
                "lieux-stationnement", "--schemas-dir", ShippedSchemas.schemasDir().toString(), "--annote",
                annotatedCsv.toString()));
        assertTrue(Files.readString(annotatedCsv).startsWith("\uFEFFerreurs;"));
        assertUsageError("L'option --annote attend un fichier .xlsx ou .csv : « annoté.ods ».", "validate", "f.csv",
                "--schema", "x", "--annote", "annoté.ods");
    }

    @Test
    void takesAThreadCapOfAtLeastOne() {
        String[] args = {"validate", example("lieux-stationnement", "exemple-invalide.csv"), "--json", "--schema",
                "lieux-stationnement", "--schemas-dir", ShippedSchemas.schemasDir().toString()};
        assertEquals(1, run(args));
        String report = out();
        for (String threads : List.of("1", "3")) {
            out.reset();
            String[] withThreads = java.util.Arrays.copyOf(args, args.length + 2);
            withThreads[args.length] = "--fils";
            withThreads[args.length + 1] = threads;
            assertEquals(1, run(withThreads), err());
            assertEquals(report, out());
        }
        assertUsageError("L'option --fils attend un nombre entier d'au moins 1 : « 0 ».", "validate", "f.csv",
                "--fils", "0");
        assertUsageError("L'option --fils attend un nombre entier d'au moins 1 : « deux ».", "validate", "f.csv",
                "--fils", "deux");
    }

    @Test
    void printsTheUsageOnRequest() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("Usage : validate FICHIER"), out());
        assertTrue(out().contains("Code de sortie : 0 si le fichier est conforme, 1 s'il ne l'est pas, 2 en cas d'erreur "
                + "d'utilisation."), out());
    }

    private void assertUsageError(String expectedStart, String... args) {
        out.reset();
        err.reset();
        assertEquals(2, run(args), () -> String.join(" ", args));
        assertTrue(err().startsWith(expectedStart), err());
        assertEquals("", out());
    }

    private int run(String... args) {
        return ValidateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String example(String schema, String file) {
        return ShippedSchemas.example(schema, file).toString();
    }
}
