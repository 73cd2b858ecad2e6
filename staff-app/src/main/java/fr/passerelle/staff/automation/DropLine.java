package fr.passerelle.staff.automation;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;

/** A recent automatic drop (drop zone or export URL) and what became of it, in words. */
public record DropLine(String file, String when, String outcome, String badge, String detail, String uploadPath) {

    static DropLine of(Api.Drop drop) {
        String key = drop.key() == null ? "" : drop.key();
        String file = key.contains("/") ? key.substring(key.lastIndexOf('/') + 1) : key;
        String outcome;
        String badge;
        String detail = drop.reason();
        switch (drop.outcome() == null ? "" : drop.outcome()) {
            case "INGESTED" -> {
                outcome = "Pris en compte";
                badge = "fr-badge--success";
                detail = drop.uploadStatus() == null ? null : "Dépôt : " + Labels.uploadStatus(drop.uploadStatus());
            }
            case "DUPLICATE" -> {
                outcome = "Identique au fichier précédent";
                badge = "fr-badge--info";
                detail = "Aucune nouvelle version.";
            }
            case "REJECTED" -> {
                outcome = "Refusé";
                badge = "fr-badge--error";
            }
            case "FAILED" -> {
                outcome = "En échec";
                badge = "fr-badge--error";
            }
            default -> {
                outcome = "En cours";
                badge = "fr-badge--info";
            }
        }
        return new DropLine(file, Labels.when(drop.detectedAt()), outcome, badge, detail,
                drop.uploadId() == null ? null : "/depots/" + drop.uploadId());
    }
}
