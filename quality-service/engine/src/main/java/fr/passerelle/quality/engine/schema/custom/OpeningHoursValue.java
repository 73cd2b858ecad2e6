package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code opening-hours-value}: the column holds opening hours in OpenStreetMap's syntax ({@link OpeningHoursSyntax}).
 *
 * <p>One departure from Validata, which rejects them: the bare words {@code true} and {@code false}. The official
 * valid examples of lieux-covoiturage put {@code true} in {@code horaires} and their repository means them valid (its
 * CI runs frictionless, which does not run custom checks). Rejecting the national example would reject every file
 * made after it; the value says "hours unknown" no worse than an empty cell, which the schema allows.
 */
final class OpeningHoursValue implements CustomCheck {

    static final String NAME = "opening-hours-value";
    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false");

    private final String field;

    private OpeningHoursValue(String field) {
        this.field = field;
    }

    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        return CustomCheckRegistry.column(params, fields).map(column -> new OpeningHoursValue(column.name()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.OPENING_HOURS_VALUE;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public Optional<Violation> check(Object value, String text) {
        if (BOOLEAN_WORDS.contains(text) || OpeningHoursSyntax.isValid(text)) {
            return Optional.empty();
        }
        return Optional.of(new Violation("n'est pas une description d'horaires d'ouverture au format d'OpenStreetMap",
                ErrorCode.OPENING_HOURS_VALUE.defaultHint()));
    }
}
