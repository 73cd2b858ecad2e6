package fr.passerelle.quality.engine.read;

import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.FixSample;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills down the cells a sheet merges over several rows. People write a commune once beside the three car parks
 * it has and merge the cells: the spreadsheet shows the commune on each row, but stores it on the first only, so
 * read as stored the other rows would lack it. Each row of the range gets the value of its first cell, in the
 * range's first column, and the whole is reported as a fix (« cellule fusionnée B5:B7 recopiée sur 3 lignes »).
 *
 * <p>A row of the range that holds nothing else stays blank (a spacer row is no data row). Holds the ranges of
 * the sheet ({@link MergedRanges}, bounded) and, while reading, one value per column at most.
 */
final class MergedCells implements SheetSource {

    static final String FIX_CODE = "merged-cell-filled";
    /** Ranges named in the fix's message; the count says the rest. */
    private static final int NAMED = 3;

    private final SheetSource sheet;
    private final MergedRanges merged;
    /** 0-based first row → the ranges starting there. */
    private final Map<Integer, List<CellRangeAddress>> byFirstRow = new TreeMap<>();
    /** Column → the range being filled down in it. */
    private final Map<Integer, Filling> active = new HashMap<>();
    private final List<FixSample> samples = new ArrayList<>();
    private final List<String> named = new ArrayList<>();
    private long cellsFilled;
    private long rangesFilled;
    /** Known once the first row is read; a hidden column is left out above, its merges with it. */
    private BitSet hidden;

    private static final class Filling {
        final CellRangeAddress range;
        final String value;
        int rows = 1;

        Filling(CellRangeAddress range, String value) {
            this.range = range;
            this.value = value;
        }
    }

    MergedCells(SheetSource sheet) {
        this.sheet = sheet;
        this.merged = sheet.mergedRanges();
        for (CellRangeAddress range : merged.ranges()) {
            byFirstRow.computeIfAbsent(range.getFirstRow(), row -> new ArrayList<>(1)).add(range);
        }
    }

    @Override
    public TableRow next() throws IOException, UnreadableRowException {
        TableRow row = sheet.next();
        if (row == null) {
            active.values().forEach(this::done);
            active.clear();
            return null;
        }
        if (byFirstRow.isEmpty() && active.isEmpty()) {
            return row;
        }
        if (hidden == null) {
            hidden = sheet.hiddenColumns();
        }
        int index = (int) Math.min(Integer.MAX_VALUE, row.number() - 1);
        for (Iterator<Filling> it = active.values().iterator(); it.hasNext(); ) {
            Filling filling = it.next();
            if (filling.range.getLastRow() < index) {
                done(filling);
                it.remove();
            }
        }
        List<String> cells = null;
        if (!row.isBlank()) {
            for (Filling filling : active.values()) {
                int column = filling.range.getFirstColumn();
                if (column < row.size() && !row.cell(column).isEmpty()) {
                    continue;
                }
                if (cells == null) {
                    cells = new ArrayList<>(row.cells());
                }
                while (cells.size() <= column) {
                    cells.add("");
                }
                cells.set(column, filling.value);
                filling.rows++;
                cellsFilled++;
                if (samples.size() < AppliedFix.MAX_SAMPLES) {
                    samples.add(new FixSample(row.number(), "", filling.value));
                }
            }
        }
        List<CellRangeAddress> starting = byFirstRow.remove(index);
        if (starting != null) {
            for (CellRangeAddress range : starting) {
                int column = range.getFirstColumn();
                String value = column < row.size() ? row.cell(column) : "";
                if (!value.isEmpty() && !hidden.get(column)) {
                    Filling previous = active.put(column, new Filling(range, value));
                    if (previous != null) {
                        done(previous);
                    }
                }
            }
        }
        return cells == null ? row : new TableRow(row.number(), cells);
    }

    private void done(Filling filling) {
        if (filling.rows < 2) {
            return;
        }
        rangesFilled++;
        if (named.size() < NAMED) {
            named.add(description(filling));
        }
    }

    private static String description(Filling filling) {
        return filling.range.formatAsString() + " (« " + excerpt(filling.value) + " ») recopiée sur " + filling.rows
                + " lignes";
    }

    /** One fix for the sheet's merged cells filled down; none when nothing was. */
    @Override
    public List<AppliedFix> readingFixes() {
        List<AppliedFix> fixes = new ArrayList<>(sheet.readingFixes());
        if (cellsFilled == 0) {
            return fixes;
        }
        // Asked before the end of the sheet (reading stopped), the ranges still being filled count too.
        long ranges = rangesFilled;
        List<String> names = new ArrayList<>(named);
        for (Filling filling : active.values()) {
            if (filling.rows >= 2) {
                ranges++;
                if (names.size() < NAMED) {
                    names.add(description(filling));
                }
            }
        }
        String message = ranges == 1 ? "Cellule fusionnée " + names.get(0) + " : chaque ligne qu'elle couvre porte "
                + "sa valeur."
                : ranges + " cellules fusionnées recopiées sur chaque ligne qu'elles couvrent ("
                + String.format(Locale.FRANCE, "%,d", cellsFilled) + " cellules complétées) : "
                + String.join(", ", names) + (ranges > names.size() ? "…" : "") + ".";
        fixes.add(new AppliedFix(FIX_CODE, null, cellsFilled, samples, message));
        return fixes;
    }

    @Override
    public List<String> readingNotes() {
        List<String> notes = new ArrayList<>(sheet.readingNotes());
        if (merged.leftOut() > 0) {
            notes.add("La feuille fusionne des cellules sur plusieurs lignes plus de " + MergedRanges.MAX
                    + " fois : les " + merged.leftOut() + " dernières fusions n'ont pas été recopiées sur chaque ligne.");
        }
        return notes;
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    @Override
    public BitSet hiddenColumns() {
        return sheet.hiddenColumns();
    }

    @Override
    public MergedRanges mergedRanges() {
        return merged;
    }

    @Override
    public void close() throws IOException {
        sheet.close();
    }
}
