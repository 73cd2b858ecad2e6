package fr.passerelle.quality.engine.decision;

import java.util.List;

/**
 * A question the engine leaves to a person, open in this file.
 *
 * @param id       stable: derived from the kind and the column (or field), so that the same question about the
 *                 dataset's next file has the same id (see {@link DecisionIds})
 * @param kind     what the question is about
 * @param subject  the column label as in the file (mapping, personal data), the schema field (date order), or
 *                 {@code null} for the whole file (near-duplicates)
 * @param question the question in French
 * @param choices  the answers offered, the recommended one first
 */
public record Decision(String id, DecisionKind kind, String subject, String question, List<DecisionChoice> choices) {

    public Decision {
        choices = List.copyOf(choices);
    }

    /** Whether {@code value} is one of the answers offered. */
    public boolean offers(String value) {
        return choices.stream().anyMatch(choice -> choice.value().equals(value));
    }
}
