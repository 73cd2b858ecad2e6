package fr.passerelle.quality.engine.annotate;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.validation.CleanCsvWriter;
import fr.passerelle.quality.engine.validation.ReferencedKeys;
import fr.passerelle.quality.engine.validation.TableValidator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the workbook does at the limits of the format and at its comment cap, with the limits made small. */
class XlsxLimitsTest {

    private static final TableSchema SCHEMA = schema();

    @Test
    void stopsAnnotatingAtTheRowLimitAndSaysSoInFrench() throws Exception {
        // Rows 2 to 8, all wrong; a sheet of 4 rows holds the header and rows 2 to 4.
        try (XSSFWorkbook book = annotate(7, 4, 2)) {
            Sheet data = book.getSheet(XlsxAnnotatedTable.DATA_SHEET);
            assertEquals(3, data.getLastRowNum());
            assertEquals(4, (long) data.getRow(3).getCell(0).getNumericCellValue());
            assertNotNull(data.getRow(1).getCell(2).getCellComment());
            assertNotNull(data.getRow(2).getCell(2).getCellComment());
            Cell third = data.getRow(3).getCell(2);
            assertNull(third.getCellComment(), "past the cap of 2 comments");
            assertEquals(FillPatternType.SOLID_FOREGROUND, third.getCellStyle().getFillPattern(), "still filled");

            Sheet errors = book.getSheet(XlsxAnnotatedTable.ERRORS_SHEET);
            assertEquals(3, errors.getLastRowNum(), "the sheet is full too: header and 3 of the 7 findings");

            List<String> readme = lines(book.getSheet(XlsxAnnotatedTable.README_SHEET));
            String all = String.join("\n", readme);
            assertTrue(all.contains("L'annotation s'arrête avant la ligne 5 du fichier : les 4 lignes à partir de "
                    + "celle-ci ne figurent pas dans la feuille « Fichier annoté », leurs erreurs sont dans la feuille "
                    + "« Erreurs »."), all);
            assertTrue(all.contains("la feuille « Erreurs » est pleine, les 4 dernières erreurs n'y figurent pas"), all);
            assertTrue(all.contains("seules les 2 premières cellules en erreur ont un commentaire ; la suivante est "
                    + "seulement sur fond rouge clair."), all);
            assertEquals(2, book.getActiveSheetIndex(), "opens on the notes");
            assertTrue(book.getSheetAt(2).isSelected());
            assertFalse(book.getSheetAt(0).isSelected(), "one selected sheet only: several would be grouped in Excel");
        }
    }

    @Test
    void saysNothingWhenWithinTheLimits() throws Exception {
        try (XSSFWorkbook book = annotate(2, 10, 10)) {
            List<String> readme = lines(book.getSheet(XlsxAnnotatedTable.README_SHEET));
            assertEquals(4, readme.size(), readme::toString);
            assertTrue(readme.stream().noneMatch(line -> line.startsWith("Attention")), readme::toString);
            assertEquals(0, book.getActiveSheetIndex());
        }
    }

    /** Runs the validator on a header and {@code rows} wrong rows, into a workbook with the given limits. */
    private static XSSFWorkbook annotate(int rows, int maxRows, int maxComments) throws Exception {
        List<TableRow> table = new ArrayList<>();
        table.add(new TableRow(1, List.of("valeur")));
        for (int i = 0; i < rows; i++) {
            table.add(new TableRow(i + 2, List.of("pas un nombre " + i)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FindingOutputs outputs = new FindingOutputs(SCHEMA, null, new XlsxAnnotatedTable(out, maxRows, maxComments))) {
            TableValidator validator = new TableValidator(SCHEMA, outputs, new CleanCsvWriter(OutputStream.nullOutputStream()));
            validator.listenToRows(outputs);
            Iterator<TableRow> next = table.iterator();
            TableSource source = new TableSource() {
                @Override
                public TableRow next() {
                    return next.hasNext() ? next.next() : null;
                }

                @Override
                public void close() {
                }
            };
            validator.validate(source, ReferencedKeys.none());
            outputs.finish();
        }
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> lines(Sheet sheet) {
        List<String> lines = new ArrayList<>();
        for (Row row : sheet) {
            lines.add(row.getCell(0).getStringCellValue());
        }
        return lines;
    }

    private static TableSchema schema() {
        try {
            return TableSchema.parse(new ByteArrayInputStream(
                    "{\"name\": \"one\", \"fields\": [{\"name\": \"valeur\", \"type\": \"integer\"}]}"
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
