package fr.passerelle.quality.engine.detection;

/**
 * How well a file's header fits one schema of the catalogue.
 *
 * @param name              the schema's catalogue name
 * @param title             the schema's title, as shown to people
 * @param score             0 to 1: the share of fields recognised, required fields counting double and close
 *                          spellings by their similarity, lowered by the share of unknown columns
 * @param recognisedPercent share of the schema's fields recognised in the header, in whole percent
 * @param matchedFields     fields recognised
 * @param fieldCount        fields in the schema
 * @param unknownColumns    file columns matching no field of this schema
 */
public record SchemaCandidate(String name, String title, double score, int recognisedPercent, int matchedFields,
                              int fieldCount, long unknownColumns) {
}
