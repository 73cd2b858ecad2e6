package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sum-columns-value}: the column equals the sum of {@code columns}, e.g. votes cast = for + against +
 * abstentions. Checked only when every cell holds a number, as Validata does: a missing count is the business of
 * other rules (cohesive-columns-value, required).
 */
final class SumColumnsValue extends ColumnsCheck {

    static final String NAME = "sum-columns-value";

    private SumColumnsValue(List<String> fields) {
        super(NAME, ErrorCode.SUM_COLUMNS_VALUE, fields);
    }

    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        return columns(params, fields, "column", "columns").filter(columns -> columns.size() >= 2)
                .map(SumColumnsValue::new);
    }

    @Override
    public Optional<RowViolation> check(List<Cell> cells) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Cell cell : cells) {
            if (!cell.filled() || number(cell) == null) {
                return Optional.empty();
            }
        }
        for (Cell part : cells.subList(1, cells.size())) {
            sum = sum.add(number(part));
        }
        Cell total = cells.get(0);
        if (number(total).compareTo(sum) == 0) {
            return Optional.empty();
        }
        List<String> parts = fields().subList(1, fields().size());
        return Optional.of(new RowViolation(total.text(), "La valeur " + quoted(total.text()) + " de la colonne "
                + quoted(total.field()) + " devrait être la somme des colonnes " + quotedList(parts) + ", soit "
                + sum.stripTrailingZeros().toPlainString() + ".", ErrorCode.SUM_COLUMNS_VALUE.defaultHint()));
    }
}
