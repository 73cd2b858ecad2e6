package fr.passerelle.quality.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON and GeoJSON read as tables; PDF, images, archives and other documents refused in French. */
class JsonAndRefusedFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAJsonArrayOfObjects() throws IOException {
        ArrayNode racks = JSON.createArrayNode();
        for (String id : new String[]{"STSI01", "STSI02"}) {
            ObjectNode rack = racks.addObject();
            rack.put("id_local", id);
            rack.putArray("coordonneesxy").add(5.7145295).add(45.191463);
            rack.put("capacite", 8);
            rack.put("type_accroche", "CADRE ET ROUE");
            rack.put("gratuit", true);
            rack.putNull("mobilier");
            rack.put("commentaires", Bicycles.COMMENT);
        }
        // Keys may come in any order and be missing from some objects.
        ObjectNode third = racks.addObject();
        third.put("capacite", 4.0);
        third.put("type_accroche", "ROUE");
        third.put("id_local", "STSI03");
        third.put("coordonneesxy", "[5.72,45.19]");

        Checked checked = Bicycles.run(JSON.writeValueAsBytes(racks));

        // The file names 7 of the schema's 21 fields: the others, all optional, are warnings; the rows are fine.
        assertEquals(Map.of(), checked.report().errorsByCode(), checked.report()::toString);
        assertEquals(14, checked.report().warnings().size());
        assertEquals(3, checked.report().rowCount());
        assertEquals(3, checked.report().validRowCount());
        assertEquals("STSI01,,,\"[5.7145295,45.191463]\",8,,CADRE ET ROUE,,,true,,,,,,,,,,,\"" + Bicycles.COMMENT + "\"",
                checked.cleanLines().get(1));
        assertTrue(checked.cleanLines().get(3).startsWith("STSI03,,,\"[5.72,45.19]\",4,,ROUE,"), checked::clean);
        assertTrue(checked.report().summary().contains("Fichier JSON lu"), checked.report()::summary);
    }

    @Test
    void readsAGeoJsonFeatureCollectionWithPointsIntoTheGeopointField() throws IOException {
        ObjectNode collection = JSON.createObjectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        int n = 0;
        for (double[] point : new double[][]{{5.7145295, 45.191463}, {2.3522, 48.8566}}) {
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            ObjectNode geometry = feature.putObject("geometry");
            geometry.put("type", "Point");
            geometry.putArray("coordinates").add(point[0]).add(point[1]);
            ObjectNode properties = feature.putObject("properties");
            for (Map.Entry<String, String> cell : Bicycles.rack("P-" + ++n, 6).entrySet()) {
                if (!cell.getKey().equals("coordonneesxy")) {
                    properties.put(cell.getKey(), cell.getValue());
                }
            }
        }

        Checked checked = Bicycles.run(JSON.writeValueAsBytes(collection));

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(2, checked.report().rowCount());
        assertTrue(checked.cleanLines().get(1).startsWith("P-1,,,\"[5.7145295,45.191463]\",6,"), checked::clean);
        assertTrue(checked.cleanLines().get(2).startsWith("P-2,,,\"[2.3522,48.8566]\",6,"), checked::clean);
    }

    @Test
    void putsPointsInLongitudeAndLatitudeFieldsWhenTheSchemaHasNoGeopoint() {
        var schema = TestSchemas.parse("""
                {"fields": [
                  {"name": "nom", "type": "string", "constraints": {"required": true}},
                  {"name": "longitude", "type": "number", "constraints": {"required": true}},
                  {"name": "latitude", "type": "number", "constraints": {"required": true}}
                ]}""");
        String geojson = """
                {"type": "FeatureCollection", "name": "bornes", "features": [
                  {"type": "Feature", "properties": {"nom": "Mairie"}, "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}},
                  {"type": "Feature", "properties": {"nom": "Gare"}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}
                ]}""";

        Checked checked = Checked.run(schema, geojson);

        assertEquals(java.util.List.of("nom,longitude,latitude", "Mairie,2.35,48.85", "Gare,,"), checked.cleanLines());
        assertEquals(2, checked.errors(ErrorCode.CONSTRAINT_ERROR).size(), "the line has no point: both required cells empty");
        assertEquals(3, checked.errors(ErrorCode.CONSTRAINT_ERROR).get(0).rowNumber());
    }

    @Test
    void aMalformedJsonFileIsAClearError() {
        byte[] broken = "[{\"id_local\": \"STSI01\", \"capacite\": 8}, {\"id_local\": ".getBytes(StandardCharsets.UTF_8);

        Checked checked = Bicycles.run(broken);

        assertEquals(Verdict.INVALID, checked.report().verdict());
        ValidationError error = checked.errors(ErrorCode.SOURCE_ERROR).get(0);
        assertTrue(error.message().startsWith("Le fichier JSON est mal formé à l'objet n°2"), error::message);
        assertEquals(1, checked.report().rowCount(), "the object before is checked");
    }

    @Test
    void aJsonObjectThatIsNoFeatureCollectionIsRefused() {
        Checked checked = Bicycles.run("{\"id_local\": \"STSI01\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals(ErrorCode.UNREADABLE_FILE, checked.onlyError().code());
        assertTrue(checked.onlyError().message().startsWith("Le fichier JSON n'est ni une liste d'objets"),
                checked.onlyError()::message);
    }

    @Test
    void refusesAPdf() {
        assertRefused("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1),
                "Le fichier est un document PDF");
    }

    @Test
    void refusesImages() {
        assertRefused(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                "Le fichier est une image");
        assertRefused(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0},
                "Le fichier est une image");
        assertRefused("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), "Le fichier est une image");
    }

    @Test
    void refusesAZipThatIsNoWorkbook() throws IOException {
        assertRefused(zip(Map.of("arceaux.csv", Bicycles.csv(',', "\n", Bicycles.rack("A-1", 8)))),
                "Le fichier est une archive ZIP qui n'est pas un classeur Excel");
    }

    @Test
    void refusesAnOdsSpreadsheetAskingForXlsxOrCsv() throws IOException {
        ValidationError error = assertRefused(zip(Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml", "<office:document-content/>")), "Le fichier est un classeur LibreOffice (ODS)");
        assertTrue(error.message().contains("enregistrez-le en XLSX ou CSV"), error::message);
    }

    @Test
    void refusesABinaryWorkbookAskingForXlsxOrCsv() throws IOException {
        ValidationError error = assertRefused(zip(Map.of("[Content_Types].xml", "<Types/>", "xl/workbook.bin", "\u0083")),
                "Le fichier est un classeur Excel binaire (XLSB)");
        assertTrue(error.message().contains("enregistrez-le en XLSX ou CSV"), error::message);
    }

    @Test
    void anEmptyJsonArrayHoldsNoTable() {
        Checked checked = Bicycles.run("[ ]".getBytes(StandardCharsets.UTF_8));

        assertEquals(Map.of("empty-file", 1L), checked.report().errorsByCode(), checked.report()::toString);
        assertEquals(Verdict.INVALID, checked.report().verdict());
    }

    @Test
    void refusesWordDocuments() throws IOException {
        assertRefused(zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>")),
                "Le fichier est un document Word");
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[8192]), "WordDocument");
            fs.writeFilesystem(doc);
        }
        assertRefused(doc.toByteArray(), "Le fichier est un document Word");
    }

    private static ValidationError assertRefused(byte[] content, String messageStart) {
        Checked checked = Bicycles.run(content);

        assertEquals(Verdict.INVALID, checked.report().verdict());
        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.UNREADABLE_FILE, error.code());
        assertEquals(0, error.rowNumber());
        assertTrue(error.message().startsWith(messageStart), error::message);
        assertTrue(checked.report().summary().contains(messageStart), checked.report()::summary);
        assertEquals(1, checked.cleanLines().size(), "the clean file holds the schema's header only");
        return error;
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
