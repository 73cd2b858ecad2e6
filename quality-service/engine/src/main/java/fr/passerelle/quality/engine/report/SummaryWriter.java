package fr.passerelle.quality.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes the one or two French sentences that open a report. */
public final class SummaryWriter {

    private SummaryWriter() {
    }

    /**
     * @param schemaTitle     the schema's title, as shown to people
     * @param errors          all errors of the run
     * @param rowCount        data rows
     * @param validityPercent share of valid data rows
     */
    public static String summarise(String schemaTitle, ErrorCollector errors, long rowCount, double validityPercent) {
        return summarise(schemaTitle, errors, rowCount, validityPercent, List.of());
    }

    /**
     * @param uncheckedCustomChecks custom checks the schema asks for that the engine cannot run: the
     *                              clerk is told they were not checked
     */
    public static String summarise(String schemaTitle, ErrorCollector errors, long rowCount, double validityPercent,
                                   List<String> uncheckedCustomChecks) {
        String summary = verdict(schemaTitle, errors, rowCount, validityPercent);
        // A file that could not be checked at all needs no word on the checks left out.
        if (uncheckedCustomChecks.isEmpty() || errors.has(ErrorCode.UNREADABLE_FILE) || errors.has(ErrorCode.EMPTY_FILE)) {
            return summary;
        }
        String names = uncheckedCustomChecks.stream().map(name -> "« " + name + " »").collect(Collectors.joining(", "));
        return summary + (uncheckedCustomChecks.size() == 1
                ? " Le contrôle " + names + " demandé par le schéma n'est pas encore effectué par Passerelle : vérifiez ce point "
                        + "vous-même."
                : " Les contrôles " + names + " demandés par le schéma ne sont pas encore effectués par Passerelle : vérifiez "
                        + "ces points vous-même.");
    }

    /** The sentence on the header's warnings: optional columns missing, columns the schema lacks; empty when none. */
    public static String columnWarnings(ErrorCollector warnings) {
        List<String> parts = new ArrayList<>();
        List<String> missing = labels(warnings, ErrorCode.MISSING_LABEL, ValidationError::field);
        List<String> extra = labels(warnings, ErrorCode.EXTRA_LABEL, ValidationError::field);
        if (!missing.isEmpty()) {
            parts.add((missing.size() == 1 ? "la colonne facultative " : "les colonnes facultatives ") + quoted(missing)
                    + (missing.size() == 1 ? " manque : elle sera publiée vide" : " manquent : elles seront publiées vides"));
        }
        if (!extra.isEmpty()) {
            parts.add((extra.size() == 1 ? "la colonne " : "les colonnes ") + quoted(extra)
                    + (extra.size() == 1 ? " n'est pas prévue par le schéma : elle est ignorée et ne sera pas publiée"
                            : " ne sont pas prévues par le schéma : elles sont ignorées et ne seront pas publiées"));
        }
        List<String> undecided = labels(warnings, ErrorCode.PRIVACY_DECISION, ValidationError::value);
        if (!undecided.isEmpty()) {
            parts.add((undecided.size() == 1 ? "la décision sur la colonne " : "les décisions sur les colonnes ")
                    + quoted(undecided) + ", absente" + (undecided.size() == 1 ? "" : "s")
                    + " de ce fichier, ne s'y applique" + (undecided.size() == 1 ? "" : "nt") + " pas");
        }
        if (parts.isEmpty()) {
            return "";
        }
        String sentence = String.join(" ; ", parts) + ".";
        return "À noter : " + sentence;
    }

    private static List<String> labels(ErrorCollector warnings, ErrorCode code,
                                       java.util.function.Function<ValidationError, String> label) {
        return warnings.samples().stream().filter(warning -> warning.code() == code).map(label)
                .filter(java.util.Objects::nonNull).toList();
    }

    private static String quoted(List<String> labels) {
        int shown = Math.min(labels.size(), 10);
        String list = labels.subList(0, shown).stream().map(name -> "« " + name + " »").collect(Collectors.joining(", "));
        return labels.size() > shown ? list + " et " + (labels.size() - shown) + " autres" : list;
    }

    private static String verdict(String schemaTitle, ErrorCollector errors, long rowCount, double validityPercent) {
        String schema = "au schéma « " + schemaTitle + " »";
        if (errors.total() == 0) {
            return "Le fichier est conforme " + schema + " : " + count(rowCount, "ligne") + ", aucune erreur.";
        }
        Optional<ValidationError> fatal = errors.first(ErrorCode.UNREADABLE_FILE).or(() -> errors.first(ErrorCode.EMPTY_FILE));
        if (fatal.isPresent()) {
            return "Le fichier n'a pas pu être contrôlé avec le schéma « " + schemaTitle + " ». " + fatal.get().message();
        }
        StringBuilder summary = new StringBuilder("Le fichier n'est pas conforme ").append(schema).append(" : ")
                .append(count(errors.total(), "erreur"));
        if (errors.rowsWithErrors() > 0) {
            summary.append(" sur ").append(count(errors.rowsWithErrors(), "ligne"));
        }
        summary.append(String.format(Locale.FRANCE, " (validité %.2f %%).", validityPercent));
        errors.first(ErrorCode.SOURCE_ERROR).ifPresent(stop -> summary.append(" La lecture s'est arrêtée à la ligne ")
                .append(stop.rowNumber()).append(" : les lignes suivantes n'ont pas été contrôlées."));
        return summary.toString();
    }

    /** "0 erreur", "1 erreur", "2 erreurs": French keeps the singular below 2. */
    private static String count(long n, String noun) {
        return String.format(Locale.FRANCE, "%,d %s%s", n, noun, n >= 2 ? "s" : "");
    }
}
