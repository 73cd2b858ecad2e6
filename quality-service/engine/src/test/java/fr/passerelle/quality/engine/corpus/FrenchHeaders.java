package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.Map;

/** Column labels written as French phrases rather than the schema's names: « Adresse de la station ». */
final class FrenchHeaders implements Mess {

    private static final Map<String, Map<String, String>> PHRASES = Map.of(
            "irve-statique", Map.of(
                    "adresse_station", "Adresse de la station",
                    "nbre_pdc", "Nombre de points de charge",
                    "date_mise_en_service", "Date de mise en service",
                    "nom_enseigne", "Nom de l'enseigne",
                    "puissance_nominale", "Puissance nominale (kW)"),
            "stationnement-cyclable", Map.of(
                    "capacite", "Capacité",
                    "type_accroche", "Type d'accroche",
                    "date_maj", "Date de mise à jour"),
            "lieux-covoiturage", Map.of(
                    "nom_lieu", "Nom du lieu",
                    "nbre_pl", "Nombre de places",
                    "date_maj", "Date de mise à jour"),
            "inclusion-numerique", Map.of(
                    "adresse_code_postal", "Code postal",
                    "adresse_commune", "Commune",
                    "structure_porteuse", "Structure porteuse"),
            "dae", Map.of(
                    "date_instal", "Date d'installation",
                    "com_nom", "Nom de la commune",
                    "modele", "Modèle"),
            "lieux-stationnement", Map.of(
                    "nb_places", "Nombre de places",
                    "hauteur_max", "Hauteur maximale",
                    "type_usagers", "Type d'usagers"));

    @Override
    public String name() {
        return "french-headers";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        PHRASES.getOrDefault(schema.name(), Map.of()).forEach((field, phrase) -> {
            int column = table.column(field);
            if (column >= 0) {
                table.labels.set(column, phrase);
            }
        });
    }
}
