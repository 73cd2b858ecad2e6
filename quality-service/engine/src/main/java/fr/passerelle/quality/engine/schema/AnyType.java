package fr.passerelle.quality.engine.schema;

import java.util.Optional;

/** Type {@code any}: every value is accepted, by definition. */
final class AnyType implements FieldType {

    @Override
    public String name() {
        return "any";
    }

    @Override
    public Optional<Object> cast(String text) {
        return Optional.of(text);
    }

    @Override
    public String expected() {
        return "une valeur";
    }

    @Override
    public String hint() {
        return "Saisissez une valeur.";
    }
}
