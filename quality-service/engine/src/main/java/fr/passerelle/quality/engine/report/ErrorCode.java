package fr.passerelle.quality.engine.report;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every finding the engine reports, with its frictionless code (https://framework.frictionlessdata.io/docs/errors/),
 * a French title and a default French hint. Codes marked "Passerelle" have no frictionless equivalent; those
 * marked "schema.data.gouv.fr" are the codes of the national validator's custom checks (Validata).
 */
public enum ErrorCode {

    // The file as a whole
    EMPTY_FILE("empty-file", "Fichier vide", // Passerelle
            "Envoyez un fichier CSV dont la première ligne donne les noms des colonnes, puis une ligne par élément."),
    UNREADABLE_FILE("format-error", "Fichier illisible",
            "Envoyez un fichier CSV : dans votre tableur, choisissez « Enregistrer sous » puis le type « CSV UTF-8 »."),
    ENCODING_ERROR("encoding-error", "Caractères illisibles",
            "Dans votre tableur, enregistrez le fichier au format « CSV UTF-8 », puis envoyez-le de nouveau."),
    SOURCE_ERROR("source-error", "Lecture interrompue",
            "Vérifiez cette ligne : refermez chaque guillemet ouvert et raccourcissez les cellules démesurées, puis envoyez le fichier de nouveau."),

    // The header row
    BLANK_LABEL("blank-label", "Colonne sans nom",
            "Donnez à chaque colonne de la première ligne un nom prévu par le schéma, ou supprimez la colonne."),
    DUPLICATE_LABEL("duplicate-label", "Colonne en double",
            "Supprimez ou renommez la colonne en double : chaque nom de colonne ne doit apparaître qu'une fois."),
    MISSING_LABEL("missing-label", "Colonne manquante",
            "Ajoutez cette colonne à la première ligne du fichier, avec exactement ce nom, même si elle reste vide."),
    EXTRA_LABEL("extra-label", "Colonne inconnue",
            "Supprimez cette colonne, ou renommez-la avec l'un des noms de colonne prévus par le schéma."),

    // Rows
    BLANK_ROW("blank-row", "Ligne vide",
            "Supprimez les lignes vides du fichier."),
    EXTRA_CELL("extra-cell", "Cellule en trop",
            "Supprimez les cellules en trop, ou mettez entre guillemets les valeurs qui contiennent le séparateur."),
    MISSING_CELL("missing-cell", "Cellule manquante",
            "Complétez la ligne pour qu'elle ait autant de cellules que la ligne des noms de colonnes."),
    DUPLICATE_ROW("duplicate-row", "Ligne en double",
            "Supprimez la ligne en double."),
    // frictionless v5 spells it "primary-key" (v4 said "primary-key-error").
    PRIMARY_KEY_ERROR("primary-key", "Identifiant en double ou vide",
            "Donnez à chaque ligne un identifiant différent et non vide, ou supprimez la ligne si c'est un doublon."),
    // frictionless v5 spells it "foreign-key" (v4 said "foreign-key-error").
    FOREIGN_KEY_ERROR("foreign-key", "Référence introuvable",
            "Saisissez une valeur qui existe dans la colonne référencée du fichier, ou laissez la cellule vide."),

    // Cells
    TYPE_ERROR("type-error", "Valeur au mauvais format",
            "Corrigez la valeur pour qu'elle respecte le format attendu par le schéma."),
    CONSTRAINT_ERROR("constraint-error", "Valeur non conforme",
            "Corrigez la valeur pour qu'elle respecte les règles du schéma."),
    UNIQUE_ERROR("unique-error", "Valeur en double",
            "Corrigez l'une des deux lignes : chaque valeur de cette colonne doit être différente."),

    // Custom checks of schema.data.gouv.fr
    FRENCH_SIRET_VALUE("french-siret-value", "Numéro SIRET invalide", // schema.data.gouv.fr
            "Recopiez le numéro SIRET à 14 chiffres depuis l'annuaire des entreprises (annuaire-entreprises.data.gouv.fr) : "
                    + "une faute de frappe suffit à le rendre invalide."),
    FRENCH_GPS_COORDINATES("french-gps-coordinates", "Coordonnées hors de France", // schema.data.gouv.fr
            "Vérifiez les coordonnées : la longitude d'abord, puis la latitude, en degrés décimaux, par exemple "
                    + "[2.3522, 48.8566] pour Paris."),
    FRENCH_SIREN_VALUE("french-siren-value", "Numéro SIREN invalide", // schema.data.gouv.fr
            "Recopiez le numéro SIREN à 9 chiffres depuis l'annuaire des entreprises (annuaire-entreprises.data.gouv.fr) : "
                    + "une faute de frappe suffit à le rendre invalide."),
    OPENING_HOURS_VALUE("opening-hours-value", "Horaires d'ouverture incorrects", // schema.data.gouv.fr
            "Écrivez les horaires comme dans OpenStreetMap (wiki.openstreetmap.org/wiki/FR:Key:opening_hours), par exemple "
                    + "« Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00 » ou « 24/7 »."),
    PHONE_NUMBER_VALUE("phone-number-value", "Numéro de téléphone incorrect", // schema.data.gouv.fr
            "Saisissez un numéro français à 10 chiffres (01 99 00 27 37), un numéro international avec l'indicatif du "
                    + "pays (+33 1 99 00 27 37) ou un numéro court (115, 3949)."),
    YEAR_INTERVAL_VALUE("year-interval-value", "Intervalle d'années incorrect", // schema.data.gouv.fr
            "Saisissez une période de la forme AAAA/AAAA, la première année avant la seconde, par exemple 2023/2024."),
    COHESIVE_COLUMNS_VALUE("cohesive-columns-value", "Colonnes à remplir ensemble", // schema.data.gouv.fr
            "Remplissez toutes ces colonnes sur la ligne, ou laissez-les toutes vides."),
    COMPARE_COLUMNS_VALUE("compare-columns-value", "Comparaison de colonnes fausse", // schema.data.gouv.fr
            "Vérifiez les deux valeurs de la ligne : l'une d'elles est probablement mal saisie."),
    SUM_COLUMNS_VALUE("sum-columns-value", "Somme de colonnes fausse", // schema.data.gouv.fr
            "Vérifiez les valeurs de la ligne : le total doit être égal à la somme des colonnes détaillées."),
    NOMENCLATURE_ACTES_VALUE("nomenclature-actes-value", "Nomenclature Actes invalide", // schema.data.gouv.fr
            "Commencez la valeur par l'une des matières de la nomenclature Actes, suivie d'une barre oblique sans espace, "
                    + "par exemple « Finances locales/Décisions budgétaires »."),
    ONE_OF_REQUIRED("one-of-required", "Une des deux colonnes est requise", // schema.data.gouv.fr
            "Remplissez au moins l'une des deux colonnes sur la ligne."),

    // Decisions on personal data, given by the caller
    PRIVACY_DECISION("privacy-decision", "Décision sur une colonne absente", // Passerelle
            "Écrivez le nom de la colonne exactement comme dans la première ligne du fichier, majuscules et accents compris.");

    private final String code;
    private final String title;
    private final String defaultHint;

    ErrorCode(String code, String title, String defaultHint) {
        this.code = code;
        this.title = title;
        this.defaultHint = defaultHint;
    }

    /** The frictionless code, e.g. {@code "type-error"}: what JSON shows. */
    @JsonValue
    public String code() {
        return code;
    }

    /** French title, for the heading of a group of errors. */
    public String title() {
        return title;
    }

    /** French sentence on how to fix it, when nothing more specific is known. */
    public String defaultHint() {
        return defaultHint;
    }
}
