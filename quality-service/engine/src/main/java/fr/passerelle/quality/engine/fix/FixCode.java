package fr.passerelle.quality.engine.fix;

/** The automatic fixes, each with its stable code and the French words the summary lists it with. */
public enum FixCode {

    DATE_FORMAT("date-format", "dates au format ISO"),
    DECIMAL_COMMA("decimal-comma", "nombres (virgule décimale, séparateurs de milliers)"),
    BOOLEAN_WORDS("boolean-words", "réponses oui/non"),
    ENUM_CASE("enum-case", "valeurs de liste (majuscules, accents)"),
    WHITESPACE("whitespace", "espaces en trop"),
    CODE_PADDING("code-padding", "codes SIRET, SIREN, INSEE ou postaux"),
    PHONE_FORMAT("phone-format", "numéros de téléphone"),
    GEOPOINT_SPELLING("geopoint-spelling", "points réécrits au format du schéma"),
    LATLON_SWAP("latlon-swap", "latitude et longitude inversées"),
    REPROJECTION("reprojection", "coordonnées converties en WGS84"),
    COORDINATES_SPLIT("coordinates-split", "coordonnées séparées en latitude et longitude"),
    COORDINATES_JOINED("coordinates-joined", "colonnes X et Y réunies en un point"),
    ADDRESS_JOINED("address-joined", "colonnes d'adresse réunies en une adresse"),
    DUPLICATE_ROW_DROPPED("duplicate-row-dropped", "lignes en double supprimées"),
    FURNITURE_DROPPED("furniture-dropped", "lignes de total et notes sous le tableau retirées"),
    BLANK_ROW_DROPPED("blank-row-dropped", "lignes vides supprimées"),
    EMPTY_COLUMN_DROPPED("empty-column-dropped", "colonnes vides supprimées"),
    /** Only ever a suggestion: a person decides whether two rows are the same place. */
    NEAR_DUPLICATE("near-duplicate", "doublons probables"),
    /** Applied only when a person decided, for the dataset, that its near-duplicates are duplicates. */
    NEAR_DUPLICATE_DROPPED("near-duplicate-dropped", "doublons probables supprimés (décision mémorisée)");

    private final String code;
    private final String label;

    FixCode(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** French noun phrase for the summary, e.g. "dates au format ISO". */
    public String label() {
        return label;
    }
}
