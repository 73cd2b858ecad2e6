package fr.passerelle.quality.engine.corpus;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A truth on its way to becoming a local authority's export: the columns (each with the schema field it holds, or
 * {@code null} for a column of the authority's own), the data rows (each remembering its truth row, -1 for a
 * furniture row), what lies above and below the table, and how the file is written (CSV in a charset with a
 * separator, or an XLSX of one or several sheets). Messes change it in place.
 */
final class MessyTable {

    final Truth truth;
    final List<String> labels = new ArrayList<>();
    final List<String> fields = new ArrayList<>();
    final List<MessyRow> rows = new ArrayList<>();
    final List<List<String>> above = new ArrayList<>();
    final List<List<String>> below = new ArrayList<>();
    Charset charset = StandardCharsets.UTF_8;
    char separator = ',';
    /** 0: a CSV; n: an XLSX whose rows are spread over n sheets. */
    int sheets;
    /** Fields whose cells an XLSX stores as numbers, or as dates when they are still ISO. */
    final Set<String> numericFields;
    final Set<String> dateFields;

    record MessyRow(int truthRow, List<String> cells) {
    }

    MessyTable(Truth truth, Set<String> numericFields, Set<String> dateFields) {
        this.truth = truth;
        this.numericFields = numericFields;
        this.dateFields = dateFields;
        labels.addAll(truth.fields());
        fields.addAll(truth.fields());
        for (int i = 0; i < truth.rows().size(); i++) {
            rows.add(new MessyRow(i, new ArrayList<>(truth.rows().get(i))));
        }
    }

    int column(String field) {
        return fields.indexOf(field);
    }

    /** Rewrites every data cell of {@code field}; nothing when the table has no such column. */
    void rewrite(String field, java.util.function.UnaryOperator<String> change) {
        int column = column(field);
        if (column < 0) {
            return;
        }
        for (MessyRow row : rows) {
            row.cells().set(column, change.apply(row.cells().get(column)));
        }
    }

    List<String> fieldsOfType(TypeLookup types, String type) {
        return fields.stream().filter(f -> f != null && type.equals(types.typeOf(f))).toList();
    }

    /** Adds a column at {@code position}, its cells given by the row. */
    void insertColumn(int position, String label, String field, java.util.function.Function<MessyRow, String> cell) {
        labels.add(position, label);
        fields.add(position, field);
        for (MessyRow row : rows) {
            row.cells().add(position, cell.apply(row));
        }
    }

    void removeColumn(int position) {
        labels.remove(position);
        fields.remove(position);
        for (MessyRow row : rows) {
            row.cells().remove(position);
        }
    }

    /**
     * Which truth cells reach the file exactly as the truth has them, under the field's own name ([truth row][field
     * index]): a published cell that differs from one of them was broken by the engine, not mended.
     */
    boolean[][] untouched() {
        boolean[][] same = new boolean[truth.rows().size()][truth.fields().size()];
        for (MessyRow row : rows) {
            if (row.truthRow() < 0) {
                continue;
            }
            for (int f = 0; f < truth.fields().size(); f++) {
                int column = column(truth.fields().get(f));
                String expected = truth.rows().get(row.truthRow()).get(f);
                // A cell under a relabelled column was touched by the mess too: finding its column is the engine's job.
                same[row.truthRow()][f] = column >= 0 && labels.get(column).equals(truth.fields().get(f))
                        && row.cells().get(column).equals(expected);
            }
        }
        return same;
    }

    byte[] write() {
        return sheets == 0 ? csv() : xlsx();
    }

    String extension() {
        return sheets == 0 ? "csv" : "xlsx";
    }

    private byte[] csv() {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().fieldSeparator(separator).lineDelimiter(LineDelimiter.CRLF).build(text)) {
            above.forEach(csv::writeRecord);
            csv.writeRecord(labels);
            rows.forEach(row -> csv.writeRecord(row.cells()));
            below.forEach(csv::writeRecord);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(charset);
    }

    private byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            String[] names = {"Nord", "Sud", "Est", "Ouest"};
            int perSheet = (rows.size() + sheets - 1) / sheets;
            for (int s = 0; s < sheets; s++) {
                Sheet sheet = workbook.createSheet(names[s % names.length]);
                int r = 0;
                for (List<String> line : above) {
                    text(sheet.createRow(r++), line);
                }
                text(sheet.createRow(r++), labels);
                for (MessyRow row : rows.subList(Math.min(rows.size(), s * perSheet), Math.min(rows.size(), (s + 1) * perSheet))) {
                    Row line = sheet.createRow(r++);
                    for (int c = 0; c < row.cells().size(); c++) {
                        String value = row.cells().get(c);
                        String field = fields.get(c);
                        if (value.isEmpty()) {
                            continue;
                        }
                        var cell = line.createCell(c);
                        if (field != null && numericFields.contains(field) && value.matches("-?\\d+(\\.\\d+)?")) {
                            cell.setCellValue(Double.parseDouble(value));
                        } else if (field != null && dateFields.contains(field) && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                            cell.setCellValue(LocalDate.parse(value));
                            cell.setCellStyle(dates);
                        } else {
                            cell.setCellValue(value);
                        }
                    }
                }
                if (s == sheets - 1) {
                    for (List<String> line : below) {
                        text(sheet.createRow(r++), line);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (!cells.get(c).isEmpty()) {
                row.createCell(c).setCellValue(cells.get(c));
            }
        }
    }

    /** The schema's type of a field ("number", "date"…). */
    interface TypeLookup {
        String typeOf(String field);
    }
}
