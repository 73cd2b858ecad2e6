package fr.passerelle.quality.engine.schema;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The value must be one of a closed list (compared after casting, as the spec says). */
final class EnumConstraint implements ValueConstraint {

    /** Longer lists are cut in the hint: the clerk can read the schema documentation. */
    private static final int LISTED_VALUES = 10;

    private final Set<Object> allowed;
    private final List<String> labels;

    EnumConstraint(Set<Object> allowed, List<String> labels) {
        this.allowed = Set.copyOf(allowed);
        this.labels = List.copyOf(labels);
    }

    @Override
    public String name() {
        return "enum";
    }

    @Override
    public boolean accepts(Object value) {
        return allowed.contains(value);
    }

    @Override
    public List<String> allowedTexts() {
        return labels;
    }

    @Override
    public String violation() {
        return "ne fait pas partie des valeurs autorisées";
    }

    @Override
    public String hint() {
        String listed = labels.stream().limit(LISTED_VALUES).map(label -> "« " + label + " »")
                .collect(Collectors.joining(", "));
        String more = labels.size() > LISTED_VALUES ? ", …" : "";
        return "Choisissez l'une des valeurs autorisées, en respectant majuscules et accents : " + listed + more + ".";
    }
}
