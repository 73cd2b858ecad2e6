package fr.passerelle.quality.engine.read;

/**
 * What a raw file holds, told from its content (magic bytes, first character), never from its
 * name. The formats the engine cannot read carry the French sentence saying what to send instead.
 */
public enum SourceFormat {
    EMPTY(null),
    CSV(null),
    XLSX(null),
    XLS(null),
    JSON(null),
    GEOJSON(null),
    PDF("Le fichier est un document PDF : Passerelle ne peut pas en extraire le tableau. Envoyez le tableau "
            + "lui-même, enregistré en CSV ou en XLSX."),
    IMAGE("Le fichier est une image : Passerelle ne lit que des tableaux. Envoyez un fichier CSV ou XLSX."),
    ZIP("Le fichier est une archive ZIP qui n'est pas un classeur Excel : envoyez chaque tableau séparément, "
            + "en CSV ou en XLSX."),
    DAMAGED_ZIP("Le fichier est une archive ZIP (peut-être un classeur XLSX) endommagée ou incomplète : enregistrez-le "
            + "de nouveau en XLSX ou CSV, puis envoyez-le de nouveau."),
    XLSB("Le fichier est un classeur Excel binaire (XLSB), que Passerelle ne lit pas : enregistrez-le en XLSX ou CSV "
            + "(Fichier > Enregistrer sous) puis envoyez-le de nouveau."),
    ODS("Le fichier est un classeur LibreOffice (ODS), que Passerelle ne lit pas : enregistrez-le en XLSX ou CSV "
            + "(menu Fichier > Enregistrer sous) puis envoyez-le de nouveau."),
    WORD("Le fichier est un document Word : Passerelle ne lit que des tableaux. Copiez le tableau dans un "
            + "tableur et enregistrez-le en XLSX ou CSV."),
    OTHER_OFFICE("Le fichier est un document Office qui n'est pas un classeur Excel : envoyez un fichier CSV ou XLSX."),
    ENCRYPTED_WORKBOOK("Le classeur est protégé par un mot de passe : Passerelle ne peut pas l'ouvrir. Retirez la "
            + "protection (Fichier > Informations > Protéger le classeur) ou enregistrez-le en CSV, puis envoyez-le "
            + "de nouveau."),
    JSON_NOT_TABLE("Le fichier JSON n'est ni une liste d'objets ni une FeatureCollection GeoJSON : Passerelle ne peut "
            + "pas en tirer un tableau. Envoyez une liste d'objets JSON, une FeatureCollection, ou un fichier CSV."),
    BINARY("Le fichier n'est pas un fichier texte CSV ni un classeur que Passerelle sait lire : envoyez un fichier "
            + "CSV, XLSX, XLS, JSON ou GeoJSON.");

    private final String refusal;

    SourceFormat(String refusal) {
        this.refusal = refusal;
    }

    /** True for the formats the engine refuses, with {@link #refusal()} saying why. */
    public boolean refused() {
        return refusal != null;
    }

    /** The French sentence for a refused format; {@code null} for a readable one. */
    public String refusal() {
        return refusal;
    }
}
