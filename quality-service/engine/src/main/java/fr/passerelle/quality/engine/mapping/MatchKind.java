package fr.passerelle.quality.engine.mapping;

/** How a file column was matched with a schema field, from the surest to the least sure. */
public enum MatchKind {
    /** Chosen by the caller ({@code QualityCheck.withColumnMapping}); with no field, the column is ignored. */
    USER("correspondance demandée"),
    /** The label is the field's name. */
    EXACT("nom exact"),
    /** The label is the field's name but for case, accents, spaces, underscores, dashes or punctuation. */
    NORMALISED("même nom, aux majuscules, accents ou ponctuation près"),
    /** The label is the field's title (same leniency). */
    TITLE("titre du champ"),
    /**
     * The label has the field's words, read in French: « Adresse de la station » for {@code adresse_station},
     * « Nombre de points de charge » for {@code nbre_pdc} (see {@link HeaderWords}).
     */
    WORDS("mêmes mots que le nom ou le titre du champ"),
    /** The label is a known synonym of the field (column-synonyms.txt), e.g. « Lat » for « latitude ». */
    SYNONYM("synonyme connu"),
    /** The label is close to the field's name or title (a typo such as « lattitude »); see the score. */
    FUZZY("nom approchant"),
    /** The column feeds no field. */
    NONE("non reconnue");

    private final String description;

    MatchKind(String description) {
        this.description = description;
    }

    /** How the match was made, in French, e.g. "synonyme connu". */
    public String description() {
        return description;
    }

    /** Whether the mapping is worth telling the clerk: the label is not exactly the field's name. */
    public boolean worthTelling() {
        return this != EXACT && this != NONE;
    }
}
