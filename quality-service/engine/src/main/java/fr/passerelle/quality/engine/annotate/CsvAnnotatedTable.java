package fr.passerelle.quality.engine.annotate;

import fr.passerelle.csv.SpreadsheetSafeCsv;
import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.report.ValidationError;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The annotated CSV: the rows as read, in the layout's order, behind a first column « erreurs » holding the French
 * messages of the row's findings. Findings on no data row (the file as a whole, the header, blank rows) are in the
 * full error list only. Written for a French spreadsheet, every cell neutralised: the rows are the uploaded file's.
 */
final class CsvAnnotatedTable implements AnnotatedTable {

    static final String ERRORS_COLUMN = "erreurs";
    /** Between two messages of one row: a line break would make the file hard to read in a text editor. */
    static final String MESSAGE_SEPARATOR = " | ";

    private final SpreadsheetSafeCsv csv;
    private boolean headerWritten;

    CsvAnnotatedTable(OutputStream out) throws IOException {
        this.csv = SpreadsheetSafeCsv.open(out, SpreadsheetSafeCsv.Dialect.EXCEL_FR);
    }

    @Override
    public void header(AnnotatedLayout layout, List<PlacedFinding> findings) {
        List<String> cells = new ArrayList<>(layout.width() + 1);
        cells.add(ERRORS_COLUMN);
        cells.addAll(layout.labels());
        csv.writeRecord(cells);
        headerWritten = true;
    }

    @Override
    public void row(TableRow row, List<String> cells, List<PlacedFinding> findings) {
        List<String> annotated = new ArrayList<>(cells.size() + 1);
        annotated.add(findings.stream().map(placed -> placed.finding().message())
                .collect(Collectors.joining(MESSAGE_SEPARATOR)));
        annotated.addAll(cells);
        csv.writeRecord(annotated);
    }

    @Override
    public void unplaced(ValidationError finding) {
        // In the full error list: the annotated CSV keeps one line per data row.
    }

    @Override
    public void finish() throws IOException {
        if (!headerWritten) {
            csv.writeRecord(ERRORS_COLUMN);
        }
        csv.flush();
    }
}
