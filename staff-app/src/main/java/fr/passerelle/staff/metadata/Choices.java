package fr.passerelle.staff.metadata;

import java.util.List;

/** The values the catalogue accepts for licence and frequency, with the words a person reads. */
public final class Choices {

    public record Choice(String id, String label) {
    }

    public static final List<Choice> LICENCES = List.of(
            new Choice("etalab-2.0", "Licence Ouverte / Open Licence 2.0 (recommandée)"),
            new Choice("odbl", "Open Database License (ODbL)"),
            new Choice("cc-by-4.0", "Creative Commons Attribution 4.0"),
            new Choice("cc-by-sa-4.0", "Creative Commons Attribution – Partage dans les mêmes conditions 4.0"),
            new Choice("cc0-1.0", "Creative Commons Zero 1.0 (domaine public)"));

    public static final List<Choice> FREQUENCIES = List.of(
            new Choice("unknown", "Non renseignée"),
            new Choice("continuous", "En continu"),
            new Choice("daily", "Quotidienne"),
            new Choice("weekly", "Hebdomadaire"),
            new Choice("monthly", "Mensuelle"),
            new Choice("quarterly", "Trimestrielle"),
            new Choice("annual", "Annuelle"),
            new Choice("irregular", "Irrégulière"));

    /** Suggestions only (the catalogue takes any text): data.gouv.fr's usual themes. */
    public static final List<String> THEMES = List.of("Agriculture et alimentation", "Culture", "Économie et emploi",
            "Éducation et recherche", "Environnement", "Logement et urbanisme", "Santé", "Société",
            "Territoires et transports", "Transports", "Mobilité", "Tourisme", "Sport", "Énergie",
            "Administration et finances publiques");

    private Choices() {
    }
}
