package fr.passerelle.staff.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The French words for the services' codes (statuses, stages, verdicts), as pages show them. */
public final class Labels {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);

    private static final Map<String, String> UPLOAD_STATUS = Map.of(
            "RECEIVED", "Fichier reçu",
            "CHECKING", "Contrôle en cours",
            "CHECKED", "Contrôlé",
            "AWAITING_APPROVAL", "En attente d'approbation",
            "PUBLISHING", "Publication en cours",
            "PUBLISHED", "Publié",
            "REJECTED", "Refusé : le fichier contient des erreurs",
            "BLOCKED", "Bloqué : des données personnelles attendent une décision",
            "REFUSED", "Refusé par un publieur : cette version ne sera pas publiée",
            "FAILED", "La publication a échoué");

    private static final Map<String, String> STAGE = Map.of(
            "received", "Réception du fichier",
            "quality", "Contrôle de qualité",
            "catalog", "Enregistrement de la version",
            "version", "Enregistrement de la version",
            "approval", "Approbation",
            "publication", "Publication");

    private static final Map<String, String> VERSION_STATE = Map.of(
            "AWAITING_APPROVAL", "En attente d'approbation",
            "PUBLICATION_REQUESTED", "Publication en cours",
            "PUBLISHED", "Publiée",
            "PUBLICATION_FAILED", "Publication échouée",
            "REFUSED", "Refusée par un publieur");

    private static final Map<String, String> APPROVAL_ACTION = Map.of(
            "APPROVED", "Jeu de données approuvé",
            "VERSION_APPROVED", "Versions en attente approuvées",
            "APPROVAL_WITHDRAWN", "Approbation retirée",
            "REFUSED", "Versions refusées",
            "ALWAYS_ASK_ON", "Approbation demandée pour chaque version",
            "ALWAYS_ASK_OFF", "Publication automatique des nouvelles versions");

    private static final Map<String, String> VERDICT = Map.of(
            "VALID", "Fichier valide",
            "INVALID", "Fichier non conforme",
            "BLOCKED", "Fichier bloqué (données personnelles)");

    private static final Map<String, String> TARGET = Map.of(
            "udata", "data.gouv.fr",
            "ckan", "CKAN",
            "ods", "OpenDataSoft");

    private Labels() {
    }

    public static String uploadStatus(String status) {
        return UPLOAD_STATUS.getOrDefault(status, "État inconnu");
    }

    public static boolean isFinal(String status) {
        return switch (status == null ? "" : status) {
            case "PUBLISHED", "REJECTED", "BLOCKED", "REFUSED", "FAILED", "AWAITING_APPROVAL" -> true;
            default -> false;
        };
    }

    public static String stage(String stage) {
        return STAGE.getOrDefault(stage, stage);
    }

    public static String versionState(String state) {
        return VERSION_STATE.getOrDefault(state, "—");
    }

    public static String approvalAction(String action) {
        return APPROVAL_ACTION.getOrDefault(action, "Décision");
    }

    public static String verdict(String verdict) {
        return VERDICT.getOrDefault(verdict, "Contrôle impossible");
    }

    public static String target(String kind) {
        return TARGET.getOrDefault(kind, kind);
    }

    public static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(PARIS));
    }

    /** "97,5 %" */
    public static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.FRENCH, "%.1f %%", value).replace(",0 %", " %");
    }
}
