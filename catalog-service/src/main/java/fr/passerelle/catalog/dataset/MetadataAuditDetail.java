package fr.passerelle.catalog.dataset;

import java.util.ArrayList;
import java.util.List;

/** What a metadata update sent, in words for the organisation's audit log (the values stay in the catalogue). */
final class MetadataAuditDetail {

    private MetadataAuditDetail() {
    }

    static String of(MetadataUpdate update) {
        List<String> fields = new ArrayList<>();
        add(fields, update.title(), "titre");
        add(fields, update.description(), "description");
        add(fields, update.keywords(), "mots-clés");
        add(fields, update.theme(), "thème");
        add(fields, update.licence(), "licence");
        add(fields, update.frequency(), "fréquence de mise à jour");
        if (update.temporalStart() != null || update.temporalEnd() != null || update.clears("temporalStart")
                || update.clears("temporalEnd")) {
            fields.add("période couverte");
        }
        add(fields, update.spatial(), "couverture géographique");
        if (update.contactName() != null || update.contactEmail() != null || update.clears("contactName")
                || update.clears("contactEmail")) {
            fields.add("contact");
        }
        if (update.alwaysAsk() != null) {
            fields.add(update.alwaysAsk() ? "« toujours demander » activé" : "« toujours demander » désactivé");
        }
        return fields.isEmpty() ? "Métadonnées envoyées sans changement de champ."
                : "Champs envoyés : " + String.join(", ", fields) + ".";
    }

    private static void add(List<String> fields, Object value, String label) {
        if (value != null) {
            fields.add(label);
        }
    }
}
