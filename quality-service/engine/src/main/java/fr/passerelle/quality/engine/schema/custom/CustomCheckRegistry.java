package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The custom checks this engine implements, by the name schemas give them in {@code custom_checks}.
 * Schemas spell names with dashes or underscores ({@code french-siret-value},
 * {@code french_gps_coordinates}): both are accepted. Adding a check means adding one class and
 * one line here.
 */
public final class CustomCheckRegistry {

    private static final Map<String, Factory> FACTORIES = Map.ofEntries(
            Map.entry(FrenchSiretValue.NAME, FrenchSiretValue::of),
            // Validata's newer name for the same check.
            Map.entry("siret", FrenchSiretValue::of),
            Map.entry(FrenchSirenValue.NAME, FrenchSirenValue::of),
            Map.entry(FrenchGpsCoordinates.NAME, FrenchGpsCoordinates::of),
            Map.entry(OpeningHoursValue.NAME, OpeningHoursValue::of),
            Map.entry(PhoneNumberValue.NAME, PhoneNumberValue::of),
            Map.entry(YearIntervalValue.NAME, YearIntervalValue::of),
            Map.entry(NomenclatureActesValue.NAME, NomenclatureActesValue::of),
            Map.entry(CompareColumnsValue.NAME, CompareColumnsValue::of),
            Map.entry(SumColumnsValue.NAME, SumColumnsValue::of),
            Map.entry(CohesiveColumnsValue.NAME, CohesiveColumnsValue::of),
            Map.entry(OneOfRequired.NAME, OneOfRequired::of));

    private CustomCheckRegistry() {
    }

    /** The names understood, in their dashed spelling. */
    public static Set<String> names() {
        return new TreeSet<>(FACTORIES.keySet());
    }

    /**
     * @param name   as the schema writes it
     * @param params the check's {@code params} object, as plain Java values (maps, lists, strings, numbers)
     * @param fields the schema's fields, for checks on a column
     * @return empty when the name is unknown or the parameters unusable (e.g. a column the schema does not have)
     */
    public static Optional<CustomCheck> create(String name, Map<String, Object> params, List<Field> fields) {
        Factory factory = FACTORIES.get(normalise(name));
        return factory == null ? Optional.empty() : factory.create(params, fields);
    }

    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The field named by the usual {@code "column"} parameter. */
    static Optional<Field> column(Map<String, Object> params, List<Field> fields) {
        Object column = params.get("column");
        return fields.stream().filter(field -> field.name().equals(column)).findFirst();
    }

    @FunctionalInterface
    private interface Factory {
        Optional<CustomCheck> create(Map<String, Object> params, List<Field> fields);
    }
}
