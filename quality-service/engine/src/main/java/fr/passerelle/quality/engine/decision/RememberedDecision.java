package fr.passerelle.quality.engine.decision;

/**
 * A decision a person made once for a dataset, applied to its next files.
 *
 * @param id      the question's id ({@link Decision#id()})
 * @param kind    what it is about
 * @param subject the column label (mapping, personal data) or schema field (date order); null for near-duplicates
 * @param choice  the value of the chosen answer ({@link DecisionChoice#value()})
 */
public record RememberedDecision(String id, DecisionKind kind, String subject, String choice) {
}
