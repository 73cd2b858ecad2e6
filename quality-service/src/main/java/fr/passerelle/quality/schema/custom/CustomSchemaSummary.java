package fr.passerelle.quality.schema.custom;

import java.time.Instant;

/**
 * One of an organisation's own schemas, as listed.
 *
 * @param version   the number of its latest version, from 1
 * @param updatedAt when that version was stored
 */
public record CustomSchemaSummary(String name, String title, int version, int fieldCount, Instant updatedAt) {
}
