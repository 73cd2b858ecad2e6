package fr.passerelle.platform.web;

/**
 * The body of every error answer: a stable code for machines, a French message and a French hint
 * for people.
 */
public record ApiError(String code, String message, String hint) {
}
