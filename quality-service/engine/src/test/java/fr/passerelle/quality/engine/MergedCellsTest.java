package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.Verdict;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cells merged over several rows inside the table, as people merge a commune beside its three car parks: each row
 * gets the value, and the report says so. XLSX (whose merge list follows the rows) and XLS, generated with POI.
 */
class MergedCellsTest {

    private static final List<Supplier<Workbook>> KINDS = List.of(XSSFWorkbook::new, HSSFWorkbook::new);
    /** type_accroche, required: a row without it is invalid. */
    private static final int FASTENING = Bicycles.header().indexOf("type_accroche");
    private static final int MANAGER = Bicycles.header().indexOf("gestionnaire");
    private static final int OWNER = Bicycles.header().indexOf("proprietaire");

    @Test
    void aValueMergedOverThreeRowsIsFilledDownAndReported() {
        for (Supplier<Workbook> kind : KINDS) {
            byte[] book = WorkbookReadingTest.workbook(kind, workbook -> {
                Sheet sheet = workbook.createSheet("Arceaux");
                WorkbookReadingTest.fill(sheet, 0, rack("A-1", "CADRE ET ROUE"), rack("A-2", ""), rack("A-3", ""));
                sheet.addMergedRegion(new CellRangeAddress(1, 3, FASTENING, FASTENING));
            });

            QualityReport report = runWithFixes(book);

            assertEquals(Verdict.VALID, report.verdict(), report::summary);
            AppliedFix fix = merged(report);
            assertEquals(2, fix.count(), fix::toString);
            assertEquals(List.of(3L, 4L), fix.samples().stream().map(sample -> sample.row()).toList());
            assertEquals("CADRE ET ROUE", fix.samples().get(0).after());
            assertEquals("Cellule fusionnée G2:G4 (« CADRE ET ROUE ») recopiée sur 3 lignes : chaque ligne qu'elle "
                    + "couvre porte sa valeur.", fix.message());
            assertTrue(report.summary().contains("recopiée sur 3 lignes"), report::summary);
        }
    }

    @Test
    void anXlsxSheetListsItsMergesAfterItsRowsWhichAreFilledDownAllTheSame() throws IOException {
        byte[] book = WorkbookReadingTest.workbook(XSSFWorkbook::new, workbook -> {
            Sheet sheet = workbook.createSheet("Arceaux");
            WorkbookReadingTest.fill(sheet, 0, rack("A-1", "CADRE ET ROUE"), rack("A-2", ""));
            sheet.addMergedRegion(new CellRangeAddress(1, 2, FASTENING, FASTENING));
        });
        String xml;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(book))) {
            ZipEntry entry = zip.getNextEntry();
            while (!entry.getName().equals("xl/worksheets/sheet1.xml")) {
                entry = zip.getNextEntry();
            }
            xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.indexOf("<mergeCells") > xml.indexOf("</sheetData>"), xml);

        assertEquals(1, merged(runWithFixes(book)).count());
    }

    @Test
    void eachSheetOfACompiledWorkbookSaysItsOwnMerges() {
        byte[] book = WorkbookReadingTest.workbook(XSSFWorkbook::new, workbook -> {
            Sheet north = workbook.createSheet("Nord");
            WorkbookReadingTest.fill(north, 0, rack("N-1", "CADRE ET ROUE"), rack("N-2", ""));
            north.addMergedRegion(new CellRangeAddress(1, 2, FASTENING, FASTENING));
            Sheet south = workbook.createSheet("Sud");
            WorkbookReadingTest.fill(south, 0, rack("S-1", "ROUE"), rack("S-2", ""), rack("S-3", ""));
            south.addMergedRegion(new CellRangeAddress(1, 3, FASTENING, FASTENING));
        });

        QualityReport report = runWithFixes(book);

        assertEquals(Verdict.VALID, report.verdict(), report::summary);
        List<AppliedFix> fixes = report.fixes().stream().filter(fix -> fix.code().equals("merged-cell-filled")).toList();
        assertEquals(List.of("Feuille « Nord » : cellule fusionnée G2:G3 (« CADRE ET ROUE ») recopiée sur 2 lignes : "
                        + "chaque ligne qu'elle couvre porte sa valeur.", "Feuille « Sud » : cellule fusionnée G2:G4 "
                        + "(« ROUE ») recopiée sur 3 lignes : chaque ligne qu'elle couvre porte sa valeur."),
                fixes.stream().map(AppliedFix::message).toList());
    }

    @Test
    void theValuesReachTheCleanFileEvenWithoutTheAutomaticFixes() {
        for (Supplier<Workbook> kind : KINDS) {
            byte[] book = WorkbookReadingTest.workbook(kind, workbook -> {
                Sheet sheet = workbook.createSheet("Arceaux");
                Map<String, String> first = rack("A-1", "CADRE ET ROUE");
                first.put("gestionnaire", "Grenoble-Alpes Métropole");
                WorkbookReadingTest.fill(sheet, 0, first, rack("A-2", ""), rack("A-3", "ROUE"));
                sheet.addMergedRegion(new CellRangeAddress(1, 2, FASTENING, FASTENING));
                sheet.addMergedRegion(new CellRangeAddress(1, 3, MANAGER, MANAGER));
            });

            Checked checked = Bicycles.run(book);

            assertEquals(Verdict.VALID, checked.report().verdict(), checked.report()::summary);
            List<String> lines = checked.cleanLines();
            assertEquals(4, lines.size(), checked::clean);
            for (String line : lines.subList(1, 4)) {
                assertTrue(line.contains(",Grenoble-Alpes Métropole,"), checked::clean);
            }
            assertTrue(lines.get(2).contains(",CADRE ET ROUE,") && lines.get(3).contains(",ROUE,"), checked::clean);
            AppliedFix fix = merged(checked.report());
            assertEquals(3, fix.count());
            assertTrue(fix.message().startsWith("2 cellules fusionnées recopiées sur chaque ligne qu'elles couvrent "
                    + "(3 cellules complétées) : "), fix.message());
            assertTrue(fix.message().contains("G2:G3 (« CADRE ET ROUE ») recopiée sur 2 lignes"), fix.message());
            assertTrue(fix.message().contains("S2:S4 (« Grenoble-Alpes Métropole ») recopiée sur 3 lignes"),
                    fix.message());
        }
    }

    @Test
    void aRowOfTheRangeThatHoldsNothingElseStaysBlankAndMergesAcrossColumnsOrInHiddenOnesAreNotFilled() {
        for (Supplier<Workbook> kind : KINDS) {
            byte[] book = WorkbookReadingTest.workbook(kind, workbook -> {
                Sheet sheet = workbook.createSheet("Arceaux");
                Map<String, String> first = rack("A-1", "CADRE ET ROUE");
                first.put("proprietaire", "Ville de Grenoble");
                Map<String, String> spacer = new LinkedHashMap<>();
                Bicycles.header().forEach(name -> spacer.put(name, ""));
                WorkbookReadingTest.fill(sheet, 0, first, spacer, rack("A-2", ""));
                sheet.addMergedRegion(new CellRangeAddress(1, 3, FASTENING, FASTENING));
                // Owner and manager are the same town: written once over both columns.
                sheet.addMergedRegion(new CellRangeAddress(1, 1, OWNER, MANAGER));
                // A hidden column is left out: its merges are nobody's fix.
                sheet.getRow(1).createCell(Bicycles.header().size() + 1).setCellValue("note interne");
                sheet.addMergedRegion(new CellRangeAddress(1, 3, Bicycles.header().size() + 1,
                        Bicycles.header().size() + 1));
                sheet.setColumnHidden(Bicycles.header().size() + 1, true);
            });

            QualityReport report = runWithFixes(book);

            assertEquals(Verdict.VALID, report.verdict(), report::summary);
            assertEquals(2, report.rowCount(), "the spacer row is dropped as blank, not read as a rack");
            AppliedFix fix = merged(report);
            assertEquals(1, fix.count());
            assertEquals(4L, fix.samples().get(0).row());
            assertTrue(fix.message().contains("G2:G4 (« CADRE ET ROUE ») recopiée sur 2 lignes"), fix.message());
            assertFalse(fix.message().contains("R2"), "a merge one row high is no fill-down: " + fix.message());
            assertFalse(fix.message().contains("note interne"), fix.message());
        }
    }

    @Test
    void aSheetDeclaringMoreMergesThanPeopleMakeIsReadWithTheFirstOnesAndSaysSo() {
        for (Supplier<Workbook> kind : KINDS) {
            byte[] book = WorkbookReadingTest.workbook(kind, workbook -> {
                Sheet sheet = workbook.createSheet("Arceaux");
                WorkbookReadingTest.fill(sheet, 0, rack("A-1", "CADRE ET ROUE"), rack("A-2", ""));
                sheet.addMergedRegion(new CellRangeAddress(1, 2, FASTENING, FASTENING));
                // Far below the table, over nothing: what a hostile or broken file may declare by the thousand.
                for (int i = 0; i < 10_005; i++) {
                    sheet.addMergedRegionUnsafe(new CellRangeAddress(100 + 2 * i, 101 + 2 * i, 0, 0));
                }
            });

            QualityReport report = runWithFixes(book);

            assertEquals(Verdict.VALID, report.verdict(), report::summary);
            assertEquals(1, merged(report).count());
            assertTrue(report.summary().contains("plus de 10000 fois : les 6 dernières fusions n'ont pas été recopiées"),
                    report::summary);
        }
    }

    private static Map<String, String> rack(String id, String fastening) {
        Map<String, String> rack = Bicycles.rack(id, 8);
        rack.put("type_accroche", fastening);
        return rack;
    }

    private static AppliedFix merged(QualityReport report) {
        List<AppliedFix> fixes = report.fixes().stream().filter(fix -> fix.code().equals("merged-cell-filled")).toList();
        assertEquals(1, fixes.size(), report.fixes()::toString);
        return fixes.get(0);
    }

    private static QualityReport runWithFixes(byte[] content) {
        try {
            Path file = Files.createTempFile("merged-", "");
            try {
                Files.write(file, content);
                ByteArrayOutputStream clean = new ByteArrayOutputStream();
                QualityReport report = QualityCheck.of(Bicycles.schema()).withFixes().run(file, clean);
                assertFalse(clean.toString(StandardCharsets.UTF_8).isEmpty());
                return report;
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
