package fr.passerelle.quality.engine.schema;

/** One line of the schema catalog. */
public record SchemaSummary(String name, String title, String version, int fieldCount) {
}
