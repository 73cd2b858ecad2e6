package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XLSX and XLS workbooks, generated here with POI: never a binary fixture in the repository. */
class WorkbookReadingTest {

    @Test
    void compilesTheSheetsSharingTheHeaderAndListsTheOthers() {
        byte[] xlsx = workbook(XSSFWorkbook::new, book -> {
            fill(book.createSheet("Nord"), 0, Bicycles.rack("N-1", 8), Bicycles.rack("N-2", 6));
            fill(book.createSheet("Sud"), 0, Bicycles.rack("S-1", 10));
            Sheet notes = book.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue("Remarques");
            notes.createRow(1).createCell(0).setCellValue("Données saisies par le service voirie");
        });

        Checked checked = Bicycles.run(xlsx);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(3, checked.report().rowCount());
        assertEquals("", checked.report().encoding());
        assertTrue(checked.errors(ErrorCode.EXTRA_LABEL).isEmpty(), "the sheet column is known");
        String summary = checked.report().summary();
        assertTrue(summary.contains("les feuilles « Nord », « Sud » ont été réunies"), summary);
        assertTrue(summary.contains("La feuille « Notes » a été ignorée : ses colonnes diffèrent"), summary);
        assertEquals(4, checked.cleanLines().size());
        assertFalse(checked.clean().contains(TableSource.SHEET_COLUMN), "not written to the clean CSV");
        assertFalse(checked.clean().contains("Nord"));
        assertTrue(checked.cleanLines().get(3).startsWith("S-1,"), checked::clean);
    }

    @Test
    void writesTheSheetColumnToTheCleanCsvWhenAsked() {
        byte[] xlsx = workbook(XSSFWorkbook::new, book -> {
            fill(book.createSheet("Nord"), 0, Bicycles.rack("N-1", 8));
            fill(book.createSheet("Sud"), 0, Bicycles.rack("S-1", 10));
        });

        Checked checked = Bicycles.run(ReadOptions.defaults().withSheetColumn(), xlsx);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        List<String> lines = checked.cleanLines();
        assertTrue(lines.get(0).endsWith(",commentaires," + TableSource.SHEET_COLUMN), lines::toString);
        assertTrue(lines.get(1).startsWith("N-1,") && lines.get(1).endsWith(",Nord"), lines::toString);
        assertTrue(lines.get(2).startsWith("S-1,") && lines.get(2).endsWith(",Sud"), lines::toString);
    }

    @Test
    void anErrorInACompiledWorkbookNamesItsSheet() {
        Map<String, String> wrong = Bicycles.rack("S-1", 10);
        wrong.put("type_accroche", "GUIDON");
        byte[] xlsx = workbook(XSSFWorkbook::new, book -> {
            fill(book.createSheet("Nord"), 0, Bicycles.rack("N-1", 8));
            fill(book.createSheet("Sud"), 0, wrong);
        });

        Checked checked = Bicycles.run(xlsx);

        ValidationError error = checked.onlyError();
        assertEquals(2, error.rowNumber(), "the row as the sheet shows it");
        assertEquals("type_accroche", error.field());
        assertTrue(error.message().startsWith("Feuille « Sud » : La valeur « GUIDON »"), error::message);
    }

    @Test
    void compilesAndChoosesTheSheetsOfAnXlsWorkbookToo() {
        byte[] xls = workbook(HSSFWorkbook::new, book -> {
            fill(book.createSheet("Nord"), 0, Bicycles.rack("N-1", 8));
            fill(book.createSheet("Sud"), 0, Bicycles.rack("S-1", 10), Bicycles.rack("S-2", 12));
        });

        Checked all = Bicycles.run(xls);
        Checked south = Bicycles.run(ReadOptions.sheet(" sud "), xls);

        assertEquals(Verdict.VALID, all.report().verdict(), all.report()::toString);
        assertEquals(3, all.report().rowCount());
        assertTrue(all.report().summary().contains("Classeur XLS : les feuilles « Nord », « Sud » ont été réunies"),
                all.report()::summary);
        assertEquals(2, south.report().rowCount());
        assertTrue(south.cleanLines().get(1).startsWith("S-1,"), south::clean);
    }

    @Test
    void leavesOutTheColumnsASheetHidesAndNamesThem() {
        for (Supplier<Workbook> kind : List.<Supplier<Workbook>>of(XSSFWorkbook::new, HSSFWorkbook::new)) {
            byte[] book = workbook(kind, workbook -> {
                Sheet sheet = workbook.createSheet("Arceaux");
                fill(sheet, 0, Bicycles.rack("A-1", 8), Bicycles.rack("A-2", 6));
                // A working column slipped in as the second column, then hidden: the columns after it shift back.
                int width = Bicycles.header().size();
                for (int r = 0; r <= 2; r++) {
                    Row row = sheet.getRow(r);
                    for (int c = width; c > 1; c--) {
                        Cell from = row.getCell(c - 1);
                        Cell to = row.createCell(c);
                        if (from != null) {
                            if (from.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                                to.setCellValue(from.getNumericCellValue());
                            } else {
                                to.setCellValue(from.getStringCellValue());
                            }
                            row.removeCell(from);
                        }
                    }
                    row.createCell(1).setCellValue(r == 0 ? "Remarque interne" : "appeler M. Martin");
                }
                sheet.setColumnHidden(1, true);
            });

            Checked checked = Bicycles.run(book);

            assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
            assertFalse(checked.clean().contains("Martin"), checked::clean);
            assertTrue(checked.cleanLines().get(1).startsWith("A-1,"), checked::clean);
            assertEquals(Bicycles.header().size(), checked.cleanLines().get(0).split(",", -1).length, checked::clean);
            assertTrue(checked.report().summary().contains("colonne masquée B (« Remarque interne ») a été laissée"
                    + " de côté"), checked.report()::summary);
        }
    }

    @Test
    void aMergedTitleAboveTheHeaderIsLeftOut() {
        byte[] xlsx = workbook(XSSFWorkbook::new, book -> {
            Sheet sheet = book.createSheet("Arceaux");
            sheet.createRow(0).createCell(0).setCellValue("Arceaux vélo de la commune — mise à jour 2024");
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 5));
            fill(sheet, 2, Bicycles.rack("A-1", 8));
        });

        Checked checked = Bicycles.run(xlsx);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertFalse(checked.clean().contains("mise à jour"), checked::clean);
        assertTrue(checked.report().summary().contains("les noms de colonnes ont été lus à la ligne 3"),
                checked.report()::summary);
    }

    @Test
    void aTruncatedWorkbookIsRefused() {
        byte[] xlsx = workbook(XSSFWorkbook::new, book -> fill(book.createSheet("Arceaux"), 0, Bicycles.rack("A-1", 8)));

        Checked checked = Bicycles.run(java.util.Arrays.copyOf(xlsx, xlsx.length / 2));

        assertEquals(ErrorCode.UNREADABLE_FILE, checked.onlyError().code());
        assertTrue(checked.onlyError().message().contains("endommagée ou incomplète"), checked.onlyError()::message);
    }

    @Test
    void readsTheChosenSheetOnly() {
        byte[] xlsx = workbook(XSSFWorkbook::new, book -> {
            fill(book.createSheet("2023"), 0, Bicycles.rack("A-1", 8));
            fill(book.createSheet("2024"), 0, Bicycles.rack("B-1", 8), Bicycles.rack("B-2", 2));
        });

        Checked checked = Bicycles.run(ReadOptions.sheet("2024"), xlsx);

        assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::toString);
        assertEquals(2, checked.report().rowCount());
        assertTrue(checked.cleanLines().get(1).startsWith("B-1,"), checked::clean);
        assertTrue(checked.report().summary().contains("seule la feuille « 2024 » a été lue"), checked.report()::summary);
    }

    @Test
    void anUnknownSheetIsAClearError() {
        byte[] xlsx = workbook(XSSFWorkbook::new, book -> fill(book.createSheet("Arceaux"), 0, Bicycles.rack("A-1", 8)));

        Checked checked = Bicycles.run(ReadOptions.sheet("Racks"), xlsx);

        assertEquals(Verdict.INVALID, checked.report().verdict());
        assertEquals("Le classeur n'a pas de feuille « Racks » : ses feuilles sont « Arceaux ».",
                checked.onlyError().message());
    }

    @Test
    void readsFormulasDatesAndIntegersAsACsvWouldHoldThem() {
        checksCellValues(XSSFWorkbook::new);
    }

    @Test
    void readsAnXlsWorkbookToo() {
        checksCellValues(HSSFWorkbook::new);
    }

    /** Capacity as a formula and as a whole number, dates in French display format, a title row above the header. */
    private static void checksCellValues(Supplier<Workbook> kind) {
        byte[] book = workbook(kind, workbook -> {
            Sheet sheet = workbook.createSheet("Arceaux");
            sheet.createRow(0).createCell(0).setCellValue("Liste des arceaux vélo — mise à jour 2024");
            fill(sheet, 2, Bicycles.rack("STSI01", 8), Bicycles.rack("STSI02", 4));
            int capacity = Bicycles.header().indexOf("capacite");
            int cargo = Bicycles.header().indexOf("capacite_cargo");
            int date = Bicycles.header().indexOf("date_maj");
            CellStyle french = workbook.createCellStyle();
            french.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Row first = sheet.getRow(3);
            first.getCell(capacity).setCellValue(8.0);
            first.createCell(cargo).setCellFormula("2*3");
            Cell day = first.getCell(date);
            day.setCellValue(LocalDate.of(2020, 9, 17));
            day.setCellStyle(french);
            Row second = sheet.getRow(4);
            second.getCell(capacity).setCellFormula(sheet.getRow(3).getCell(capacity).getAddress() + "/2");
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            Cell moment = second.getCell(date);
            moment.setCellValue(LocalDateTime.of(2024, 3, 1, 14, 30));
            moment.setCellStyle(dateTime);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        Checked checked = Bicycles.run(book);

        List<String> lines = checked.cleanLines();
        assertTrue(lines.get(1).startsWith("STSI01,,,\"[5.7145295,45.191463]\",8,6,CADRE ET ROUE,"), checked::clean);
        assertTrue(lines.get(1).contains(",2020-09-17,"), checked::clean);
        assertTrue(lines.get(2).startsWith("STSI02,,,\"[5.7145295,45.191463]\",4,,"), checked::clean);
        assertTrue(lines.get(2).contains(",2024-03-01T14:30:00,"), checked::clean);
        assertTrue(lines.get(1).endsWith(",\"" + Bicycles.COMMENT + "\""), checked::clean);
        // The date-time in a date field is the one error: the engine shows it as ISO, the schema wants a date.
        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.TYPE_ERROR, error.code());
        assertEquals("date_maj", error.field());
        assertEquals(5, error.rowNumber(), "rows keep the number the spreadsheet shows");
        assertTrue(checked.report().summary().contains("lus à la ligne 3"), checked.report()::summary);
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedInFrench() throws IOException {
        // An encrypted XLSX is an OLE2 container holding an "EncryptedPackage" stream.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "EncryptionInfo");
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "EncryptedPackage");
            fs.writeFilesystem(bytes);
        }

        Checked checked = Bicycles.run(bytes.toByteArray());

        ValidationError error = checked.onlyError();
        assertEquals(ErrorCode.UNREADABLE_FILE, error.code());
        assertTrue(error.message().startsWith("Le classeur est protégé par un mot de passe"), error::message);
    }

    @Test
    @Timeout(60)
    void aZipBombIsRefused() throws IOException {
        // 200 MB of spaces inside a sheet compress a thousandfold: more than POI's 1:100 guard allows.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Arceaux" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id_local</t>"
                    + "</is></c></row>").getBytes(StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertTrue(bytes.size() < 2 * 1024 * 1024, "the bomb is small: " + bytes.size());

        Checked checked = Bicycles.run(bytes.toByteArray());

        assertEquals(Verdict.INVALID, checked.report().verdict());
        List<ValidationError> errors = checked.report().samples().stream()
                .filter(e -> e.code() == ErrorCode.UNREADABLE_FILE || e.code() == ErrorCode.SOURCE_ERROR).toList();
        assertEquals(1, errors.size(), checked.report()::toString);
        assertTrue(errors.get(0).message().startsWith("Le classeur est anormalement compressé"), errors.get(0)::message);
    }

    @Test
    void aDamagedWorkbookIsAClearError() {
        // A ZIP naming a workbook part, without the package parts that make it an XLSX.
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(broken)) {
            put(zip, "xl/workbook.xml", "<workbook/>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Checked checked = Bicycles.run(broken.toByteArray());

        assertEquals(ErrorCode.UNREADABLE_FILE, checked.onlyError().code());
        assertTrue(checked.onlyError().message().startsWith("Le classeur XLSX est endommagé"), checked.onlyError()::message);
    }

    // Building workbooks

    interface Filler {
        void fill(Workbook workbook) throws IOException;
    }

    static byte[] workbook(Supplier<? extends Workbook> kind, Filler filler) {
        try (Workbook workbook = kind.get()) {
            filler.fill(workbook);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header at {@code firstRow}, then one row per rack; numbers as numbers, empty cells left out. */
    @SafeVarargs
    static void fill(Sheet sheet, int firstRow, Map<String, String>... racks) {
        Row header = sheet.createRow(firstRow);
        List<String> names = Bicycles.header();
        for (int i = 0; i < names.size(); i++) {
            header.createCell(i).setCellValue(names.get(i));
        }
        for (int r = 0; r < racks.length; r++) {
            Row row = sheet.createRow(firstRow + 1 + r);
            List<String> values = List.copyOf(racks[r].values());
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (value.isEmpty()) {
                    continue;
                }
                if (value.matches("\\d+")) {
                    row.createCell(i).setCellValue(Double.parseDouble(value));
                } else {
                    row.createCell(i).setCellValue(value);
                }
            }
        }
    }

    static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
