package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Yes/no answers written in words (oui/non, vrai/faux, o/n, yes/no), rewritten as the schema
 * spells true and false. A column ticked with "x" and left empty otherwise reads x as yes and
 * empty as no, but only when every filled cell of the column is an x.
 */
final class BooleanWordsFix implements ColumnFix {

    private static final Set<String> TRUE_WORDS = Set.of("oui", "o", "vrai", "yes", "y", "true", "1", "x");
    private static final Set<String> FALSE_WORDS = Set.of("non", "n", "faux", "no", "false", "0");
    // Tried in order: the first the schema accepts is how the fixed file spells the answer.
    private static final List<String> TRUE_SPELLINGS = List.of("true", "1", "oui", "vrai", "True", "TRUE", "Oui", "Vrai");
    private static final List<String> FALSE_SPELLINGS = List.of("false", "0", "non", "faux", "False", "FALSE", "Non", "Faux");

    private final Field field;
    private long words;
    private long filled;
    private long crosses;
    private long empty;
    private String trueText;
    private String falseText;
    private boolean emptyMeansNo;

    private BooleanWordsFix(Field field) {
        this.field = field;
    }

    static Optional<ColumnFix> of(Field field) {
        return field.type().name().equals("boolean") ? Optional.of(new BooleanWordsFix(field)) : Optional.empty();
    }

    @Override
    public FixCode code() {
        return FixCode.BOOLEAN_WORDS;
    }

    @Override
    public void observe(long row, String text, boolean accepted) {
        if (text.isEmpty()) {
            empty++;
            return;
        }
        filled++;
        String word = FieldValues.fold(text);
        if (word.equals("x")) {
            crosses++;
        }
        if (!accepted && (TRUE_WORDS.contains(word) || FALSE_WORDS.contains(word))) {
            words++;
        }
    }

    @Override
    public boolean decide(FixLog log) {
        trueText = TRUE_SPELLINGS.stream().filter(text -> FieldValues.accepts(field, text)
                && Boolean.TRUE.equals(field.type().cast(text).orElse(null))).findFirst().orElse(null);
        falseText = FALSE_SPELLINGS.stream().filter(text -> FieldValues.accepts(field, text)
                && Boolean.FALSE.equals(field.type().cast(text).orElse(null))).findFirst().orElse(null);
        emptyMeansNo = crosses > 0 && crosses == filled && empty > 0;
        return trueText != null && falseText != null && words > 0;
    }

    @Override
    public Optional<String> fix(String text, boolean accepted) {
        if (accepted) {
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return emptyMeansNo ? Optional.of(falseText) : Optional.empty();
        }
        String word = FieldValues.fold(text);
        if (TRUE_WORDS.contains(word)) {
            return Optional.of(trueText);
        }
        return FALSE_WORDS.contains(word) ? Optional.of(falseText) : Optional.empty();
    }

    @Override
    public String description() {
        return "Les réponses de la colonne « " + field.name() + " » ont été réécrites « " + trueText + " » pour oui et « "
                + falseText + " » pour non" + (emptyMeansNo ? " (la colonne étant cochée d'un x, une case vide vaut non)" : "")
                + ".";
    }
}
