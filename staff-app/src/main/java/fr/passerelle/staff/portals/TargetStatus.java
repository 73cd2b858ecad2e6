package fr.passerelle.staff.portals;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;

/**
 * Where a remote portal (data.gouv.fr, CKAN, OpenDataSoft) stands for a dataset or for one of its versions,
 * in the words a person reads: « publié », « en attente », « échec : … », with what to do about a failure.
 * The upload can say « Publié » (on Passerelle's own portal) while a portal failed: this is what shows it.
 *
 * @param state     publie, attente, echec, simule or remplace: for the badge's colour and for tests
 * @param label     « publié (version 3) », « en attente », « échec : … »
 * @param advice    what to do about a failure, or null
 * @param retryable whether « Réessayer » would send something (the portal lacks the latest version)
 * @param schema    what the portal is told of the published version's schema, or why nothing is declared (an
 *                  organisation's own schema); null before any publication
 */
public record TargetStatus(String kind, String portal, String apiUrl, String state, String label, String error,
                           String advice, boolean keyRefused, boolean retryable, Integer lastVersion, String when,
                           String schema) {

    private static final String SENDING = "en attente : envoi en cours";

    /** A push was asked and has not ended: worth asking again in a moment. */
    public boolean sending() {
        return SENDING.equals(label);
    }

    /** The portal's state against the dataset's published version (null: nothing published yet). */
    public static TargetStatus ofDataset(Api.Target target, Integer publishedVersion) {
        String portal = Labels.target(target.kind());
        String when = Labels.when(target.updatedAt());
        String status = target.lastStatus() == null ? "" : target.lastStatus();
        Integer last = target.lastVersion();
        return switch (status) {
            case "FAILED" -> failed(target, portal, when);
            case "PENDING" -> new TargetStatus(target.kind(), portal, target.apiUrl(), "attente",
                    SENDING, null, null, false, false, last, when, target.schemaDeclaration());
            case "DRY_RUN" -> new TargetStatus(target.kind(), portal, target.apiUrl(), "simule",
                    "simulé : rien n'a été envoyé (mode essai du service de publication)", null, null, false, true, last, when, target.schemaDeclaration());
            case "PUBLISHED" -> publishedVersion != null && (last == null || last < publishedVersion)
                    ? waiting(target, portal, publishedVersion, when)
                    : new TargetStatus(target.kind(), portal, target.apiUrl(), "publie",
                    "publié" + (last == null ? "" : " (version " + last + ")"), null, null, false, false, last, when, target.schemaDeclaration());
            default -> publishedVersion == null
                    ? new TargetStatus(target.kind(), portal, target.apiUrl(), "attente",
                    "en attente de la première publication", null, null, false, false, last, when, target.schemaDeclaration())
                    : waiting(target, portal, publishedVersion, when);
        };
    }

    /** The portal's state for one version of the dataset (an upload's page). */
    public static TargetStatus ofVersion(Api.Target target, int version) {
        Integer last = target.lastVersion();
        if (last != null && last > version) {
            return new TargetStatus(target.kind(), Labels.target(target.kind()), target.apiUrl(), "remplace",
                    "remplacé par la version " + last, null, null, false, false, last, Labels.when(target.updatedAt()), target.schemaDeclaration());
        }
        if (last == null || last < version) {
            if ("PENDING".equals(target.lastStatus())) {
                return ofDataset(target, version);
            }
            return waiting(target, Labels.target(target.kind()), version, Labels.when(target.updatedAt()));
        }
        return ofDataset(target, version);
    }

    private static TargetStatus waiting(Api.Target target, String portal, int version, String when) {
        return new TargetStatus(target.kind(), portal, target.apiUrl(), "attente",
                "en attente : la version " + version + " n'y est pas encore", null, null, false, true,
                target.lastVersion(), when, target.schemaDeclaration());
    }

    private static TargetStatus failed(Api.Target target, String portal, String when) {
        String error = target.lastError() == null || target.lastError().isBlank() ? "le portail n'a pas pu être joint"
                : target.lastError();
        Integer http = target.lastHttpStatus();
        boolean keyRefused = http != null && http == 401;
        String advice;
        if (keyRefused) {
            advice = "La clé d'API n'est plus acceptée par " + portal + " : renouvelez la clé d'API dans votre compte "
                    + portal + ", enregistrez-la ci-dessous, puis réessayez.";
        } else if (http != null && http == 403) {
            advice = "Vérifiez la clé d'API et les droits de ce compte sur l'organisation distante, puis réessayez.";
        } else if (http != null && http >= 500) {
            advice = portal + " rencontrait un problème : réessayez dans quelques minutes.";
        } else {
            advice = "Corrigez ce qui est indiqué si besoin, puis réessayez.";
        }
        return new TargetStatus(target.kind(), portal, target.apiUrl(), "echec", "échec : " + error, error, advice,
                keyRefused, true, target.lastVersion(), when, target.schemaDeclaration());
    }

    /** The DSFR badge's modifier for the state. */
    public String badge() {
        return switch (state) {
            case "publie" -> "fr-badge--success";
            case "echec" -> "fr-badge--error";
            case "simule" -> "fr-badge--warning";
            case "remplace" -> "";
            default -> "fr-badge--info";
        };
    }

    /** « data.gouv.fr : publié (version 3) », as one line of a list. */
    public String summary() {
        return portal + " : " + label;
    }
}
