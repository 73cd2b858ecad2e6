package fr.passerelle.quality.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.cli.ValidateCommand;
import org.junit.jupiter.api.BeforeEach;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code validate … [--donnees-personnelles COLONNE=ACTION]… [--sel SEL]}, run in-process. */
class ValidateCommandPrivacyTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;
    private Path schema;
    private Path file;

    @BeforeEach
    void writeSchemaAndFile() throws IOException {
        schema = dir.resolve("schema.json");
        Files.writeString(schema, """
                {"name": "annuaire", "title": "Annuaire", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "referent", "type": "string"},
                  {"name": "telephone", "type": "string"}
                ]}
                """);
        file = dir.resolve("annuaire.csv");
        Files.writeString(file, "id,referent,telephone\nE1,jean.dupont@gmail.com,01 23 45 67 89\n"
                + "E2,accueil@ville-exemple.fr,01 23 45 67 80\n");
    }

    @Test
    void aFileWithPersonalDataExitsWithThreeAndPrintsTheMaskedFindings() {
        int exit = run("validate", file.toString(), "--schema", schema.toString());

        assertEquals(ValidateCommand.BLOCKED, exit, err());
        assertEquals(3, exit);
        String text = out();
        assertTrue(text.contains("\nDonnées personnelles (publication bloquée) :\n"
                + "  La colonne « referent » contient 1 adresse électronique de personne (par exemple « j***@gmail.com »).\n"),
                text);
        assertTrue(text.contains("--donnees-personnelles \"referent=supprimer\""), text);
        assertFalse(text.contains("jean.dupont"), text);
    }

    @Test
    void aDecisionUnblocksAndIsAppliedToTheCleanCsv() throws IOException {
        Path clean = dir.resolve("propre.csv");

        int exit = run("validate", file.toString(), "--schema", schema.toString(), "--fix", clean.toString(),
                "--donnees-personnelles", "referent=masquer");

        assertEquals(0, exit, out() + err());
        assertEquals(List.of("id,referent,telephone", "E1,j***@gmail.com,01 23 45 67 89", "E2,a***@ville-exemple.fr,01 23 45 67 80"),
                Files.readAllLines(clean, StandardCharsets.UTF_8));
        assertTrue(out().contains("Décisions appliquées au fichier nettoyé :\n  colonne « referent » : masquée\n"), out());
    }

    @Test
    void theJsonReportCarriesFindingsAndDecisions() throws IOException {
        int exit = run("validate", file.toString(), "--schema", schema.toString(), "--json",
                "--donnees-personnelles", "referent=hacher", "--sel", "secret");

        assertEquals(0, exit, err());
        JsonNode report = new ObjectMapper().readTree(out());
        assertEquals("VALID", report.path("verdict").asText());
        assertEquals("hash", report.path("privacyDecisions").path("referent").asText());
        assertEquals("hash", report.path("personalData").path(0).path("decision").asText());
        assertEquals(1, report.path("personalData").path(0).path("count").asLong());
    }

    @Test
    void hashingWithoutSelIsAUsageError() {
        int exit = run("validate", file.toString(), "--schema", schema.toString(), "--donnees-personnelles", "referent=hacher");

        assertEquals(2, exit);
        assertTrue(err().startsWith("Pour hacher une colonne, indiquez aussi --sel"), err());
    }

    @Test
    void anUnknownActionOrAMissingColumnNameIsAUsageError() {
        assertEquals(2, run("validate", file.toString(), "--schema", schema.toString(), "--donnees-personnelles",
                "referent=effacer"));
        assertTrue(err().startsWith("Action « effacer » inconnue pour la colonne « referent » : choisissez supprimer, "
                + "masquer, hacher ou publique."), err());
        err.reset();

        assertEquals(2, run("validate", file.toString(), "--schema", schema.toString(), "--donnees-personnelles",
                "supprimer"));
        assertTrue(err().startsWith("--donnees-personnelles attend COLONNE=ACTION"), err());
    }

    @Test
    void theUsageTextDocumentsTheOptionsAndExitCodeThree() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("--donnees-personnelles COLONNE=ACTION"), out());
        assertTrue(out().contains("--sel SEL"), out());
        assertTrue(out().contains("Code de sortie 3 : le fichier est bloqué par des données personnelles"), out());
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
}
