package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.annotate.AnnotationFormat;
import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A file run through the engine with its error list and its annotated version. */
record Annotated(QualityReport report, byte[] annotated, byte[] errorList) {

    static Annotated run(TableSchema schema, Path file, AnnotationFormat format) {
        return run(schema, ReadOptions.defaults(), file, format);
    }

    static Annotated run(TableSchema schema, ReadOptions options, Path file, AnnotationFormat format) {
        ByteArrayOutputStream annotated = new ByteArrayOutputStream();
        ByteArrayOutputStream errorList = new ByteArrayOutputStream();
        try {
            QualityReport report = QualityCheck.of(schema).withOptions(options).run(file, OutputStream.nullOutputStream(),
                    ReportOutputs.none().withErrorList(errorList).withAnnotated(annotated, format));
            return new Annotated(report, annotated.toByteArray(), errorList.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Annotated run(TableSchema schema, byte[] content, AnnotationFormat format) {
        try {
            Path file = Files.createTempFile("raw-", "");
            try {
                Files.write(file, content);
                return run(schema, file, format);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Annotated run(TableSchema schema, String csv, AnnotationFormat format) {
        return run(schema, csv.getBytes(StandardCharsets.UTF_8), format);
    }

    XSSFWorkbook workbook() {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(annotated));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String annotatedText() {
        return new String(annotated, StandardCharsets.UTF_8);
    }

    String errorListText() {
        return new String(errorList, StandardCharsets.UTF_8);
    }

    /** Every cell filled in Excel's light red, by address ("E3"), with its comment's text or null. */
    static Map<String, String> redCells(Sheet sheet) {
        Map<String, String> red = new LinkedHashMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (isRed(cell)) {
                    Comment comment = cell.getCellComment();
                    red.put(cell.getAddress().formatAsString(), comment == null ? null : comment.getString().getString());
                }
            }
        }
        return red;
    }

    static boolean isRed(Cell cell) {
        XSSFColor fill = ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor();
        return fill != null && Arrays.equals(fill.getRGB(), new byte[]{(byte) 0xFF, (byte) 0xC7, (byte) 0xCE});
    }

    /** A text cell's value, "" for a missing cell. */
    static String text(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(column);
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> String.valueOf((long) cell.getNumericCellValue());
            case FORMULA -> cell.getCellFormula();
            default -> cell.getStringCellValue();
        };
    }
}
