package fr.passerelle.quality.engine.read;

import fr.passerelle.quality.engine.report.AppliedFix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A workbook as one table. With a sheet chosen, that sheet. By default, the sheets sharing the
 * header of the first non-empty sheet, one after the other, each row followed by a
 * {@value TableSource#SHEET_COLUMN} cell naming its sheet; sheets with another header are listed
 * as ignored. Rows keep the numbers the spreadsheet shows in their own sheet. Spreadsheets do not
 * store the empty cells at the end of a row, so rows are padded to the header's width.
 */
final class WorkbookTable implements TableSource {

    private final Workbook workbook;
    private final Collection<String> fieldNames;
    private final List<String> notes = new ArrayList<>();
    private final List<Integer> sheetsToRead = new ArrayList<>();
    private final boolean compile;
    private final List<String> compiled = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<AppliedFix> fixes = new ArrayList<>();
    private int sheetPosition = -1;
    private String sheetName;
    private TableSource sheet;
    private List<String> header;
    private long headerNumber;
    private boolean headerSent;
    private boolean finished;

    private WorkbookTable(Workbook workbook, Collection<String> fieldNames, boolean compile) {
        this.workbook = workbook;
        this.fieldNames = fieldNames;
        this.compile = compile;
    }

    static WorkbookTable of(Workbook workbook, ReadOptions options, Collection<String> fieldNames)
            throws UnreadableSourceException {
        List<String> names = workbook.sheetNames();
        WorkbookTable table = new WorkbookTable(workbook, fieldNames, options.sheet() == null);
        if (options.sheet() == null) {
            for (int i = 0; i < names.size(); i++) {
                table.sheetsToRead.add(i);
            }
            return table;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).strip().equalsIgnoreCase(options.sheet().strip())) {
                table.sheetsToRead.add(i);
                table.notes.add("Classeur " + workbook.formatName() + " : seule la feuille « " + names.get(i)
                        + " » a été lue.");
                return table;
            }
        }
        throw new UnreadableSourceException("Le classeur n'a pas de feuille « " + options.sheet() + " » : ses feuilles "
                + "sont " + quoted(names) + ".", null);
    }

    @Override
    public TableRow next() throws IOException, UnreadableRowException {
        while (!finished) {
            if (sheet == null && !openNextSheet()) {
                finished = true;
                addCompileNotes();
                return null;
            }
            if (!headerSent) {
                headerSent = true;
                return withSheet(new TableRow(headerNumber, header), TableSource.SHEET_COLUMN);
            }
            TableRow row = sheet.next();
            if (row != null) {
                return withSheet(row, sheetName);
            }
            fixes.addAll(sheetFixes());
            sheet.close();
            sheet = null;
        }
        return null;
    }

    /** Opens the next sheet to read, its header checked; false when there is none left. */
    private boolean openNextSheet() throws IOException, UnreadableRowException {
        while (++sheetPosition < sheetsToRead.size()) {
            int index = sheetsToRead.get(sheetPosition);
            String name = workbook.sheetNames().get(index);
            HeaderLocator located = HeaderLocator.locate(new HiddenColumns(new MergedCells(workbook.openSheet(index))),
                    fieldNames);
            TableRow first = located.next();
            while (first != null && first.isBlank()) {
                first = located.next();
            }
            if (first == null) {
                located.close();
                continue;
            }
            List<String> labels = withoutTrailingEmpty(first.cells());
            if (header == null) {
                header = labels;
                headerNumber = first.number();
            } else if (!header.equals(labels)) {
                ignored.add(name);
                located.close();
                continue;
            }
            compiled.add(name);
            for (String note : located.readingNotes()) {
                notes.add("Feuille « " + name + " » : " + note.substring(0, 1).toLowerCase(Locale.ROOT) + note.substring(1));
            }
            sheet = located;
            sheetName = name;
            return true;
        }
        return false;
    }

    private TableRow withSheet(TableRow row, String sheetCell) {
        if (!compile) {
            return padded(row);
        }
        if (row.isBlank()) {
            // A blank row stays blank: reported (or ignored at the end) as such, not as a row of one cell.
            return row;
        }
        List<String> cells = new ArrayList<>(padded(row).cells());
        cells.add(Math.min(header.size(), cells.size()), sheetCell);
        return new TableRow(row.number(), cells);
    }

    private TableRow padded(TableRow row) {
        if (row.size() >= header.size()) {
            return row;
        }
        List<String> cells = new ArrayList<>(row.cells());
        while (cells.size() < header.size()) {
            cells.add("");
        }
        return new TableRow(row.number(), cells);
    }

    private void addCompileNotes() {
        if (!compile) {
            return;
        }
        if (compiled.size() > 1) {
            notes.add(0, "Classeur " + workbook.formatName() + " : les feuilles " + quoted(compiled) + " ont été réunies "
                    + "en un seul tableau (numéros de ligne de chaque feuille).");
        } else if (compiled.size() == 1) {
            notes.add(0, "Classeur " + workbook.formatName() + " : feuille « " + compiled.get(0) + " » lue.");
        }
        // Passerelle's own annotated workbook: its « Erreurs » and « À lire » sheets are its words, not the clerk's data.
        if (compiled.size() == 1 && compiled.get(0).equals("Fichier annoté")) {
            ignored.removeAll(List.of("Erreurs", "À lire"));
        }
        if (!ignored.isEmpty()) {
            notes.add((ignored.size() == 1 ? "La feuille " + quoted(ignored) + " a été ignorée : ses colonnes diffèrent"
                    : "Les feuilles " + quoted(ignored) + " ont été ignorées : leurs colonnes diffèrent")
                    + " de celles de la feuille « " + compiled.get(0) + " ». "
                    + (ignored.size() == 1 ? "Envoyez-la à part pour la publier." : "Envoyez-les à part pour les publier."));
        }
    }

    private static List<String> withoutTrailingEmpty(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return List.copyOf(cells.subList(0, end));
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "« " + name + " »").collect(Collectors.joining(", "));
    }

    @Override
    public List<String> readingNotes() {
        return notes;
    }

    /** The fixes of the sheets read, and of the one being read when reading stopped in it. */
    @Override
    public List<AppliedFix> readingFixes() {
        List<AppliedFix> all = new ArrayList<>(fixes);
        if (sheet != null) {
            all.addAll(sheetFixes());
        }
        return all;
    }

    /** The current sheet's fixes, named after it when the workbook has several sheets. */
    private List<AppliedFix> sheetFixes() {
        if (workbook.sheetNames().size() < 2) {
            return sheet.readingFixes();
        }
        return sheet.readingFixes().stream().map(fix -> new AppliedFix(fix.code(), fix.field(), fix.count(),
                fix.samples(), "Feuille « " + sheetName + " » : " + fix.message().substring(0, 1)
                .toLowerCase(Locale.ROOT) + fix.message().substring(1))).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            if (sheet != null) {
                sheet.close();
            }
        } finally {
            workbook.close();
        }
    }
}
