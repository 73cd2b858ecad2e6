package fr.passerelle.quality.engine.schema;

import fr.passerelle.quality.engine.report.ErrorCode;

import java.util.Optional;

/**
 * A check a schema asks for in its {@code custom_checks} (a schema.data.gouv.fr extension of Table
 * Schema), such as {@code french-siret-value}. Built by {@link fr.passerelle.quality.engine.schema.custom.CustomCheckRegistry}.
 */
public interface CustomCheck {

    /** The name the registry knows it by, e.g. {@code "french-siret-value"}. */
    String name();

    /** The code its findings are reported with. */
    ErrorCode code();

    /** The field it checks. */
    String field();

    /**
     * Checks one cell. Never called on an empty cell, nor on a cell already reported for its type or
     * constraints: one finding per cell is enough for the clerk.
     *
     * @param value the value as cast by the field's {@link FieldType}
     * @param text  the trimmed cell text
     */
    Optional<Violation> check(Object value, String text);

    /**
     * What is wrong, in French.
     *
     * @param description completes "La valeur « … » de la colonne « … »", e.g. "n'est pas un numéro SIRET valide"
     * @param hint        a sentence telling the clerk what to do
     */
    record Violation(String description, String hint) {
    }
}
