package fr.passerelle.quality.engine.corpus;

import java.util.List;
import java.util.Map;

/** Digital-inclusion places (inclusion-numerique 0.1.2): the commune's SIRET, a switchboard number, OSM hours. */
final class DigitalInclusionTruth extends TruthGenerator {

    @Override
    String schema() {
        return "inclusion-numerique";
    }

    @Override
    String key() {
        return "nom";
    }

    @Override
    Map<String, String> row(int index, Fake fake, List<Commune> communes) {
        Commune commune = fake.pick(communes);
        String kind = fake.pick(List.of("Médiathèque", "Espace numérique", "Maison France Services", "Centre social"));
        int number = fake.between(1, 60);
        String street = fake.pick(List.of("rue Victor Hugo", "avenue Jean Jaurès", "place de la République"));
        return values(
                "nom", kind + " de " + commune.name() + " n°" + (index + 1),
                "structure_porteuse", "Mairie de " + commune.name(),
                "type_lieu", fake.pick(List.of("Bibliothèque / Médiathèque", "Espace Public Numérique (EPN)", "Centre social")),
                "statut", "Public",
                "nature_juridique", "Collectivité locale ou territoriale",
                "siret", Fake.siret(Fake.communeSiren(commune), fake.between(10, 90)),
                "adresse_brut", number + " " + street + ", " + commune.postcode() + " " + commune.name(),
                "adresse_numero", number,
                "adresse_rue", street,
                "adresse_code_postal", commune.postcode(),
                "adresse_code_insee", commune.insee(),
                "adresse_commune", commune.name(),
                "adresse_departement", commune.department(),
                "adresse_region", commune.region(),
                "latitude", Fake.plain(fake.latitudeNear(commune)),
                "longitude", Fake.plain(fake.longitudeNear(commune)),
                "en_ligne", fake.chance(0.5) ? "Oui" : "Non",
                "contact_telephone", "0" + fake.pick(List.of(1, 3, 4)) + " " + fake.between(10, 99) + " 45 67 " + fake.between(10, 99),
                "contact_email", "contact@ville-" + IrveTruth.slug(commune.name()) + ".fr",
                "contact_web", "https://www.ville-" + IrveTruth.slug(commune.name()) + ".fr/numerique",
                "horaires_ouverture_brut", "Du mardi au samedi, 9h30-17h30",
                "horaires_ouverture_osm", "Tu-Sa 09:30-17:30",
                "public_cible", fake.pick(List.of("Tout public", "Séniors,Jeunes", "Demandeurs d'emploi")),
                "modalites_acces", fake.pick(List.of("Accès libre", "Sur inscription ou rendez-vous")),
                "modalites_accompagnement", "Individuel,Collectif",
                "tarifs", "Gratuit",
                "services", "Accès à un équipement informatique,Acquisition de compétences numériques",
                "labels", fake.pick(List.of("France Services", "APTIC", "")));
    }
}
