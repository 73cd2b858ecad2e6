package fr.passerelle.quality.engine.corpus;

import java.util.List;
import java.util.Map;

/** Car parks (lieux-stationnement 0.1.5): ids {@code INSEE-P-nnn}, the operator's SIRET, tariffs in euros. */
final class ParkingTruth extends TruthGenerator {

    @Override
    String schema() {
        return "lieux-stationnement";
    }

    @Override
    String key() {
        return "id";
    }

    @Override
    Map<String, String> row(int index, Fake fake, List<Commune> communes) {
        Commune commune = fake.pick(communes);
        boolean free = fake.chance(0.3);
        int places = fake.between(40, 600);
        Map<String, String> row = values(
                "id", commune.insee() + "-P-" + String.format("%03d", index + 1),
                "nom", fake.pick(List.of("PARKING GARE", "HOTEL DE VILLE", "REPUBLIQUE", "HALLES")) + " " + (index + 1),
                "insee", commune.insee(),
                "adresse", fake.between(1, 90) + " rue de la Gare, " + commune.postcode() + ", " + commune.name(),
                "url", "https://www.ville-" + IrveTruth.slug(commune.name()) + ".fr/stationnement",
                "type_usagers", fake.pick(List.of("tous", "abonnés")),
                "gratuit", free ? "true" : "false",
                "nb_places", places,
                "nb_pmr", Math.max(1, places / 50),
                "nb_voitures_electriques", fake.between(0, 12),
                "nb_velo", fake.between(0, 30),
                "hauteur_max", fake.pick(List.of("190", "210", "N/A")),
                "num_siret", Fake.siret(Fake.communeSiren(commune), fake.between(10, 99)),
                "Xlong", Fake.plain(fake.longitudeNear(commune)),
                "Ylat", Fake.plain(fake.latitudeNear(commune)),
                "tarif_pmr", fake.pick(List.of("gratuit", "normal_payant")),
                "type_ouvrage", fake.pick(List.of("enclos_en_surface", "ouvrage")));
        if (!free) {
            double hour = fake.between(8, 30) / 10.0;
            row.put("tarif_1h", Fake.plain(hour));
            row.put("tarif_2h", Fake.plain(Fake.round(hour * 1.8, 2)));
            row.put("tarif_24h", Fake.plain(Fake.round(hour * 9, 2)));
            row.put("abo_resident", Fake.plain(fake.between(2500, 6000) / 100.0));
        }
        return row;
    }
}
