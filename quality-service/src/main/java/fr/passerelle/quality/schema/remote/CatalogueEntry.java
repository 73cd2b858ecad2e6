package fr.passerelle.quality.schema.remote;

import java.net.URI;

/**
 * One Table Schema of the schema.data.gouv.fr catalogue, in its latest version.
 *
 * @param name      the registry name: the catalogue's {@code owner/schema-xyz} without owner nor {@code schema-}
 *                  prefix ({@code etalab/schema-irve-statique} → {@code irve-statique}), as the folder names them
 * @param schemaUrl where that version's schema.json is
 */
public record CatalogueEntry(String name, String title, String version, URI schemaUrl) {
}
