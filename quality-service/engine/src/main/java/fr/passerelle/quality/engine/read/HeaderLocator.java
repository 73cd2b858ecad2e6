package fr.passerelle.quality.engine.read;

import fr.passerelle.quality.engine.report.AppliedFix;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the header row when it is not the first one: staff often put a title ("Liste des arceaux
 * vélo — mise à jour 2024") and an empty line above it. Looks at the first {@value #LOOKAHEAD}
 * rows and takes the first one naming the most schema fields, at least two (ignoring case, accents,
 * spaces, dashes and underscores); when none names any, the first row with at least half as many non-empty
 * cells as the fullest row (a title has one or two, a header with a few blank labels stays the header). Rows above the header are dropped when one of them holds text (a title); when they
 * are all blank they are passed on, and reported as blank rows as before.
 *
 * <p>Also drops trailing empty columns: empty labels at the end of the header, and the empty
 * cells past the header's width that spreadsheets leave on each row.
 */
public final class HeaderLocator implements TableSource {

    static final int LOOKAHEAD = 30;

    private final TableSource rows;
    private final Deque<TableRow> buffered = new ArrayDeque<>();
    private final List<String> notes = new ArrayList<>();
    private UnreadableRowException pendingFailure;
    private int width = -1;
    private long headerRowNumber;

    private HeaderLocator(TableSource rows) {
        this.rows = rows;
    }

    /** @param fieldNames the schema's field names, the labels the header should hold */
    public static HeaderLocator locate(TableSource rows, Collection<String> fieldNames) throws IOException {
        HeaderLocator locator = new HeaderLocator(rows);
        locator.findHeader(looseKeys(fieldNames));
        return locator;
    }

    private void findHeader(Set<String> expected) throws IOException {
        List<TableRow> head = new ArrayList<>();
        try {
            for (int i = 0; i < LOOKAHEAD; i++) {
                TableRow row = rows.next();
                if (row == null) {
                    break;
                }
                head.add(row);
            }
        } catch (UnreadableRowException e) {
            pendingFailure = e;
        }
        int header = headerIndex(head, expected);
        if (header < 0) {
            buffered.addAll(head);
            return;
        }
        boolean titleAbove = head.subList(0, header).stream().anyMatch(row -> !row.isBlank());
        TableRow headerRow = head.get(header);
        headerRowNumber = headerRow.number();
        width = lastNonEmpty(headerRow.cells()) + 1;
        if (titleAbove) {
            notes.add("Les noms de colonnes ont été lus à la ligne " + headerRowNumber + " : les lignes au-dessus ("
                    + "titre, commentaires) ont été ignorées.");
            buffered.addAll(head.subList(header, head.size()));
        } else {
            buffered.addAll(head);
        }
    }

    /** The index of the header among the first rows, or -1 when they are all blank. */
    static int headerIndex(List<TableRow> head, Set<String> expected) {
        int best = -1;
        int bestScore = 0;
        for (int i = 0; i < head.size(); i++) {
            int score = matches(head.get(i), expected);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        // One cell equal to a field name may be a value ("source", "acces"): it takes two to make a header.
        if (best >= 0 && bestScore >= Math.min(2, expected.size())) {
            return best;
        }
        int widest = 0;
        for (TableRow row : head) {
            widest = Math.max(widest, nonEmpty(row));
        }
        // At least half as full as the fullest row, so that a header with a few blank labels stays the header.
        int enough = (widest + 1) / 2;
        for (int i = 0; i < head.size(); i++) {
            if (widest > 0 && nonEmpty(head.get(i)) >= enough) {
                return i;
            }
        }
        return -1;
    }

    /** How many distinct schema fields the row names. */
    static int matches(TableRow row, Set<String> expected) {
        Set<String> found = new HashSet<>();
        for (String cell : row.cells()) {
            String key = looseKey(cell);
            if (expected.contains(key)) {
                found.add(key);
            }
        }
        return found.size();
    }

    static Set<String> looseKeys(Collection<String> names) {
        Set<String> keys = new HashSet<>();
        for (String name : names) {
            keys.add(looseKey(name));
        }
        keys.remove("");
        return keys;
    }

    static String looseKey(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[\\s_-]", "")
                .toLowerCase(Locale.ROOT);
    }

    private static int nonEmpty(TableRow row) {
        int count = 0;
        for (String cell : row.cells()) {
            if (!cell.isEmpty()) {
                count++;
            }
        }
        return count;
    }

    private static int lastNonEmpty(List<String> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!cells.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** The row number of the header, or 0 when none was found. */
    public long headerRowNumber() {
        return headerRowNumber;
    }

    @Override
    public TableRow next() throws IOException, UnreadableRowException {
        TableRow row;
        if (!buffered.isEmpty()) {
            row = buffered.poll();
        } else if (pendingFailure != null) {
            UnreadableRowException failure = pendingFailure;
            pendingFailure = null;
            throw failure;
        } else {
            row = rows.next();
        }
        return row == null ? null : withoutTrailingEmptyCells(row);
    }

    /** Cuts the empty cells past the header's width; a non-empty one stays, to be reported. */
    private TableRow withoutTrailingEmptyCells(TableRow row) {
        if (width < 0 || row.size() <= width) {
            return row;
        }
        int end = Math.max(width, lastNonEmpty(row.cells()) + 1);
        return end == row.size() ? row : new TableRow(row.number(), row.cells().subList(0, end));
    }

    @Override
    public List<AppliedFix> readingFixes() {
        return rows.readingFixes();
    }

    @Override
    public List<String> readingNotes() {
        List<String> all = new ArrayList<>(notes);
        all.addAll(rows.readingNotes());
        return all;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
