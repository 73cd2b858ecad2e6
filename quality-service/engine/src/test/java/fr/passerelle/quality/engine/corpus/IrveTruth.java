package fr.passerelle.quality.engine.corpus;

import java.util.List;
import java.util.Map;

/**
 * Charging points (irve-statique v2.3.0), one row per point, grouped by station: an operator with its SIREN,
 * AFIREV-style ids (station {@code FRIZIP…}, point {@code FRIZIE…}), the station's point as [lon,lat].
 */
final class IrveTruth extends TruthGenerator {

    private record Operator(String name, String code, String siren, String domain) {
    }

    private static final List<Operator> OPERATORS = List.of(
            new Operator("Izivia", "IZI", Fake.siren("83811260"), "izivia.fr"),
            new Operator("Freshmile", "FRM", Fake.siren("79323570"), "freshmile.com"),
            new Operator("Réseau eborn", "EBN", Fake.siren("25380022"), "eborn.fr"));

    private Operator operator;
    private Commune commune;
    private int station;
    private int pointsLeft;
    private int points;
    private String lonLat;
    private String implantation;
    private String commissioning;

    @Override
    String schema() {
        return "irve-statique";
    }

    @Override
    String key() {
        return "id_pdc_itinerance";
    }

    @Override
    Map<String, String> row(int index, Fake fake, List<Commune> communes) {
        if (index == 0) {
            station = 0;
            pointsLeft = 0;
        }
        if (pointsLeft == 0) {
            station++;
            operator = fake.pick(OPERATORS);
            commune = fake.pick(communes);
            points = fake.between(1, 3);
            pointsLeft = points;
            lonLat = "[" + Fake.plain(fake.longitudeNear(commune)) + "," + Fake.plain(fake.latitudeNear(commune)) + "]";
            implantation = fake.pick(List.of("Voirie", "Parking public", "Parking privé à usage public"));
            commissioning = fake.date();
        }
        int point = points - pointsLeft + 1;
        pointsLeft--;
        String stationId = String.format("FR%sP%s%03d", operator.code(), commune.insee(), station);
        String power = fake.pick(List.of("7.4", "22", "50", "150"));
        boolean fast = Double.parseDouble(power) >= 50;
        return values(
                "nom_amenageur", "Commune de " + commune.name(),
                "siren_amenageur", Fake.communeSiren(commune),
                "contact_amenageur", "contact@ville-" + slug(commune.name()) + ".fr",
                "nom_operateur", operator.name(),
                "contact_operateur", "support@" + operator.domain(),
                "telephone_operateur", "0" + fake.between(1, 5) + String.format("%08d", fake.between(0, 99_999_999)),
                "nom_enseigne", operator.name(),
                "id_station_itinerance", stationId,
                "nom_station", "Station " + commune.name() + " " + station,
                "implantation_station", implantation,
                "adresse_station", (station % 40 + 1) + " place de la Mairie " + commune.postcode() + " " + commune.name(),
                "code_insee_commune", commune.insee(),
                "coordonneesXY", lonLat,
                "nbre_pdc", points,
                "id_pdc_itinerance", stationId.replace("P" + commune.insee(), "E" + commune.insee()) + point,
                "puissance_nominale", power,
                "prise_type_ef", fake.bool(),
                "prise_type_2", fast ? "false" : "true",
                "prise_type_combo_ccs", fast ? "true" : "false",
                "prise_type_chademo", "false",
                "prise_type_autre", "false",
                "gratuit", "false",
                "paiement_acte", "true",
                "paiement_cb", fake.bool(),
                "paiement_autre", "false",
                "tarification", "0,35 € / kWh",
                "condition_acces", fake.pick(List.of("Accès libre", "Accès réservé")),
                "reservation", fake.bool(),
                "horaires", fake.pick(List.of("24/7", "Mo-Sa 07:00-21:00")),
                "accessibilite_pmr", fake.pick(List.of("Accessible mais non réservé PMR", "Accessibilité inconnue")),
                "restriction_gabarit", "Aucune",
                "station_deux_roues", "false",
                "raccordement", fake.pick(List.of("Direct", "Indirect")),
                "date_mise_en_service", commissioning,
                "date_maj", fake.date(),
                "cable_t2_attache", "false");
    }

    static String slug(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
