package fr.passerelle.staff.upload;

/** One option of the schema list: national schemas and the organisation's own. */
public record SchemaChoice(String name, String label) {
}
