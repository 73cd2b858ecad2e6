package fr.passerelle.publish.remote;

import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.contracts.PublicationRequested;

/**
 * What a portal is told of the schema of a dataset's published version, in the publisher's words: the national
 * schema and where each portal holds it, or — for an organisation's own schema — that nothing is declared, and why.
 * The connectors decide what is sent ({@link UdataMetadata#resource}, {@link CkanMetadata#resourceFields},
 * {@link OdsMetadata#schemaSentence}); this says it.
 */
final class SchemaDeclaration {

    private SchemaDeclaration() {
    }

    /** @return a French sentence, or null when nothing is published yet or the version has no schema at all */
    static String describe(String kind, PublicationRequested latest) {
        if (latest == null) {
            return null;
        }
        CatalogueSchema national = latest.catalogueSchema();
        if (national == null) {
            return latest.schema() == null || latest.schema().isBlank() ? null
                    : "Aucun schéma déclaré : « " + latest.schema() + " » est un schéma propre à votre organisation,"
                    + " absent du catalogue national de schema.data.gouv.fr, que " + portal(kind)
                    + " ne pourrait pas reconnaître. Le fichier y est publié sans schéma.";
        }
        String named = "« " + national.name() + " »" + (national.version() == null ? "" : " version " + national.version());
        return switch (kind) {
            case UdataPublisher.KIND -> "Schéma déclaré sur la ressource : " + named
                    + (national.version() == null ? " (le catalogue national ne liste pas la version contrôlée)" : "")
                    + ".";
            case CkanPublisher.KIND -> "Schéma déclaré sur la ressource par son adresse, que le portail valide : "
                    + national.url() + ".";
            case OdsPublisher.KIND -> "Schéma " + named + " nommé dans la description et les mots-clés"
                    + " (OpenDataSoft n'a pas de champ pour un schéma).";
            default -> null;
        };
    }

    private static String portal(String kind) {
        return switch (kind) {
            case UdataPublisher.KIND -> "data.gouv.fr";
            case CkanPublisher.KIND -> "le portail CKAN";
            case OdsPublisher.KIND -> "OpenDataSoft";
            default -> "le portail";
        };
    }
}
