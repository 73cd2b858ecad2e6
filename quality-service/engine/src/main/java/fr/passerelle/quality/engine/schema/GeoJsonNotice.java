package fr.passerelle.quality.engine.schema;

/** What a person is told about a GeoJSON schema, as long as the engine does not check its files. */
public final class GeoJsonNotice {

    private GeoJsonNotice() {
    }

    /** One French paragraph: the schema is known, its files are GeoJSON and are not checked yet. */
    public static String of(GeoJsonSchema schema) {
        return "Le schéma « " + schema.displayTitle() + " » (" + schema.name() + ") décrit des fichiers GeoJSON "
                + "(une collection d'objets géographiques), pas un tableau : Passerelle ne contrôle pas encore ce type "
                + "de fichier. Vérifiez-le avec le validateur de schema.data.gouv.fr (validata.fr), puis publiez-le "
                + "directement sur data.gouv.fr.";
    }
}
