package fr.passerelle.quality.engine.schema;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a schema's {@code pattern} constraint can be used. The engine skips a pattern it cannot compile so
 * that a national schema's bug never rejects good files; a schema written by staff is told instead.
 */
public final class PatternSyntax {

    private PatternSyntax() {
    }

    /** @return why the pattern cannot be compiled (Java's own description), empty when it can */
    public static Optional<String> problem(String regex) {
        try {
            Pattern.compile(PatternConstraint.fromPython(regex));
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription() + " (position " + e.getIndex() + ")");
        }
    }
}
