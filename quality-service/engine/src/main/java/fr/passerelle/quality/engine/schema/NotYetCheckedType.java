package fr.passerelle.quality.engine.schema;

import java.util.Optional;

/**
 * Types this skeleton accepts as-is. TODO check geopoint, geojson, array, object, time,
 * yearmonth and duration; {@code any} stays accepted as-is by definition.
 */
final class NotYetCheckedType implements FieldType {

    private final String name;

    NotYetCheckedType(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Object> cast(String text) {
        return Optional.of(text);
    }

    @Override
    public String expected() {
        return "une valeur de type " + name;
    }

    @Override
    public String hint() {
        return "Vérifiez la valeur.";
    }
}
