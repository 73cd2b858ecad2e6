package fr.passerelle.staff.automation;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;

/** The dataset's export URL and its last pull, in words. */
public record SourceLine(String url, String schedule, String lastPulled, String outcome, String badge, String detail) {

    static SourceLine of(Api.PullSource source) {
        String outcome = source.lastOutcome() == null ? "Pas encore relevée" : switch (source.lastOutcome()) {
            case "INGESTED" -> "Nouveau fichier reçu";
            case "DUPLICATE" -> "Fichier identique au précédent";
            case "FAILED" -> "Échec de la relève";
            default -> "Relevée";
        };
        String badge = "FAILED".equals(source.lastOutcome()) ? "fr-badge--error"
                : "INGESTED".equals(source.lastOutcome()) ? "fr-badge--success" : "fr-badge--info";
        return new SourceLine(source.url(), IntervalChoice.label(source.intervalMinutes()).toLowerCase(java.util.Locale.FRENCH),
                Labels.when(source.lastPulledAt()), outcome, badge, source.lastDetail());
    }
}
