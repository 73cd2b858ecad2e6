package fr.passerelle.quality.engine.schema;

import java.util.Optional;

/**
 * A type name the spec does not define, or a format this engine cannot read yet (a strftime
 * directive such as {@code %B}): accepted as-is, so that a good file is never rejected for it.
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
