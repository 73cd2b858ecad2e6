package fr.passerelle.quality.engine.schema;

import java.util.Optional;

/** Type {@code object}: a JSON object. Its size (number of keys) is what minLength and maxLength measure. */
final class JsonObjectType implements FieldType {

    @Override
    public String name() {
        return "object";
    }

    @Override
    public Optional<Object> cast(String text) {
        return JsonText.parse(text).filter(node -> node.isObject()).map(node -> node);
    }

    @Override
    public String expected() {
        return "un objet JSON";
    }

    @Override
    public String hint() {
        return "Saisissez un objet JSON entre accolades, par exemple {\"nom\": \"Mairie\", \"etage\": 1}.";
    }
}
