package fr.passerelle.quality.engine.schema;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The text must match a regular expression as a whole, as the spec says ("^" and "$" are
 * therefore optional). Patterns are written for frictionless, i.e. Python's {@code re}; the few
 * Python-only spellings are translated, and a pattern Java still cannot read is not checked.
 */
final class PatternConstraint implements ValueConstraint {

    private final Pattern pattern;
    private final String source;
    private final String example;

    private PatternConstraint(Pattern pattern, String source, String example) {
        this.pattern = pattern;
        this.source = source;
        this.example = example;
    }

    /**
     * @param example the field's {@code example}, shown in the hint; may be empty
     * @return empty when Java cannot compile the pattern: a schema bug must not reject good files
     */
    static Optional<PatternConstraint> of(String regex, String example) {
        try {
            return Optional.of(new PatternConstraint(Pattern.compile(fromPython(regex)), regex, example));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Named groups {@code (?P<n>…)}, back-references {@code (?P=n)} and {@code \Z} in Java spelling. */
    static String fromPython(String regex) {
        return regex.replace("(?P<", "(?<")
                .replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>")
                .replace("\\Z", "\\z");
    }

    @Override
    public String name() {
        return "pattern";
    }

    @Override
    public boolean accepts(Object value) {
        if (!(value instanceof String text)) {
            return true;
        }
        try {
            return pattern.matcher(new BoundedCharSequence(text)).matches();
        } catch (BoundedCharSequence.BudgetExceededException e) {
            // A pattern that backtracks without end on this value: it does not match in any useful time.
            return false;
        }
    }

    @Override
    public String violation() {
        return "ne respecte pas le format attendu";
    }

    @Override
    public String hint() {
        if (!example.isBlank()) {
            return "Saisissez une valeur de la même forme que l'exemple du schéma : « " + example + " ».";
        }
        return "Saisissez une valeur au format décrit dans la documentation du schéma (expression régulière « "
                + source + " »).";
    }
}
