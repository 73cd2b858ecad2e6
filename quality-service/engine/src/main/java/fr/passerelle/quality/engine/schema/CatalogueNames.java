package fr.passerelle.quality.engine.schema;

import java.util.Locale;
import java.util.Map;

/**
 * The registry name of a schema of the schema.data.gouv.fr catalogue: its name without owner nor "schema-" prefix
 * ("etalab/schema-irve-statique" is irve-statique), except for the schemas the shipped snapshot names otherwise, so
 * that a catalogue refresh replaces them instead of listing them twice.
 */
public final class CatalogueNames {

    private static final Map<String, String> SNAPSHOT_NAMES = Map.of(
            "etalab/schema-stationnement", "lieux-stationnement",
            "lamednum/standard-mediation-num", "mediation-numerique");

    private CatalogueNames() {
    }

    public static String registryName(String catalogueName) {
        String full = catalogueName.strip().toLowerCase(Locale.ROOT);
        String known = SNAPSHOT_NAMES.get(full);
        if (known != null) {
            return known;
        }
        String last = full.substring(full.lastIndexOf('/') + 1);
        return last.startsWith("schema-") ? last.substring("schema-".length()) : last;
    }
}
