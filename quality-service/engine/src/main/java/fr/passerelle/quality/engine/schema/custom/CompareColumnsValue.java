package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code compare-columns-value}: when both cells hold a value, the first compares to the second with {@code op}
 * (">", ">=", "==", "<=", "<"). Numbers compare as numbers, dates as dates (their typed values), other texts
 * lexicographically; a number against a text cannot be compared and is reported (Validata's rules).
 */
final class CompareColumnsValue extends ColumnsCheck {

    static final String NAME = "compare-columns-value";
    private static final Map<String, String> OPERATORS = Map.of(">", "supérieure", ">=", "supérieure ou égale",
            "==", "égale", "<=", "inférieure ou égale", "<", "inférieure");

    private final String op;

    private CompareColumnsValue(List<String> fields, String op) {
        super(NAME, ErrorCode.COMPARE_COLUMNS_VALUE, fields);
        this.op = op;
    }

    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        Object op = params.get("op");
        if (!(op instanceof String operator) || !OPERATORS.containsKey(operator)) {
            return Optional.empty();
        }
        return columns(params, fields, "column", "column2").map(columns -> new CompareColumnsValue(columns, operator));
    }

    @Override
    public Optional<RowViolation> check(List<Cell> cells) {
        Cell first = cells.get(0);
        Cell second = cells.get(1);
        if (!first.filled() || !second.filled()) {
            return Optional.empty();
        }
        Integer comparison = compare(first, second);
        String shown = first.text() + " / " + second.text();
        if (comparison == null) {
            return Optional.of(new RowViolation(shown, "La valeur " + quoted(first.text()) + " de la colonne "
                    + quoted(first.field()) + " ne peut pas être comparée à la valeur " + quoted(second.text())
                    + " de la colonne " + quoted(second.field()) + " : l'une est un nombre, l'autre non.",
                    ErrorCode.COMPARE_COLUMNS_VALUE.defaultHint()));
        }
        boolean holds = switch (op) {
            case ">" -> comparison > 0;
            case ">=" -> comparison >= 0;
            case "==" -> comparison == 0;
            case "<=" -> comparison <= 0;
            default -> comparison < 0;
        };
        return holds ? Optional.empty() : Optional.of(new RowViolation(shown, "La valeur " + quoted(first.text())
                + " de la colonne " + quoted(first.field()) + " devrait être " + OPERATORS.get(op)
                + " à la valeur " + quoted(second.text()) + " de la colonne " + quoted(second.field()) + ".",
                ErrorCode.COMPARE_COLUMNS_VALUE.defaultHint()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Integer compare(Cell first, Cell second) {
        BigDecimal a = number(first);
        BigDecimal b = number(second);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        if (a != null || b != null) {
            return null;
        }
        if (first.value() instanceof Comparable left && second.value() != null
                && first.value().getClass() == second.value().getClass()) {
            return left.compareTo(second.value());
        }
        return first.text().compareTo(second.text());
    }
}
