package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.read.RecentResults;
import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Yes/no answers written in words (oui/non, vrai/faux, o/n, yes/no), rewritten as the schema
 * spells true and false, the column's own accepted spelling first ("1" stays the column's yes). A column ticked with "x" and left empty otherwise reads x as yes and
 * empty as no, but only when every filled cell of the column is an x.
 */
final class BooleanWordsFix implements ColumnFix {

    private static final Set<String> TRUE_WORDS = Set.of("oui", "o", "vrai", "yes", "y", "true", "1", "x");
    private static final Set<String> FALSE_WORDS = Set.of("non", "n", "faux", "no", "false", "0");
    // Tried in order: the first the schema accepts is how the fixed file spells the answer.
    private static final List<String> TRUE_SPELLINGS = List.of("true", "1", "oui", "vrai", "True", "TRUE", "Oui", "Vrai");
    private static final List<String> FALSE_SPELLINGS = List.of("false", "0", "non", "faux", "False", "FALSE", "Non", "Faux");

    private final Field field;
    /** The foldings of the answers met lately: a column of answers holds a handful of spellings. */
    private final RecentResults<String> folded = new RecentResults<>(FieldValues::fold);
    private long words;
    private long filled;
    private long crosses;
    private long empty;
    /** The first spellings of yes and no the schema accepted in this column, followed by the fixed cells. */
    private String columnTrueText;
    private String columnFalseText;
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
        if (accepted && (columnTrueText == null || columnFalseText == null)) {
            Object value = field.type().cast(text).orElse(null);
            if (Boolean.TRUE.equals(value) && columnTrueText == null) {
                columnTrueText = text;
            } else if (Boolean.FALSE.equals(value) && columnFalseText == null) {
                columnFalseText = text;
            }
        }
        String word = folded.get(text);
        if (word.equals("x")) {
            crosses++;
        }
        if (!accepted && (TRUE_WORDS.contains(word) || FALSE_WORDS.contains(word))) {
            words++;
        }
    }

    @Override
    public boolean decide(FixLog log) {
        trueText = columnTrueText != null ? columnTrueText : partner(columnFalseText, FALSE_SPELLINGS, TRUE_SPELLINGS, true);
        falseText = columnFalseText != null ? columnFalseText : partner(trueText, TRUE_SPELLINGS, FALSE_SPELLINGS, false);
        emptyMeansNo = crosses > 0 && crosses == filled && empty > 0;
        return trueText != null && falseText != null && words > 0;
    }

    /**
     * The spelling matching {@code known} ("0" for "1", "false" for "true"), else the first the schema accepts.
     *
     * @param known a spelling already chosen for the other answer, or null
     */
    private String partner(String known, List<String> knownSpellings, List<String> spellings, boolean answer) {
        int index = known == null ? -1 : knownSpellings.indexOf(known);
        if (index >= 0 && means(spellings.get(index), answer)) {
            return spellings.get(index);
        }
        return spellings.stream().filter(text -> means(text, answer)).findFirst().orElse(null);
    }

    private boolean means(String text, boolean answer) {
        return FieldValues.accepts(field, text) && Boolean.valueOf(answer).equals(field.type().cast(text).orElse(null));
    }

    @Override
    public Optional<String> fix(String text, boolean accepted) {
        if (accepted) {
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return emptyMeansNo ? Optional.of(falseText) : Optional.empty();
        }
        String word = folded.get(text);
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
