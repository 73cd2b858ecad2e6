package fr.passerelle.quality.engine.decision;

/**
 * What became of a remembered decision in this file.
 *
 * @param id      the decision's id
 * @param choice  the value chosen
 * @param applied false when it had nothing to apply to (the column is no longer in the file): never an error
 * @param message one French sentence saying so
 */
public record AppliedDecision(String id, String choice, boolean applied, String message) {
}
