package fr.passerelle.quality.engine.read;

import fr.passerelle.quality.engine.report.AppliedFix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Leaves out the columns a sheet hides. Staff hide what they do not want seen — working columns,
 * internal notes, a formula's intermediate step — and a person reading the sheet does not see them
 * either: publishing them would publish what nobody checked. Each hidden column that held something
 * is named in the reading notes, with its letter and its first value (usually its label), so a
 * column hidden by mistake is one click away from coming back.
 */
final class HiddenColumns implements TableSource {

    private final SheetSource sheet;
    /** Hidden column index → its first non-empty cell, for the note. */
    private final Map<Integer, String> leftOut = new TreeMap<>();
    private BitSet hidden;

    HiddenColumns(SheetSource sheet) {
        this.sheet = sheet;
    }

    @Override
    public TableRow next() throws IOException, UnreadableRowException {
        TableRow row = sheet.next();
        if (row == null) {
            return null;
        }
        if (hidden == null) {
            hidden = sheet.hiddenColumns();
        }
        if (hidden.isEmpty() || hidden.nextSetBit(0) >= row.size()) {
            return row;
        }
        List<String> kept = new ArrayList<>(row.size());
        for (int c = 0; c < row.size(); c++) {
            String cell = row.cells().get(c);
            if (!hidden.get(c)) {
                kept.add(cell);
            } else if (!cell.isEmpty()) {
                leftOut.putIfAbsent(c, cell);
            }
        }
        return new TableRow(row.number(), kept);
    }

    @Override
    public List<AppliedFix> readingFixes() {
        return sheet.readingFixes();
    }

    @Override
    public List<String> readingNotes() {
        List<String> notes = new ArrayList<>(sheet.readingNotes());
        if (!leftOut.isEmpty()) {
            List<String> named = new ArrayList<>();
            leftOut.forEach((column, first) -> named.add(letter(column) + " (« " + excerpt(first) + " »)"));
            notes.add((leftOut.size() == 1 ? "La colonne masquée " + named.get(0) + " a été laissée de côté"
                    : "Les colonnes masquées " + String.join(", ", named) + " ont été laissées de côté")
                    + " : ce qui est masqué dans le tableur n'est pas publié. Affichez la colonne et envoyez le fichier "
                    + "de nouveau si elle doit l'être.");
        }
        return notes;
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    /** 0 → "A", 27 → "AB", as the spreadsheet names its columns. */
    static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    @Override
    public void close() throws IOException {
        sheet.close();
    }
}
