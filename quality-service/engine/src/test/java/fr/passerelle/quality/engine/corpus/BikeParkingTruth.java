package fr.passerelle.quality.engine.corpus;

import java.util.List;
import java.util.Map;

/** Bicycle racks (stationnement-cyclable 1.1.2): a local id per rack, its point as [lon,lat]. */
final class BikeParkingTruth extends TruthGenerator {

    @Override
    String schema() {
        return "stationnement-cyclable";
    }

    @Override
    String key() {
        return "id_local";
    }

    @Override
    Map<String, String> row(int index, Fake fake, List<Commune> communes) {
        Commune commune = fake.pick(communes);
        boolean covered = fake.chance(0.3);
        return values(
                "id_local", String.format("ARC-%s-%04d", commune.insee(), index + 1),
                "code_com", commune.insee(),
                "coordonneesxy", "[" + Fake.plain(fake.longitudeNear(commune)) + "," + Fake.plain(fake.latitudeNear(commune)) + "]",
                "capacite", 2 * fake.between(2, 10),
                "capacite_cargo", fake.between(0, 2),
                "type_accroche", fake.pick(List.of("CADRE", "CADRE ET ROUE", "ROUE")),
                "mobilier", fake.pick(List.of("ARCEAU", "RATELIER", "POTELET")),
                "acces", "LIBRE ACCES",
                "gratuit", "true",
                "protection", covered ? "CONSIGNE COLLECTIVE FERMEE" : "STATIONNEMENT NON FERME",
                "couverture", covered ? "true" : "false",
                "surveillance", fake.bool(),
                "lumiere", fake.bool(),
                "url_info", "https://www.ville-" + IrveTruth.slug(commune.name()) + ".fr/velo",
                "d_service", fake.between(2005, 2024),
                "source", "Ville de " + commune.name(),
                "proprietaire", "Ville de " + commune.name(),
                "gestionnaire", "Ville de " + commune.name(),
                "date_maj", fake.date());
    }
}
