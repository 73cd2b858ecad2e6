package fr.passerelle.portals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The piece of schema.data.gouv.fr's catalogue ({@code schemas.json}, datagouv/schema.data.gouv.fr commit 0bd884a)
 * the contract servers serve: the names and versions data.gouv.fr accepts on a resource, and the schema URLs a
 * CKAN with ckanext-validation can read.
 */
public final class SchemaCatalogue {

    /** Catalogue name → its version names, oldest first. */
    public static final Map<String, List<String>> VERSIONS = Map.of(
            "etalab/schema-irve-statique", List.of("2.2.0", "2.2.1", "2.3.0", "2.3.1"),
            "etalab/schema-stationnement-cyclable", List.of("0.2.1", "1.0.0", "1.1.0", "1.1.1"),
            "etalab/schema-lieux-covoiturage", List.of("0.2.7", "0.2.8", "0.3.0", "0.3.1"));

    private static final Map<String, String> FILES = Map.of(
            "etalab/schema-irve-statique", "schema-statique.json",
            "etalab/schema-stationnement-cyclable", "schema.json",
            "etalab/schema-lieux-covoiturage", "schema.json");

    /** Catalogue name → the folder of the quality engine's resources holding that schema's Table Schema. */
    private static final Map<String, String> ENGINE_FOLDERS = Map.of(
            "etalab/schema-irve-statique", "irve-statique",
            "etalab/schema-stationnement-cyclable", "stationnement-cyclable",
            "etalab/schema-lieux-covoiturage", "lieux-covoiturage");

    private SchemaCatalogue() {
    }

    /**
     * The Table Schema a catalogue name stands for, read from the copy the quality engine ships (one copy of each
     * national schema in the project). It is the engine's version of the schema whatever version a URL names: close
     * enough for a stand-in that checks labels and required cells.
     */
    public static Optional<com.fasterxml.jackson.databind.JsonNode> tableSchema(String name) {
        String folder = ENGINE_FOLDERS.get(name);
        if (folder == null) {
            return Optional.empty();
        }
        try (var in = SchemaCatalogue.class.getClassLoader()
                .getResourceAsStream("fr/passerelle/quality/engine/schemas/" + folder + "/schema.json")) {
            return in == null ? Optional.empty() : Optional.of(Exchanges.JSON.readTree(in));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The catalogue's {@code schemas.json}, shaped as udata reads it. */
    public static Map<String, Object> asJson(Map<String, List<String>> versions) {
        return Map.of("schemas", versions.entrySet().stream().map(entry -> Map.of(
                "name", entry.getKey(), "schema_type", "tableschema",
                "schema_url", url(entry.getKey(), "latest"),
                "versions", entry.getValue().stream()
                        .map(version -> Map.of("version_name", version, "schema_url", url(entry.getKey(), version)))
                        .toList())).toList());
    }

    /** A schema URL on schema.data.gouv.fr, {@code latest} or a version name. */
    public static String url(String name, String version) {
        return "https://schema.data.gouv.fr/schemas/" + name + "/" + version + "/" + FILES.get(name);
    }

    /** The catalogue name a schema URL points at, if it is one the catalogue lists (a version or latest). */
    public static Optional<String> nameOf(String url) {
        return VERSIONS.keySet().stream().filter(name -> url.equals(url(name, "latest"))
                || VERSIONS.get(name).stream().anyMatch(version -> url.equals(url(name, version)))).findFirst();
    }
}
