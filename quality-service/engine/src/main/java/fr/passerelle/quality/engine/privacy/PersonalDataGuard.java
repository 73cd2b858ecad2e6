package fr.passerelle.quality.engine.privacy;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.validation.ColumnMapping;
import fr.passerelle.quality.engine.validation.TableListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Looks for personal data in every column of the file as read, and applies the decisions taken on it
 * to the clean CSV, in the same pass as validation.
 *
 * <p>Columns the schema does not expect are scanned too, and what they hold blocks the file like the
 * rest: they are left out of the clean CSV, but the raw file that holds them is stored, shown back
 * (annotated download) and may have been the wrong export altogether (a staff list instead of a list
 * of facilities). One decision, usually "supprimer", is enough to clear them.
 *
 * <p>Detection is cheap per cell (a digit count, an {@code @} search; the costlier checks run only on
 * cells that pass these) and memory is bounded by the number of columns, never by the number of rows.
 * One instance per run.
 *
 * <p>Not every cell of a large file is scanned: every cell of the first {@value #WHOLE_ROWS} rows and of a
 * reservoir sample of the others ({@value #SAMPLE_ROWS} rows, seeded: the same file gives the same report), then
 * only where personal data may hide. Scanned whole: columns the schema does not expect, free text (a string
 * field without a list of values or a pattern, an e-mail field, a field asking for personal data), numbers, every
 * column where something was found (from then on), and every cell that breaks its field's rules. What is left out
 * is the valid cells of shaped columns (dates, booleans, points, listed values, patterned codes) where
 * the sample found nothing. Once something is found past the first rows, its count covers the rows scanned.
 */
public final class PersonalDataGuard implements TableListener {

    private final TableSchema schema;
    private final PrivacyDecisions decisions;
    private final Consumer<ValidationError> warnings;
    private ColumnScan[] scans = new ColumnScan[0];
    /** Cells past the header's last column (extra cells): personal data there is still in the raw file. */
    private final ColumnScan beyondHeader = new ColumnScan("cellules au-delà de la dernière colonne", null);
    /** The action for each schema field, by field index; {@code null} for none. */
    private PrivacyAction[] actionOfField = new PrivacyAction[0];
    private boolean rewrites;
    private KeyedHash hash;
    private final Map<String, PrivacyAction> applied = new LinkedHashMap<>();

    /** Rows whose every cell is scanned, from the first. */
    static final int WHOLE_ROWS = 10_000;
    /** Rows of the reservoir sample drawn from the others (Vitter's algorithm R), each scanned as it is drawn. */
    static final int SAMPLE_ROWS = 1_000;
    /** A fixed seed: a file checked twice gets the same report. */
    private final java.util.Random reservoir = new java.util.Random(0x5EED_16L);
    private long rows;
    /** By column: whether the column is scanned whole (see the class comment); the others are sampled. */
    private boolean[] wholeColumn = new boolean[0];
    /** By column: the schema field it feeds, or -1. */
    private int[] fieldOfColumn = new int[0];

    /**
     * @param warnings where a decision naming a column absent from the file is reported (code
     *                 {@link ErrorCode#PRIVACY_DECISION}): it does not apply to this file, stays for the next
     *                 ones, and never makes a file invalid
     */
    public PersonalDataGuard(TableSchema schema, PrivacyDecisions decisions, Consumer<ValidationError> warnings) {
        this.schema = schema;
        this.decisions = decisions;
        this.warnings = warnings;
    }

    @Override
    public void header(TableRow header, ColumnMapping columns) {
        List<Field> fields = schema.fields();
        int[] fieldOfColumn = new int[header.size()];
        Arrays.fill(fieldOfColumn, -1);
        for (int i = 0; i < fields.size(); i++) {
            int column = columns.columnOf(i);
            if (column >= 0 && column < header.size()) {
                fieldOfColumn[column] = i;
            }
        }
        this.fieldOfColumn = fieldOfColumn;
        wholeColumn = new boolean[header.size()];
        for (int column = 0; column < header.size(); column++) {
            int field = fieldOfColumn[column];
            wholeColumn[column] = field < 0 || !fields.get(field).shapesItsValues() || asksForPersonalData(fields.get(field));
        }
        scans = new ColumnScan[header.size()];
        Set<String> labels = new LinkedHashSet<>();
        for (int column = 0; column < header.size(); column++) {
            String label = header.cell(column);
            labels.add(label);
            boolean sheetColumn = label.equals(TableSource.SHEET_COLUMN) && fieldOfColumn[column] < 0;
            if (!sheetColumn) {
                // A column without a name is scanned too; no decision can name it, so it blocks until it gets one.
                String shown = label.isEmpty() ? "n°" + (column + 1) + " (sans nom)" : label;
                scans[column] = new ColumnScan(shown, fieldOfColumn[column] < 0 ? null : fields.get(fieldOfColumn[column]).name());
            }
        }
        // In the file's column order, whatever the order the decisions came in: reports stay reproducible.
        for (String label : labels) {
            PrivacyAction action = decisions.actionFor(label);
            if (action != null) {
                applied.put(label, action);
            }
        }
        for (Map.Entry<String, PrivacyAction> decision : decisions.actions().entrySet()) {
            if (!labels.contains(decision.getKey())) {
                warnings.accept(new ValidationError(ErrorCode.PRIVACY_DECISION, ValidationError.WHOLE_FILE,
                        null, decision.getKey(), PrivacyTexts.missingColumn(decision.getKey(), decision.getValue(),
                        List.copyOf(labels)), ErrorCode.PRIVACY_DECISION.defaultHint()));
            }
        }
        actionOfField = new PrivacyAction[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            int column = columns.columnOf(i);
            if (column >= 0 && column < header.size()) {
                actionOfField[i] = decisions.actionFor(header.cell(column));
                rewrites |= actionOfField[i] != null && actionOfField[i] != PrivacyAction.PUBLIC;
            }
        }
        if (decisions.actions().containsValue(PrivacyAction.HASH)) {
            hash = new KeyedHash(decisions.hashSalt());
        }
    }

    private boolean asksForPersonalData(Field field) {
        for (PersonalDataKind kind : PersonalDataKind.values()) {
            if (FieldRequests.asks(schema, field, kind)) {
                return true;
            }
        }
        return false;
    }

    /** Without the cells' validity (a caller outside {@code TableValidator}): every cell is scanned. */
    @Override
    public List<String> row(TableRow row, List<String> cleanCells) {
        return row(row, cleanCells, null);
    }

    @Override
    public List<String> row(TableRow row, List<String> cleanCells, boolean[] validByField) {
        return row(row, cleanCells, validByField, null);
    }

    /**
     * Analyses beforehand the cells that are scanned whatever the rows before them: those of the columns scanned
     * whole, past the header's last column, or breaking their field's rules. The others depend on the sample and on
     * what was found so far, known only in file order.
     *
     * @return the analysis of each cell, by column, {@code null} where not done
     */
    @Override
    public Object prepare(TableRow row, boolean[] validByField) {
        ColumnScan.Inspection[] inspections = new ColumnScan.Inspection[row.size()];
        for (int column = 0; column < row.size(); column++) {
            ColumnScan scan = column < scans.length ? scans[column] : beyondHeader;
            if (scan != null && (column >= scans.length || wholeColumn[column] || !validByField[fieldOfColumn[column]])) {
                inspections[column] = scan.analyse(row.cell(column));
            }
        }
        return inspections;
    }

    @Override
    public List<String> row(TableRow row, List<String> cleanCells, boolean[] validByField, Object prepared) {
        ColumnScan.Inspection[] inspections = (ColumnScan.Inspection[]) prepared;
        rows++;
        // Algorithm R: row n enters a reservoir of k rows with probability k/n; it is scanned when it enters.
        boolean whole = validByField == null || rows <= WHOLE_ROWS
                || reservoir.nextLong(rows - WHOLE_ROWS) < SAMPLE_ROWS;
        for (int column = 0; column < row.size(); column++) {
            ColumnScan scan = column < scans.length ? scans[column] : beyondHeader;
            if (scan != null && (whole || column >= scans.length || wholeColumn[column] || scan.foundSomething()
                    || !validByField[fieldOfColumn[column]])) {
                if (inspections != null && inspections[column] != null) {
                    scan.record(inspections[column]);
                } else {
                    scan.inspect(row.cell(column));
                }
            }
        }
        if (!rewrites) {
            return cleanCells;
        }
        List<String> rewritten = new ArrayList<>(cleanCells);
        int fields = Math.min(actionOfField.length, rewritten.size());
        for (int i = 0; i < fields; i++) {
            PrivacyAction action = actionOfField[i];
            if (action != null && action != PrivacyAction.PUBLIC) {
                String cell = rewritten.get(i);
                rewritten.set(i, switch (action) {
                    case DROP -> "";
                    case MASK -> CellMasker.mask(cell);
                    case HASH -> hash.hash(cell);
                    case PUBLIC -> cell;
                });
            }
        }
        return rewritten;
    }

    /** What was found so far, in column order, each with the decision covering it if any. */
    public List<PersonalDataFinding> findings() {
        boolean personsBeside = false;
        for (ColumnScan scan : scans) {
            personsBeside |= scan != null && scan.confirmsPersons();
        }
        List<PersonalDataFinding> findings = new ArrayList<>();
        List<ColumnScan> all = new ArrayList<>(Arrays.asList(scans));
        all.add(beyondHeader);
        for (ColumnScan scan : all) {
            if (scan == null) {
                continue;
            }
            PrivacyAction decision = decisions.actionFor(scan.label);
            for (ColumnScan.Detected detected : scan.detected(personsBeside)) {
                long count = detected.signal().count;
                List<String> samples = detected.signal().samples;
                boolean asked = FieldRequests.asks(schema, fieldNamed(scan.field), detected.kind());
                findings.add(new PersonalDataFinding(scan.label, scan.field, detected.kind(), count, samples,
                        PrivacyTexts.message(scan.label, scan.expectedBySchema(), detected.kind(), count, samples)
                                + (asked ? PrivacyTexts.askedBySchema(detected.kind()) : ""),
                        asked && decision == null ? PrivacyTexts.askedHint(detected.kind())
                                : PrivacyTexts.hint(detected.kind(), decision), decision, asked));
            }
        }
        return findings;
    }

    private Field fieldNamed(String name) {
        if (name == null) {
            return null;
        }
        return schema.fields().stream().filter(field -> field.name().equals(name)).findFirst().orElse(null);
    }

    /** The decisions that named a column of the file, by column label in file order: those applied to the clean CSV. */
    public Map<String, PrivacyAction> appliedDecisions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(applied));
    }

    /** One French sentence on the personal data for the report's summary; empty when there is none. */
    public static String summary(List<PersonalDataFinding> findings, Map<String, PrivacyAction> applied) {
        return PrivacyTexts.summary(findings, applied);
    }
}
