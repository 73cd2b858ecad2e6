package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cohesive-columns-value}: on each row, the column and {@code othercolumns} are all filled or all empty
 * (Validata's rule; columns absent from the file are left out, their absence being reported already).
 */
final class CohesiveColumnsValue extends ColumnsCheck {

    static final String NAME = "cohesive-columns-value";

    private CohesiveColumnsValue(List<String> fields) {
        super(NAME, ErrorCode.COHESIVE_COLUMNS_VALUE, fields);
    }

    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        return columns(params, fields, "column", "othercolumns").filter(columns -> columns.size() >= 2)
                .map(CohesiveColumnsValue::new);
    }

    @Override
    public Optional<RowViolation> check(List<Cell> cells) {
        List<Cell> present = cells.stream().filter(cell -> cell.text() != null).toList();
        long filled = present.stream().filter(Cell::filled).count();
        if (filled == 0 || filled == present.size()) {
            return Optional.empty();
        }
        List<String> empty = present.stream().filter(cell -> !cell.filled()).map(Cell::field).toList();
        return Optional.of(new RowViolation("", "Les colonnes " + quotedList(fields()) + " doivent toutes être "
                + "remplies ou toutes être vides : " + (empty.size() == 1 ? "la colonne " : "les colonnes ")
                + quotedList(empty) + (empty.size() == 1 ? " est vide" : " sont vides") + " sur cette ligne.",
                ErrorCode.COHESIVE_COLUMNS_VALUE.defaultHint()));
    }
}
