package fr.passerelle.quality.engine.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A file Passerelle annotated itself, sent back once corrected: its added columns (« ligne », « erreurs » in
 * the annotated XLSX; « erreurs » first in the annotated CSV) are not the clerk's data and are left out, with a
 * note; its sheets « Erreurs » and « À lire » have their own header, so a workbook's compilation leaves them out.
 */
public final class AnnotatedReadBack extends WrappedSource {

    /** The labels {@code annotate.XlsxAnnotatedTable} and {@code annotate.CsvAnnotatedTable} put first. */
    private static final String ROW_COLUMN = "ligne";
    private static final String ERRORS_COLUMN = "erreurs";

    private boolean headerSeen;
    private int dropped;

    private AnnotatedReadBack(TableSource source) {
        super(source);
    }

    public static TableSource wrap(TableSource source) {
        return new AnnotatedReadBack(source);
    }

    @Override
    public TableRow next() throws IOException, UnreadableRowException {
        TableRow row = source.next();
        if (row == null || !headerSeen && row.isBlank()) {
            return row;
        }
        if (!headerSeen) {
            headerSeen = true;
            List<String> cells = row.cells();
            if (cells.size() > 2 && cells.get(0).equals(ROW_COLUMN) && cells.get(1).equals(ERRORS_COLUMN)) {
                dropped = 2;
            } else if (cells.size() > 1 && cells.get(0).equals(ERRORS_COLUMN)) {
                dropped = 1;
            }
        }
        if (dropped == 0) {
            return row;
        }
        List<String> cells = row.cells();
        return new TableRow(row.number(), cells.size() <= dropped ? List.of() : cells.subList(dropped, cells.size()));
    }

    @Override
    public List<String> readingNotes() {
        List<String> notes = new ArrayList<>(source.readingNotes());
        if (dropped > 0) {
            notes.add("Fichier annoté par Passerelle reconnu : " + (dropped == 2 ? "ses colonnes « ligne » et « erreurs » "
                    + "ont été ignorées." : "sa colonne « erreurs » a été ignorée."));
        }
        return notes;
    }
}
