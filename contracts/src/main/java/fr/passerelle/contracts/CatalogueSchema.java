package fr.passerelle.contracts;

/**
 * A national schema as the catalogue of schema.data.gouv.fr names it, which is what portals
 * understand: data.gouv.fr checks a resource's declared schema against that catalogue.
 *
 * @param name    the catalogue's name, e.g. {@code etalab/schema-irve-statique}
 * @param version the catalogue's {@code version_name} the file was checked against, e.g. {@code 2.3.1};
 *                null when the version checked is not one the catalogue lists (the name alone is then declared)
 * @param url     the schema's JSON on schema.data.gouv.fr, for portals that take a URL (CKAN's ckanext-validation)
 */
public record CatalogueSchema(String name, String version, String url) {
}
