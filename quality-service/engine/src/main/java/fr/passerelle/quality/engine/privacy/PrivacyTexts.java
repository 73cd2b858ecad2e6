package fr.passerelle.quality.engine.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The French sentences of the personal-data guard: findings, hints, the summary sentence. */
final class PrivacyTexts {

    static final String ACTIONS = "choisissez pour cette colonne « supprimer », « masquer » ou « hacher » (remplacer "
            + "chaque valeur par une empreinte), ou confirmez que ces données sont « publiques »";

    private PrivacyTexts() {
    }

    static String message(String column, boolean expectedBySchema, PersonalDataKind kind, long count,
                          List<String> samples) {
        StringBuilder message = new StringBuilder("La colonne « ").append(column).append(" »");
        if (!expectedBySchema) {
            message.append(", que le schéma ne prévoit pas,");
        }
        message.append(" contient ").append(String.format(Locale.FRANCE, "%,d", count)).append(' ')
                .append(kind.frenchWords(count));
        if (!samples.isEmpty()) {
            message.append(" (par exemple ")
                    .append(samples.stream().map(sample -> "« " + sample + " »").collect(Collectors.joining(", ")))
                    .append(')');
        }
        message.append('.');
        if (!expectedBySchema) {
            message.append(" Elle n'est pas reprise dans le fichier nettoyé, mais le fichier envoyé la contient.");
        }
        return message.toString();
    }

    static String hint(PersonalDataKind kind, PrivacyAction decision) {
        if (decision != null) {
            return "Décision appliquée au fichier nettoyé : colonne " + decision.frenchDone() + ".";
        }
        String advice = switch (kind) {
            case EMAIL -> "Préférez une adresse générique (contact@…, accueil@…) à celle d'une personne. ";
            case PHONE -> "Préférez le numéro du standard à un numéro de mobile personnel. ";
            case NIR -> "Un numéro de sécurité sociale ne doit jamais être publié : supprimez la colonne. ";
            case IBAN -> "Des coordonnées bancaires ne se publient pas, sauf celles qu'un organisme public diffuse déjà. ";
            case PERSON_NAME -> "Les noms de personnes ne se publient que si la loi le prévoit (élus, signataires…). ";
        };
        return advice + "Avant publication, " + ACTIONS + " (par exemple le standard d'un établissement).";
    }

    /** Appended to the message of data the schema field asks for. */
    static String askedBySchema(PersonalDataKind kind) {
        return " Le schéma demande cette donnée dans ce champ : elle est signalée pour information et ne bloque pas "
                + "la publication.";
    }

    /** The hint for data the schema field asks for: nothing to do, but the person may still choose. */
    static String askedHint(PersonalDataKind kind) {
        String advice = kind == PersonalDataKind.EMAIL
                ? "Une adresse générique (contact@…) convient aussi quand le schéma l'accepte. "
                : "";
        return advice + "Vérifiez que les personnes concernées savent que cette donnée sera publiée ; sinon, "
                + ACTIONS.replace("ou confirmez que ces données sont « publiques »", "avant publication") + ".";
    }

    /** Decisions given for a column the file does not have. */
    static String missingColumn(String column, PrivacyAction action, List<String> labels) {
        return "La décision « " + action.frenchVerb() + " » porte sur la colonne « " + column + " », absente de ce fichier : "
                + "elle ne s'y applique pas et reste enregistrée pour les fichiers suivants. Colonnes du fichier : " + labels.stream().map(label -> "« " + label + " »")
                .collect(Collectors.joining(", ")) + ".";
    }


    /** One sentence for the report's summary, or an empty string when there is nothing to say. */
    static String summary(List<PersonalDataFinding> findings, Map<String, PrivacyAction> applied) {
        Map<String, Boolean> blockedColumns = new LinkedHashMap<>();
        for (PersonalDataFinding finding : findings) {
            if (finding.blocking()) {
                blockedColumns.put(finding.column(), true);
            }
        }
        if (!blockedColumns.isEmpty()) {
            int n = blockedColumns.size();
            return "Publication bloquée : des données personnelles ont été trouvées dans " + (n == 1 ? "la colonne "
                    : n + " colonnes (") + quoted(blockedColumns.keySet()) + (n == 1 ? "" : ")") + ". Avant publication, "
                    + (n == 1 ? ACTIONS + "." : ACTIONS.replace("pour cette colonne", "pour chacune") + ".");
        }
        String asked = quoted(findings.stream().filter(finding -> finding.askedBySchema() && finding.decision() == null)
                .map(PersonalDataFinding::column).distinct().toList());
        String information = asked.isEmpty() ? "" : "Données personnelles demandées par le schéma, signalées pour "
                + "information : colonne" + (asked.contains("», «") ? "s " : " ") + asked + ".";
        if (!applied.isEmpty()) {
            return "Décisions sur les données personnelles appliquées au fichier nettoyé : " + applied.entrySet().stream()
                    .map(entry -> "colonne « " + entry.getKey() + " » " + entry.getValue().frenchDone())
                    .collect(Collectors.joining(", ")) + "." + (information.isEmpty() ? "" : " " + information);
        }
        return information;
    }

    private static String quoted(java.util.Collection<String> labels) {
        return labels.stream().map(label -> "« " + label + " »").collect(Collectors.joining(", "));
    }
}
