package fr.passerelle.quality.engine.decision;

/**
 * One answer offered to a question.
 *
 * @param value what is sent back to choose it (e.g. {@code masquer}, {@code jour-mois}, a field name, {@code ignorer})
 * @param label the answer in French, as a person reads it
 */
public record DecisionChoice(String value, String label) {
}
