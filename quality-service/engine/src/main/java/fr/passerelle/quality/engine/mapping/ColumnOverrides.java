package fr.passerelle.quality.engine.mapping;

import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The caller's own column mapping: file label → schema field, winning over every guess. A label
 * mapped to the empty string is ignored (no unknown-column error).
 *
 * <p>Checked when built, against the schema: a field the schema lacks, or two labels for one field,
 * is the caller's mistake and throws an {@link IllegalArgumentException} with a French message
 * meant to be shown as is (the CLI prints it). A label absent from the file is not an error: the
 * report's summary says it did not serve.
 */
public final class ColumnOverrides {

    private static final ColumnOverrides NONE = new ColumnOverrides(Map.of());

    /** File label (stripped) → field name, or "" to ignore the column; in the caller's order. */
    private final Map<String, String> fieldByLabel;

    private ColumnOverrides(Map<String, String> fieldByLabel) {
        this.fieldByLabel = Collections.unmodifiableMap(fieldByLabel);
    }

    public static ColumnOverrides none() {
        return NONE;
    }

    /**
     * @param fieldByLabel file label → field name of {@code schema} (exact name, or the same but for case,
     *                     accents and punctuation), or {@code ""} to ignore the column
     * @throws IllegalArgumentException in French, when a field is unknown, claimed twice, or a label blank
     */
    public static ColumnOverrides of(Map<String, String> fieldByLabel, TableSchema schema) {
        Map<String, String> checked = new LinkedHashMap<>();
        Map<String, String> labelByField = new HashMap<>();
        for (Map.Entry<String, String> entry : fieldByLabel.entrySet()) {
            String label = entry.getKey() == null ? "" : entry.getKey().strip();
            if (label.isEmpty()) {
                throw new IllegalArgumentException("Correspondance de colonnes : le nom de colonne du fichier est vide.");
            }
            String wanted = entry.getValue() == null ? "" : entry.getValue().strip();
            String field = wanted.isEmpty() ? "" : fieldNamed(wanted, schema).orElseThrow(() ->
                    new IllegalArgumentException("Correspondance de colonnes : le schéma « " + schema.displayTitle()
                            + " » n'a pas de champ « " + wanted + " » (colonne « " + label + " »). Ses champs sont : "
                            + String.join(", ", schema.fieldNames()) + "."));
            if (!field.isEmpty()) {
                String other = labelByField.putIfAbsent(field, label);
                if (other != null && !other.equals(label)) {
                    throw new IllegalArgumentException("Correspondance de colonnes : les colonnes « " + other + " » et « "
                            + label + " » sont toutes deux associées au champ « " + field + " ». Une seule colonne "
                            + "peut alimenter un champ.");
                }
            }
            checked.put(label, field);
        }
        return checked.isEmpty() ? NONE : new ColumnOverrides(checked);
    }

    private static Optional<String> fieldNamed(String wanted, TableSchema schema) {
        List<String> names = schema.fieldNames();
        if (names.contains(wanted)) {
            return Optional.of(wanted);
        }
        String key = LooseKey.of(wanted);
        List<String> loose = names.stream().filter(name -> LooseKey.of(name).equals(key)).toList();
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    public boolean isEmpty() {
        return fieldByLabel.isEmpty();
    }

    /** The labels and fields, in the caller's order; "" means the column is ignored. */
    public Map<String, String> asMap() {
        return fieldByLabel;
    }

    /** The override for a file label: same label, else same loose key; "" to ignore the column. */
    Optional<Map.Entry<String, String>> forLabel(String fileLabel) {
        String field = fieldByLabel.get(fileLabel.strip());
        if (field != null) {
            return Optional.of(Map.entry(fileLabel.strip(), field));
        }
        String key = LooseKey.of(fileLabel);
        return fieldByLabel.entrySet().stream().filter(entry -> LooseKey.of(entry.getKey()).equals(key)).findFirst();
    }
}
