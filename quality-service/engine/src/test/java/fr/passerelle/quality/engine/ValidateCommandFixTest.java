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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code validate FICHIER --schema … --fix SORTIE.csv [--sans-correction]}: fixing from the command line. */
class ValidateCommandFixTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path file;
    private Path schema;
    private Path fixed;

    @BeforeEach
    void writeAFrenchExport() throws IOException {
        file = dir.resolve("equipements.csv");
        Files.writeString(file, "id;nom;ouverture;tarif\n1;Salle;13/03/2021;12,5\n2;Gymnase;01/02/2021;3\n\n"
                + "2;Gymnase;01/02/2021;3\n");
        schema = dir.resolve("equipements.json");
        Files.writeString(schema, "{\"title\": \"Équipements\", \"fields\": [{\"name\": \"id\"}, {\"name\": \"nom\"}, "
                + "{\"name\": \"ouverture\", \"type\": \"date\"}, {\"name\": \"tarif\", \"type\": \"number\"}]}");
        fixed = dir.resolve("corrige.csv");
    }

    @Test
    void fixWritesTheFixedFileAndListsEachFix() throws IOException {
        int exit = run("validate", file.toString(), "--schema", schema.toString(), "--fix", fixed.toString());

        assertEquals(0, exit, out() + err());
        assertEquals(List.of("id,nom,ouverture,tarif", "1,Salle,2021-03-13,12.5", "2,Gymnase,2021-02-01,3"),
                Files.readAllLines(fixed, StandardCharsets.UTF_8));
        String text = out();
        assertTrue(text.contains("5 corrections automatiques : dates au format ISO (2), nombres (virgule décimale, "
                + "séparateurs de milliers) (1), lignes vides supprimées (1), lignes en double supprimées (1)."), text);
        assertTrue(text.contains("\nCorrections automatiques :\n  Les dates écrites jour/mois/année ou en toutes lettres de "
                + "la colonne « ouverture » ont été réécrites au format du schéma (AAAA-MM-JJ). (date-format, 2 fois)\n"
                + "    Ligne 2 : « 13/03/2021 » → « 2021-03-13 »\n"), text);
        assertTrue(text.contains("    Ligne 4\n"), text);
    }

    @Test
    void withoutFixTheFileIsOnlyValidated() {
        int exit = run("validate", file.toString(), "--schema", schema.toString());

        assertEquals(1, exit);
        assertTrue(!out().contains("Corrections automatiques"), out());
    }

    @Test
    void sansCorrectionWritesTheCleanFileAsRead() throws IOException {
        int exit = run("validate", file.toString(), "--schema", schema.toString(), "--fix", fixed.toString(),
                "--sans-correction");

        assertEquals(1, exit);
        assertTrue(Files.readAllLines(fixed, StandardCharsets.UTF_8).contains("1,Salle,13/03/2021,\"12,5\""));
    }

    @Test
    void sansCorrectionAloneIsAUsageError() {
        assertEquals(2, run("validate", file.toString(), "--schema", schema.toString(), "--sans-correction"));
        assertTrue(err().startsWith("L'option --sans-correction s'emploie avec --fix SORTIE.csv."), err());
    }

    @Test
    void theJsonReportHoldsTheFixesAndSuggestions() throws IOException {
        Files.writeString(file, "id;nom;ouverture;tarif\n1;Salle;13/02/2021;1,234\n2;Gymnase;02/13/2021;12\n");

        int exit = run("validate", file.toString(), "--schema", schema.toString(), "--fix", fixed.toString(), "--json");

        assertEquals(1, exit);
        JsonNode report = new ObjectMapper().readTree(out());
        assertEquals(1, report.path("fixes").size(), report.toPrettyString());
        assertEquals("decimal-comma", report.path("fixes").path(0).path("code").asText());
        JsonNode suggestion = report.path("suggestions").path(0);
        assertEquals("date-format", suggestion.path("code").asText());
        assertEquals("ouverture", suggestion.path("field").asText());
        assertEquals(2, suggestion.path("count").asLong());
        assertEquals(1, report.path("suggestions").size());
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
