package fr.passerelle.quality.engine.read;

import java.util.List;

/**
 * One record of the raw file, cells already trimmed.
 *
 * @param number 1-based position of the record in the file, the header being 1. A record spans
 *               several physical lines when a quoted cell holds line breaks; a spreadsheet shows
 *               it as one row, so this is the number the clerk will look for.
 * @param cells  the trimmed cells
 */
public record TableRow(long number, List<String> cells) {

    public TableRow {
        cells = List.copyOf(cells);
    }

    public int size() {
        return cells.size();
    }

    public String cell(int index) {
        return cells.get(index);
    }

    /** A row whose cells are all empty: an empty line, or a line of bare separators. */
    public boolean isBlank() {
        for (String cell : cells) {
            if (!cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
