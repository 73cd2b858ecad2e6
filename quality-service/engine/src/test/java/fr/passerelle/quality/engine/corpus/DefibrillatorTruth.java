package fr.passerelle.quality.engine.corpus;

import java.util.List;
import java.util.Map;

/** Defibrillators (dae 1.0.7): yes/no spelt oui/non as the schema wants, +33 numbers, SIREN and SIRET. */
final class DefibrillatorTruth extends TruthGenerator {

    private static final String MAKER_SIREN = Fake.siren("40203587");
    private static final String MAINTAINER_SIREN = Fake.siren("51238704");

    @Override
    String schema() {
        return "dae";
    }

    @Override
    String key() {
        return "num_serie";
    }

    @Override
    Map<String, String> row(int index, Fake fake, List<Commune> communes) {
        Commune commune = fake.pick(communes);
        String siren = Fake.communeSiren(commune);
        String place = fake.pick(List.of("Mairie", "Gymnase", "Salle des fêtes", "Stade"));
        return values(
                "nom", "DAE " + place + " " + commune.name() + " " + (index + 1),
                "lat_coor1", Fake.plain(fake.latitudeNear(commune)),
                "long_coor1", Fake.plain(fake.longitudeNear(commune)),
                "adr_num", fake.between(1, 40),
                "adr_voie", fake.pick(List.of("Place de la Mairie", "Rue du Stade", "Avenue de la Gare")),
                "com_cp", commune.postcode(),
                "com_insee", commune.insee(),
                "com_nom", commune.name(),
                "acc", fake.pick(List.of("Intérieur", "Extérieur")),
                "acc_lib", fake.chance(0.6) ? "oui" : "non",
                "acc_pcsec", "non",
                "acc_acc", "oui",
                "dae_mobile", "non",
                "acc_etg", "0",
                "disp_j", fake.pick(List.of("7j/7", "lundi|mardi|mercredi|jeudi|vendredi")),
                "disp_h", fake.pick(List.of("24h/24", "heures ouvrables")),
                "tel1", "+33" + fake.between(1, 5) + String.format("%08d", fake.between(0, 99_999_999)),
                "date_instal", fake.date(),
                "etat", "Actif",
                "etat_fonct", "En fonctionnement",
                "fab_siren", MAKER_SIREN,
                "fab_rais", fake.pick(List.of("Zoll", "Philips", "Schiller")),
                "mnt_siren", MAINTAINER_SIREN,
                "mnt_rais", "Défibril Services",
                "modele", fake.pick(List.of("AED Plus", "HS1", "Fred Easy")),
                "num_serie", String.format("X%02d%07d", index % 97, 1_000 + index * 37),
                "lc_ped", "non",
                "dtpr_bat", fake.date(),
                "freq_mnt", "Tous les ans",
                "dispsurv", "oui",
                "dermnt", fake.date(),
                "expt_siren", siren,
                "expt_siret", Fake.siret(siren, 10),
                "expt_rais", "COMMUNE DE " + commune.name().toUpperCase(),
                "expt_tel1", "+33" + fake.between(1, 5) + String.format("%08d", fake.between(0, 99_999_999)),
                "expt_email", "mairie@ville-" + IrveTruth.slug(commune.name()) + ".fr");
    }
}
