package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.ValueConstraint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A value of a closed list written with other capitals, accents, spaces or underscores
 * ("Abonnes", "normal payant"), rewritten as the schema spells it. When two allowed values fold
 * to the same text the value is not guessed: the clerk gets a suggestion.
 */
final class EnumCaseFix implements ColumnFix {

    private final Field field;
    /** Folded allowed value → the schema's spelling: the schema's list, a few dozen values. */
    private final Map<String, String> labelByFold = new HashMap<>();
    private final Set<String> clashingFolds = new HashSet<>();
    private long fixable;
    private long ambiguous;
    private final Samples ambiguousSamples = new Samples();

    private EnumCaseFix(Field field, List<String> labels) {
        this.field = field;
        for (String label : labels) {
            String fold = FieldValues.fold(label);
            String other = labelByFold.putIfAbsent(fold, label);
            if (other != null && !other.equals(label)) {
                clashingFolds.add(fold);
            }
        }
    }

    static Optional<ColumnFix> of(Field field) {
        return field.constraints().stream().map(ValueConstraint::allowedTexts).filter(labels -> !labels.isEmpty())
                .findFirst().map(labels -> new EnumCaseFix(field, labels));
    }

    @Override
    public FixCode code() {
        return FixCode.ENUM_CASE;
    }

    @Override
    public void observe(long row, String text, boolean accepted) {
        if (accepted || text.isEmpty()) {
            return;
        }
        String fold = FieldValues.fold(text);
        if (clashingFolds.contains(fold)) {
            ambiguous++;
            ambiguousSamples.add(row, text, "");
        } else if (labelByFold.containsKey(fold)) {
            fixable++;
        }
    }

    @Override
    public boolean decide(FixLog log) {
        if (ambiguous > 0) {
            log.suggested(code(), field.name(), "Certaines valeurs de la colonne « " + field.name() + " » correspondent à "
                    + "plusieurs valeurs autorisées qui ne diffèrent que par les majuscules ou les accents : choisissez "
                    + "vous-même la bonne.", ambiguous, ambiguousSamples.list());
        }
        return fixable > 0;
    }

    @Override
    public Optional<String> fix(String text, boolean accepted) {
        if (accepted || text.isEmpty()) {
            return Optional.empty();
        }
        String fold = FieldValues.fold(text);
        return clashingFolds.contains(fold) ? Optional.empty() : Optional.ofNullable(labelByFold.get(fold));
    }

    @Override
    public String description() {
        return "Les valeurs de la colonne « " + field.name() + " » ont été réécrites comme dans la liste du schéma "
                + "(majuscules, accents, espaces).";
    }
}
