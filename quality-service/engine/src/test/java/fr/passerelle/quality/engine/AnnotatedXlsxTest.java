package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.annotate.AnnotationFormat;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The annotated workbook, read back with POI. */
class AnnotatedXlsxTest {

    /** Columns of « Fichier annoté »: ligne, erreurs, then the schema's fields, then the file's other columns. */
    private static final List<String> EXPECTED_HEADER = List.of("ligne", "erreurs", "id", "nom", "capacite", "ouverture",
            "gratuit", "tarif", "contact", "remarque");
    private static final Pattern LINK = Pattern.compile("HYPERLINK\\(\"#'Fichier annoté'!([A-Z]+[0-9]+)\",\"\\1\"\\)");

    private static final String FILE = """
            remarque,id,nom,capacite,ouverture,gratuit,tarif,contact
            bien,E-1,Salle,10,2024-03-01,true,12.5,a@ville.fr
            note,E-2,Salle,beaucoup,2024-03-01,true,12.5,a@ville.fr
            x,E-3,,10,pas une date,true,12.5,a@ville.fr
            court,E-4,Salle
            """;

    @Test
    void marksExactlyTheBadCellsWithTheirMessageAndHint() throws IOException {
        Annotated annotated = Annotated.run(TestSchemas.equipements(), FILE, AnnotationFormat.XLSX);

        try (XSSFWorkbook book = annotated.workbook()) {
            Sheet data = book.getSheet("Fichier annoté");
            List<String> header = new ArrayList<>();
            data.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertEquals(EXPECTED_HEADER, header, "schema columns first, the unknown one kept after them");
            assertEquals("bien", Annotated.text(data, 1, 9), "the unknown column's cells are kept");
            assertEquals("2", Annotated.text(data, 1, 0), "the row's number in the file sent");

            Map<String, String> red = Annotated.redCells(data);
            // remarque (unknown label); capacite on row 3; nom and ouverture on row 4; on row 5 the missing cells
            // from capacite on, and the row's marker.
            assertEquals(List.of("J1", "E3", "D4", "F4", "B5", "E5", "F5", "G5", "H5", "I5"), List.copyOf(red.keySet()));
            ValidationError capacity = only(annotated, ErrorCode.TYPE_ERROR, 3);
            assertEquals(capacity.message() + "\n→ " + capacity.hint(), red.get("E3"));
            ValidationError unknown = annotated.report().warnings().get(0);
            assertEquals(ErrorCode.EXTRA_LABEL, unknown.code(), "the unknown column is a warning, marked all the same");
            assertEquals(unknown.message() + "\n→ " + unknown.hint(), red.get("J1"));
            assertTrue(red.get("F4").startsWith("La valeur « pas une date » de la colonne « ouverture »"), red.get("F4"));
            assertTrue(red.get("E5").startsWith("La ligne s'arrête avant la colonne « capacite »"), red.get("E5"));
            assertNull(red.get("B5"), "the row marker holds its messages as text, not as a comment");
            assertTrue(Annotated.text(data, 4, 1).contains("La ligne s'arrête avant la colonne « contact »"),
                    Annotated.text(data, 4, 1));
            assertEquals("2 cellules en erreur", Annotated.text(data, 3, 1));
            assertEquals("", Annotated.text(data, 1, 1), "a valid row has no marker");
        }
    }

    @Test
    void listsEveryFindingWithALinkToItsCell() throws IOException {
        Annotated annotated = Annotated.run(TestSchemas.equipements(), FILE, AnnotationFormat.XLSX);

        try (XSSFWorkbook book = annotated.workbook()) {
            assertEquals(List.of("Fichier annoté", "Erreurs", "À lire"),
                    List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)));
            Sheet errors = book.getSheet("Erreurs");
            Sheet data = book.getSheet("Fichier annoté");
            // The header's warnings come first (row 1), then the errors in file order.
            List<ValidationError> findings = new ArrayList<>(annotated.report().warnings());
            findings.addAll(annotated.report().samples());
            assertEquals(findings.size(), errors.getLastRowNum(), "one line per finding after the header");
            for (int i = 1; i <= errors.getLastRowNum(); i++) {
                Row line = errors.getRow(i);
                ValidationError finding = findings.get(i - 1);
                assertEquals(finding.message(), line.getCell(4).getStringCellValue());
                assertEquals(finding.hint(), line.getCell(5).getStringCellValue());
                assertEquals(finding.code().code(), line.getCell(2).getStringCellValue());
                Cell link = line.getCell(6);
                assertEquals(CellType.FORMULA, link.getCellType());
                Matcher matcher = LINK.matcher(link.getCellFormula());
                assertTrue(matcher.matches(), link.getCellFormula());
                CellReference target = new CellReference(matcher.group(1));
                Cell cell = data.getRow(target.getRow()).getCell(target.getCol());
                assertTrue(Annotated.isRed(cell), "the link of " + finding + " leads to a marked cell");
                assertEquals(String.valueOf(finding.rowNumber()), target.getRow() == 0 ? "1"
                        : Annotated.text(data, target.getRow(), 0), "the link leads to the finding's row");
            }
        }
    }

    @Test
    void passerelleReadsItsOwnAnnotatedFileBackOnceCorrected() throws IOException {
        String file = TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Salle,10,2024-03-01,true,12.5,a@ville.fr\n"
                + "E-2,Gymnase,beaucoup,,false,,\n";
        Annotated annotated = Annotated.run(TestSchemas.equipements(), file, AnnotationFormat.XLSX);
        byte[] corrected;
        try (XSSFWorkbook book = annotated.workbook()) {
            // The clerk corrects the red cell in the annotated workbook and sends it back as it is.
            Sheet data = book.getSheet("Fichier annoté");
            // (a new cell, as a spreadsheet writes it: POI keeps the inline text of an edited streamed cell)
            org.apache.poi.ss.usermodel.Row row = data.getRow(2);
            row.removeCell(row.getCell(4));
            row.createCell(4).setCellValue("200");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            corrected = out.toByteArray();
        }

        Checked checked = Checked.run(TestSchemas.equipements(), corrected);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report().samples().toString());
        assertTrue(checked.report().warnings().isEmpty(), "no column of Passerelle's own is named: "
                + checked.report().warnings());
        assertEquals(List.of(TestSchemas.EQUIPEMENTS_HEADER, "E-1,Salle,10,2024-03-01,true,12.5,a@ville.fr",
                "E-2,Gymnase,200,,false,,"), checked.cleanLines());
        assertTrue(checked.report().summary().contains("Fichier annoté par Passerelle reconnu"), checked.report().summary());
        assertFalse(checked.report().summary().contains("Envoyez-les à part"), "its own sheets are not the clerk's to send");
    }

    @Test
    void showsAnAbsentSchemaColumnAsAnEmptyMarkedColumn() throws IOException {
        String file = "id,nom,capacite,ouverture,gratuit,tarif\nE-1,Salle,10,2024-03-01,true,12.5\n";

        Annotated annotated = Annotated.run(TestSchemas.equipements(), file, AnnotationFormat.XLSX);

        try (XSSFWorkbook book = annotated.workbook()) {
            Sheet data = book.getSheet("Fichier annoté");
            assertEquals("contact", Annotated.text(data, 0, 8));
            assertEquals("", Annotated.text(data, 1, 8));
            Map<String, String> red = Annotated.redCells(data);
            assertEquals(List.of("I1"), List.copyOf(red.keySet()));
            assertTrue(red.get("I1").startsWith("La colonne facultative « contact » est absente"), red.get("I1"));
        }
    }

    @Test
    void aValidFileGivesAWorkbookWithoutMarks() throws IOException {
        String file = TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Salle,10,2024-03-01,true,12.5,a@ville.fr\n"
                + "E-2,Gymnase,200,,false,,\n";

        Annotated annotated = Annotated.run(TestSchemas.equipements(), file, AnnotationFormat.XLSX);

        assertEquals(Verdict.VALID, annotated.report().verdict());
        try (XSSFWorkbook book = annotated.workbook()) {
            Sheet data = book.getSheet("Fichier annoté");
            assertEquals(2, data.getLastRowNum());
            assertEquals("Gymnase", Annotated.text(data, 2, 3));
            assertEquals(Map.of(), Annotated.redCells(data));
            for (Row row : data) {
                for (Cell cell : row) {
                    assertNull(cell.getCellComment(), cell.getAddress().formatAsString());
                }
            }
            assertEquals("", Annotated.text(data, 1, 1) + Annotated.text(data, 2, 1), "no row marker");
            assertEquals(0, book.getSheet("Erreurs").getLastRowNum(), "only the header");
            assertEquals(0, book.getActiveSheetIndex(), "opens on the annotated file: nothing was left out");
        }
    }

    @Test
    void marksTheRowsOfACompiledWorkbookInTheirSheet() throws IOException {
        var badRack = Bicycles.rack("S-2", 4);
        badRack.put("capacite", "quatre");
        byte[] xlsx = WorkbookReadingTest.workbook(XSSFWorkbook::new, book -> {
            WorkbookReadingTest.fill(book.createSheet("Nord"), 0, Bicycles.rack("N-1", 8), Bicycles.rack("N-2", 6));
            WorkbookReadingTest.fill(book.createSheet("Sud"), 0, Bicycles.rack("S-1", 10), badRack);
        });

        Annotated annotated = Annotated.run(Bicycles.schema(), xlsx, AnnotationFormat.XLSX);

        ValidationError capacity = only(annotated, ErrorCode.TYPE_ERROR, 3);
        assertTrue(capacity.message().startsWith("Feuille « Sud » : "), capacity.message());
        try (XSSFWorkbook book = annotated.workbook()) {
            Sheet data = book.getSheet("Fichier annoté");
            assertEquals(4, data.getLastRowNum(), "the four racks of both sheets");
            List<String> header = new ArrayList<>();
            data.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            int sheetColumn = header.indexOf("_feuille");
            int capacityColumn = header.indexOf("capacite");
            assertTrue(sheetColumn > capacityColumn, "the sheet column is kept, after the schema's: " + header);
            assertEquals("Sud", Annotated.text(data, 4, sheetColumn));
            assertEquals("3", Annotated.text(data, 4, 0), "numbered within its sheet");
            String address = new CellReference(4, capacityColumn).formatAsString(false);
            assertEquals(Map.of(address, capacity.message() + "\n→ " + capacity.hint()), Annotated.redCells(data));
        }
    }

    @Test
    void listsFindingsOnNoWrittenRowWithoutALink() throws IOException {
        String file = TestSchemas.EQUIPEMENTS_HEADER + "\n\nE-1,Salle,10,2024-03-01,true,12.5,a@ville.fr\n";

        Annotated annotated = Annotated.run(TestSchemas.equipements(), file, AnnotationFormat.XLSX);

        only(annotated, ErrorCode.BLANK_ROW, 2);
        try (XSSFWorkbook book = annotated.workbook()) {
            Sheet errors = book.getSheet("Erreurs");
            assertEquals(1, errors.getLastRowNum());
            assertEquals("blank-row", errors.getRow(1).getCell(2).getStringCellValue());
            assertNull(errors.getRow(1).getCell(6), "a blank row is not in the annotated sheet");
            assertEquals(Map.of(), Annotated.redCells(book.getSheet("Fichier annoté")));
        }
    }

    @Test
    void anUnreadableFileStillGivesAWorkbook() throws IOException {
        Annotated annotated = Annotated.run(TestSchemas.equipements(), new byte[0], AnnotationFormat.XLSX);

        try (XSSFWorkbook book = annotated.workbook()) {
            Sheet errors = book.getSheet("Erreurs");
            assertEquals(1, errors.getLastRowNum());
            assertEquals("empty-file", errors.getRow(1).getCell(2).getStringCellValue());
            assertNotNull(book.getSheet("Fichier annoté"));
            assertFalse(Annotated.text(book.getSheet("À lire"), 0, 0).isEmpty());
        }
    }

    private static ValidationError only(Annotated annotated, ErrorCode code, long row) {
        List<ValidationError> found = annotated.report().samples().stream()
                .filter(error -> error.code() == code && error.rowNumber() == row).toList();
        assertEquals(1, found.size(), annotated.report()::toString);
        return found.get(0);
    }
}
