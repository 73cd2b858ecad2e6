package fr.passerelle.quality.engine.schema;

/** What a person is told about a GeoJSON schema: its files are checked, not yet published by Passerelle. */
public final class GeoJsonNotice {

    private GeoJsonNotice() {
    }

    /** One French paragraph for the schema list. */
    public static String of(GeoJsonSchema schema) {
        return "Le schéma « " + schema.displayTitle() + " » (" + schema.name() + ") décrit des fichiers GeoJSON "
                + "(une collection d'objets géographiques), pas un tableau : Passerelle contrôle ces fichiers et en "
                + "rend le rapport, mais ne les publie pas encore. Une fois le fichier conforme, publiez-le directement "
                + "sur data.gouv.fr.";
    }

    /** Appended to the report of an uploaded GeoJSON file. */
    public static String notPublished() {
        return "Passerelle ne publie pas encore les fichiers GeoJSON : une fois le fichier conforme, publiez-le "
                + "directement sur data.gouv.fr.";
    }
}
