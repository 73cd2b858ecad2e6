package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.read.RecentResults;
import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.read.UnreadableRowException;
import fr.passerelle.quality.engine.read.WrappedSource;
import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.validation.ColumnMapping;
import fr.passerelle.quality.engine.validation.HeaderMatcher;
import fr.passerelle.quality.engine.validation.RowFingerprints;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second pass: the rows of a source with a {@link FixPlan} applied, each change told to a
 * {@link FixLog}. Blank rows, empty columns and rows repeating an earlier one are dropped; the
 * validator downstream sees the fixed table, so its verdict is the fixed file's. Row numbers stay
 * those of the raw file, where the clerk looks.
 */
final class FixingSource extends WrappedSource {

    /** Longest text of a dropped row shown in the report. */
    private static final int SAMPLE_LENGTH = 200;

    private final FixPlan plan;
    private final FixLog log;
    private final RowFingerprints rows = new RowFingerprints();
    private ColumnMapping columns;
    private int splitAt = -1;
    /**
     * By field index, whether the texts met lately pass the field's type and constraints ({@link FieldValues#accepts},
     * a function of the text alone): asked up to four times a cell of a field with fixes or of a cell with extra
     * spaces, for columns that repeat their values.
     */
    private RecentResults<Boolean>[] acceptedByField;

    FixingSource(TableSource source, FixPlan plan, FixLog log) {
        super(source);
        this.plan = plan;
        this.log = log;
    }

    @Override
    public TableRow next() throws IOException, UnreadableRowException {
        for (TableRow row = source.next(); row != null; row = source.next()) {
            if (row.isBlank()) {
                log.applied(FixCode.BLANK_ROW_DROPPED, null, "Les lignes vides ont été supprimées.",
                        new FixSample(row.number(), "", ""));
                continue;
            }
            if (columns == null) {
                return header(row);
            }
            SpreadsheetFurniture.Kind furniture = plan.furniture().get(row.number());
            if (furniture != null) {
                log.applied(FixCode.FURNITURE_DROPPED, null, "Les lignes ajoutées sous le tableau (total, notes) ont été "
                        + "retirées : ce ne sont pas des données.", new FixSample(row.number(),
                        shorten(String.join(" | ", row.cells().stream().filter(cell -> !cell.isBlank()).toList())),
                        "retirée : " + furniture.label()));
                continue;
            }
            Optional<List<String>> fixed = fix(row);
            if (fixed.isPresent()) {
                return new TableRow(row.number(), fixed.get());
            }
        }
        return null;
    }

    private TableRow header(TableRow header) {
        List<String> labels = withoutDroppedColumns(header);
        for (int c = 0; c < header.size(); c++) {
            if (plan.dropped(c)) {
                String label = header.cell(c).isEmpty() ? "colonne " + (c + 1) + ", sans intitulé" : header.cell(c);
                log.applied(FixCode.EMPTY_COLUMN_DROPPED, null, "Les colonnes vides et absentes du schéma ont été "
                        + "supprimées.", new FixSample(header.number(), label, ""));
            }
        }
        columns = HeaderMatcher.match(new TableRow(header.number(), labels), plan.schema(), plan.overrides(), error -> { });
        if (plan.split() != null) {
            splitAt = plan.afterDrops(plan.split().column());
            labels = new ArrayList<>(labels);
            plan.split().fixHeader(labels, splitAt);
        }
        return new TableRow(header.number(), labels);
    }

    /** @return the fixed cells, or empty when the row is dropped */
    private Optional<List<String>> fix(TableRow row) {
        List<String> cells = withoutDroppedColumns(row);
        log.holdRow();
        try {
            fixCells(row.number(), cells);
            for (RowFix fix : plan.rowFixes()) {
                fix.fix(row.number(), cells, columns, log);
            }
        } catch (RuntimeException e) {
            // A fix meeting a value it did not foresee leaves the row as read: the validator reports what is wrong.
            cells = withoutDroppedColumns(row);
            log.dropRow();
            log.holdRow();
        }
        long first = rows.firstRowOf(cells, row.number());
        if (first != RowFingerprints.NEW) {
            log.dropRow();
            log.applied(FixCode.DUPLICATE_ROW_DROPPED, null, "Les lignes identiques à une ligne précédente ont été "
                    + "supprimées.", new FixSample(row.number(), shorten(String.join(" | ", cells)),
                    "supprimée : identique à la ligne " + first));
            return Optional.empty();
        }
        if (plan.nearDuplicates() != null && plan.nearDuplicates().check(row.number(), cells, columns, log)) {
            return Optional.empty();
        }
        log.keepRow();
        if (plan.split() != null) {
            plan.split().fix(row.number(), cells, splitAt, log);
        }
        return Optional.of(cells);
    }

    private void fixCells(long rowNumber, List<String> cells) {
        List<Field> fields = plan.schema().fields();
        for (int i = 0; i < fields.size(); i++) {
            int column = columns.columnOf(i);
            if (column < 0 || column >= cells.size()) {
                continue;
            }
            Field field = fields.get(i);
            String text = cells.get(column);
            String collapsed = FieldValues.collapseSpaces(text);
            List<ColumnFix> fixes = plan.fieldFixes().get(i);
            if (fixes.isEmpty() && collapsed.equals(text)) {
                // Nothing can change the cell: whether its field accepts it is the validator's to tell, not asked here.
                continue;
            }
            boolean accepted = accepts(i, text);
            if (!collapsed.equals(text) && (!accepted || accepts(i, collapsed))) {
                log.applied(FixCode.WHITESPACE, field.name(), "Les espaces en trop de la colonne « " + field.name()
                        + " » ont été supprimées.", new FixSample(rowNumber, text, collapsed));
                text = collapsed;
                accepted = accepts(i, text);
            }
            for (ColumnFix fix : fixes) {
                Optional<String> fixed = fix.fix(text, accepted);
                if (fixed.isPresent() && !fixed.get().equals(text) && accepts(i, fixed.get())) {
                    log.applied(fix.code(), field.name(), fix.description(), new FixSample(rowNumber, text, fixed.get()));
                    text = fixed.get();
                    break;
                }
            }
            cells.set(column, text);
        }
    }

    @SuppressWarnings("unchecked")
    private boolean accepts(int fieldIndex, String text) {
        if (acceptedByField == null) {
            List<Field> fields = plan.schema().fields();
            acceptedByField = new RecentResults[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                acceptedByField[i] = new RecentResults<>(candidate -> FieldValues.accepts(field, candidate));
            }
        }
        return acceptedByField[fieldIndex].get(text);
    }

    private List<String> withoutDroppedColumns(TableRow row) {
        List<String> cells = new ArrayList<>(row.size());
        for (int c = 0; c < row.size(); c++) {
            if (!plan.dropped(c)) {
                cells.add(row.cell(c));
            }
        }
        return cells;
    }

    private static String shorten(String text) {
        return text.length() <= SAMPLE_LENGTH ? text : text.substring(0, SAMPLE_LENGTH) + "…";
    }

    /** Repeated rows are dropped here, so the validator need not look for them. */
    @Override
    public boolean distinctRows() {
        return true;
    }
}
