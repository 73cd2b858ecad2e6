package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code one-of-required}: on each row, {@code column1} or {@code column2} (or both) holds a value, e.g. a
 * beneficiary's SIRET or its RNA number (Validata's rule; an absent column counts as empty).
 */
final class OneOfRequired extends ColumnsCheck {

    static final String NAME = "one-of-required";

    private OneOfRequired(List<String> fields) {
        super(NAME, ErrorCode.ONE_OF_REQUIRED, fields);
    }

    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        return columns(params, fields, "column1", "column2").map(OneOfRequired::new);
    }

    @Override
    public Optional<RowViolation> check(List<Cell> cells) {
        if (cells.get(0).filled() || cells.get(1).filled()) {
            return Optional.empty();
        }
        return Optional.of(new RowViolation("", "Au moins l'une des colonnes " + quotedList(fields())
                + " doit comporter une valeur : les deux sont vides sur cette ligne.",
                ErrorCode.ONE_OF_REQUIRED.defaultHint()));
    }
}
