package fr.passerelle.staff.administration;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;
import java.util.Map;

/** One entry of the organisation's audit log, as an administrator reads it. */
public record AuditLine(String when, String actor, String address, String action, String dataset, String detail) {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("upload.accepted", "Fichier reçu"),
            Map.entry("upload.rechecked", "Fichier contrôlé de nouveau"),
            Map.entry("source.configured", "Adresse d'export configurée"),
            Map.entry("source.removed", "Adresse d'export retirée"),
            Map.entry("token.issued", "Jeton délivré"),
            Map.entry("token.revoked", "Jeton révoqué"),
            Map.entry("dataset.metadata.changed", "Métadonnées modifiées"),
            Map.entry("dataset.approved", "Version approuvée"),
            Map.entry("target.configured", "Portail connecté"),
            Map.entry("target.retried", "Nouvel envoi à un portail"),
            Map.entry("settings.changed", "Réglages du jeu de données modifiés"),
            Map.entry("organization.settings.changed", "Réglages de l'organisation modifiés"),
            Map.entry("schema.custom.created", "Schéma ajouté"),
            Map.entry("schema.custom.updated", "Schéma mis à jour"),
            Map.entry("schema.custom.deleted", "Schéma supprimé"),
            Map.entry("webhook.created", "Webhook ajouté"),
            Map.entry("webhook.secret.rotated", "Nouveau secret d'un webhook"),
            Map.entry("webhook.enabled", "Webhook réactivé"),
            Map.entry("webhook.deleted", "Webhook supprimé"));

    static AuditLine of(Api.AuditEntry entry) {
        return new AuditLine(Labels.when(entry.occurredAt()), entry.actor() == null ? "—" : entry.actor(),
                entry.address(), action(entry.action()), entry.dataset(), entry.detail());
    }

    /** The action in French; an action this app does not know yet is shown as its code. */
    static String action(String code) {
        return ACTIONS.getOrDefault(code, code);
    }
}
