package fr.passerelle.quality.engine.schema;

import java.util.Optional;

/** Type {@code array}: a JSON array. Its number of items is what minLength and maxLength measure. */
final class JsonArrayType implements FieldType {

    @Override
    public String name() {
        return "array";
    }

    @Override
    public Optional<Object> cast(String text) {
        return JsonText.parse(text).filter(node -> node.isArray()).map(node -> node);
    }

    @Override
    public String expected() {
        return "une liste JSON";
    }

    @Override
    public String hint() {
        return "Saisissez une liste JSON entre crochets, par exemple [\"lundi\", \"mardi\"].";
    }
}
