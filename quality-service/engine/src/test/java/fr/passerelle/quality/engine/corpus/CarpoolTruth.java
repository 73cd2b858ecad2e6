package fr.passerelle.quality.engine.corpus;

import java.util.List;
import java.util.Map;

/** Car-sharing areas (lieux-covoiturage 0.3.0): the department's SIREN as source, Xlong/Ylat in degrees. */
final class CarpoolTruth extends TruthGenerator {

    @Override
    String schema() {
        return "lieux-covoiturage";
    }

    @Override
    String key() {
        return "id_local";
    }

    @Override
    Map<String, String> row(int index, Fake fake, List<Commune> communes) {
        Commune commune = fake.pick(communes);
        String department = commune.insee().substring(0, 2);
        return values(
                "id_local", String.format("COV%s%03d", department, index + 1),
                "nom_lieu", fake.pick(List.of("Aire du Stade", "Parking de la Gare", "Les Romains", "Zone des Prés")) + " " + (index + 1),
                "ad_lieu", fake.between(1, 80) + ", rue de la Gare",
                "com_lieu", commune.name(),
                "insee", commune.insee(),
                "type", fake.pick(List.of("Aire de covoiturage", "Parking", "Parking relais", "Supermarché")),
                "date_maj", fake.date(),
                "ouvert", "true",
                "source", Fake.siren("22" + department.replace("2A", "20") + "000" + department.charAt(1)),
                "Xlong", Fake.plain(fake.longitudeNear(commune)),
                "Ylat", Fake.plain(fake.latitudeNear(commune)),
                "nbre_pl", fake.between(8, 120),
                "nbre_pmr", fake.between(0, 4),
                "horaires", fake.pick(List.of("24/7", "Mo-Fr 06:00-21:00")),
                "proprio", fake.pick(List.of("Département", "Commune")),
                "lumiere", fake.bool());
    }
}
