package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.detection.SchemaCandidate;
import fr.passerelle.quality.engine.detection.SchemaDetection;
import fr.passerelle.quality.engine.detection.SchemaDetector;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.QualityReport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a schema named, the catalogue's schema whose fields the header holds is chosen. */
class SchemaDetectionTest {

    @ParameterizedTest
    @CsvSource({
            "irve-statique, exemple-valide-statique.csv, IRVE statique",
            "lieux-stationnement, exemple-valide.csv, Lieux de stationnement",
            "lieux-stationnement, exemple-invalide.csv, Lieux de stationnement",
            "stationnement-cyclable, exemple-valide.csv, Stationnement cyclable"})
    void eachNationalExampleIsFoundToFollowItsSchema(String schema, String example, String title) throws IOException {
        SchemaDetection detection = detect(ShippedSchemas.example(schema, example));

        assertEquals(schema, detection.chosenSchema(), detection::toString);
        SchemaCandidate best = detection.ranked().get(0);
        assertEquals(100, best.recognisedPercent());
        assertEquals(1.0, best.score());
        assertEquals("Aucun schéma n'était indiqué : le fichier ressemble au schéma « " + title + " » (100 % des champs "
                + "reconnus).", detection.message());
        for (SchemaCandidate other : detection.ranked().subList(1, detection.ranked().size())) {
            assertTrue(other.score() < 0.3, () -> "the others are far below the threshold: " + other);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "irve-statique, exemple-valide-statique.csv",
            "lieux-stationnement, exemple-valide.csv",
            "stationnement-cyclable, exemple-valide.csv"})
    void aRespeltHeaderUnderATitleInWindows1252IsFoundToo(String schema, String example, @TempDir Path dir)
            throws IOException {
        List<String> lines = Files.readAllLines(ShippedSchemas.example(schema, example), StandardCharsets.UTF_8);
        List<String> labels = new ArrayList<>();
        for (String label : lines.get(0).split(",")) {
            labels.add(respelt(label));
        }
        Path file = dir.resolve("export.csv");
        String content = "Export du SIG — mise à jour 2024;;\n\n" + String.join(";", labels) + "\n";
        Files.write(file, content.getBytes(Charset.forName("windows-1252")));

        SchemaDetection detection = detect(file);

        assertEquals(schema, detection.chosenSchema(), () -> labels + " → " + detection);
        assertEquals(100, detection.ranked().get(0).recognisedPercent());
    }

    /** "code_insee_commune" → "Code Insée Commune", "id" → "ID": what a spreadsheet user makes of a name. */
    private static String respelt(String name) {
        if (name.length() <= 3) {
            return name.toUpperCase(Locale.ROOT);
        }
        StringBuilder label = new StringBuilder();
        for (String word : name.split("_")) {
            label.append(label.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return label.toString().replace("insee", "insée").replace("acces", "accès").replace("Acces", "Accès");
    }

    @Test
    void aFileMatchingNothingNamesTheThreeClosestSchemas(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("inventaire.csv");
        Files.writeString(file, "couleur,poids,taille,matière,id\nrouge,3,5,bois,1\n");

        SchemaDetection detection = detect(file);

        assertNull(detection.chosenSchema());
        assertFalse(detection.chosen().isPresent());
        // The ranking keeps at most five schemas (the whole catalogue when it is smaller); the message names three.
        int tableSchemas = ShippedSchemas.catalog().schemas().size();
        assertEquals(Math.min(SchemaDetector.MAX_CANDIDATES, tableSchemas), detection.ranked().size());
        assertEquals(3, detection.message().split("% des champs reconnus\\)").length - 1, detection.message());
        assertTrue(detection.ranked().get(0).score() < SchemaDetector.DEFAULT_THRESHOLD);
        assertTrue(detection.message().startsWith("Aucun schéma n'était indiqué et le fichier ne ressemble assez à aucun "
                + "schéma du catalogue. Les plus proches sont « "), detection.message());
        for (SchemaCandidate candidate : detection.ranked().subList(0, 3)) {
            assertTrue(detection.message().contains("« " + candidate.title() + " » (" + candidate.name() + ", "
                    + candidate.recognisedPercent() + " % des champs reconnus)"), detection.message());
        }
        assertTrue(detection.message().endsWith(". Indiquez le schéma à utiliser, ou renommez les colonnes comme dans "
                + "le schéma."), detection.message());
    }

    @Test
    void theThresholdIsAParameter() throws IOException {
        Path example = ShippedSchemas.example("lieux-stationnement", "exemple-valide.csv");

        SchemaDetection strict = SchemaDetector.detect(example, ReadOptions.defaults(), ShippedSchemas.catalog(), 1.01);

        assertNull(strict.chosenSchema());
        assertEquals(1.01, strict.threshold());
        assertEquals("lieux-stationnement", strict.ranked().get(0).name(), "still ranked first");
    }

    @Test
    void unknownColumnsLowerTheScore(@TempDir Path dir) throws IOException {
        List<String> labels = new ArrayList<>(List.of(Files.readAllLines(
                ShippedSchemas.example("stationnement-cyclable", "exemple-valide.csv")).get(0).split(",")));
        int known = labels.size();
        for (int i = 0; i < known; i++) {
            labels.add("colonne_interne_" + (char) ('a' + i));
        }
        Path file = dir.resolve("arceaux.csv");
        Files.writeString(file, String.join(",", labels) + "\n");

        SchemaCandidate best = detect(file).ranked().get(0);

        assertEquals("stationnement-cyclable", best.name());
        assertEquals(100, best.recognisedPercent());
        assertEquals(labels.size() / 2, best.unknownColumns());
        assertEquals(0.75, best.score(), "half the columns unknown: a quarter off");
    }

    @Test
    void aWorkbookHeaderUnderATitleIsRead(@TempDir Path dir) throws IOException {
        List<String> labels = List.of(Files.readAllLines(
                ShippedSchemas.example("stationnement-cyclable", "exemple-valide.csv")).get(0).split(","));
        Path file = dir.resolve("arceaux");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Arceaux 2024");
            sheet.createRow(0).createCell(0).setCellValue("Inventaire des arceaux vélo");
            Row header = sheet.createRow(2);
            for (int i = 0; i < labels.size(); i++) {
                header.createCell(i).setCellValue(respelt(labels.get(i)));
            }
            try (var out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }

        SchemaDetection detection = detect(file);

        assertEquals("stationnement-cyclable", detection.chosenSchema(), detection::toString);
        assertEquals(labels.size(), detection.ranked().get(0).matchedFields());
    }

    @Test
    void aJsonFileIsReadByItsKeys(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("parkings.json");
        Files.writeString(file, "[{\"id\": \"1\", \"nom\": \"Gare\", \"insee\": \"75114\", \"adresse\": \"1 rue\", "
                + "\"type_usagers\": \"tous\", \"gratuit\": true, \"nb_places\": 3, \"hauteur_max\": \"2\", "
                + "\"num_siret\": \"x\", \"Xlong\": 1, \"Ylat\": 2}]");

        assertEquals("lieux-stationnement", detect(file).chosenSchema());
    }

    @Test
    void aFileWithoutReadableHeaderSaysWhy(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vide.csv");
        Files.writeString(file, "");

        SchemaDetection detection = detect(file);

        assertNull(detection.chosenSchema());
        assertTrue(detection.ranked().isEmpty());
        assertEquals("Aucun schéma n'était indiqué et les noms de colonnes du fichier n'ont pas pu être lus pour le "
                + "trouver : Le fichier est vide.", detection.message());
    }

    @Test
    void theReportTellsHowItsSchemaWasFound() throws IOException {
        Path example = ShippedSchemas.example("stationnement-cyclable", "exemple-valide.csv");
        SchemaDetection detection = detect(example);

        QualityReport report = QualityCheck.of(ShippedSchemas.schema(detection.chosenSchema()))
                .withSchemaDetection(detection).run(example, new ByteArrayOutputStream());

        assertEquals(detection, report.schemaDetection());
        assertEquals("Aucun schéma n'était indiqué : le fichier ressemble au schéma « Stationnement cyclable » (100 % des "
                + "champs reconnus). Le fichier est conforme au schéma « Stationnement cyclable » : 1 ligne, aucune erreur.",
                report.summary());
    }

    private static SchemaDetection detect(Path file) throws IOException {
        return SchemaDetector.detect(file, ReadOptions.defaults(), ShippedSchemas.catalog());
    }
}
