package fr.passerelle.quality.engine.decision;

import fr.passerelle.quality.engine.fix.FixCode;
import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.MatchKind;
import fr.passerelle.quality.engine.privacy.PersonalDataFinding;
import fr.passerelle.quality.engine.privacy.PrivacyAction;
import fr.passerelle.quality.engine.report.FixSuggestion;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The questions a checked file leaves open, each with its answers: a column matched by a near name or not matched
 * while the schema misses fields, a date column whose order nothing settles, near-duplicate rows, personal data
 * nobody decided about. A question a remembered decision answered is not asked again (its reading is no longer
 * uncertain).
 */
public final class DecisionQuestions {

    /** How the privacy guard shows a column without a name: no decision can name it. */
    private static final Pattern UNNAMED = Pattern.compile("n°\\d+ \\(sans nom\\)");

    private DecisionQuestions() {
    }

    public static List<Decision> ask(TableSchema schema, List<ColumnMatch> columns, List<FixSuggestion> suggestions,
                                     List<PersonalDataFinding> personalData) {
        List<Decision> questions = new ArrayList<>();
        Set<String> personalColumns = new HashSet<>();
        Map<String, PersonalDataFinding> blocking = new LinkedHashMap<>();
        for (PersonalDataFinding finding : personalData) {
            personalColumns.add(finding.column());
            if (finding.blocking() && !UNNAMED.matcher(finding.column()).matches()) {
                blocking.putIfAbsent(finding.column(), finding);
            }
        }
        questions.addAll(mappingQuestions(schema, columns, personalColumns));
        for (FixSuggestion suggestion : suggestions) {
            if (suggestion.code().equals(FixCode.DATE_FORMAT.code()) && suggestion.field() != null) {
                questions.add(new Decision(DecisionIds.of(DecisionKind.DATE_ORDER, suggestion.field()),
                        DecisionKind.DATE_ORDER, suggestion.field(), "Dans quel ordre sont écrites les dates de la colonne « "
                        + suggestion.field() + " » ? Certaines peuvent se lire dans les deux sens.", List.of(
                        new DecisionChoice(DecisionInputs.DAY_MONTH, "Jour/mois/année (05/04/2024 est le 5 avril 2024)"),
                        new DecisionChoice(DecisionInputs.MONTH_DAY, "Mois/jour/année (05/04/2024 est le 4 mai 2024)"))));
            } else if (suggestion.code().equals(FixCode.NEAR_DUPLICATE.code())) {
                questions.add(new Decision(DecisionIds.of(DecisionKind.NEAR_DUPLICATES, null), DecisionKind.NEAR_DUPLICATES,
                        null, suggestion.count() + " ligne" + (suggestion.count() > 1 ? "s ont" : " a") + " le même nom et la "
                        + "même adresse qu'une ligne précédente, écrits autrement. Que faire de ces doublons probables ?",
                        List.of(new DecisionChoice(DecisionInputs.KEEP, "Les garder : ce sont des lieux différents"),
                                new DecisionChoice(DecisionInputs.DROP, "Les supprimer : ce sont des doublons"))));
            }
        }
        blocking.values().forEach(finding -> questions.add(new Decision(
                DecisionIds.of(DecisionKind.PERSONAL_DATA, finding.column()), DecisionKind.PERSONAL_DATA, finding.column(),
                finding.message() + " Que faire de la colonne « " + finding.column() + " » avant publication ?",
                // A column the schema does not expect is never published: its values only go to the clean file's checks.
                List.of(privacyChoice(PrivacyAction.DROP, finding.field() == null
                                ? "Supprimer : ses valeurs ne sont pas gardées"
                                : "Supprimer : la colonne est publiée vide"),
                        privacyChoice(PrivacyAction.MASK, "Masquer : chaque valeur est masquée en partie "
                                + "(06 •• •• •• 44, j***@exemple.fr)"),
                        privacyChoice(PrivacyAction.HASH, "Hacher : chaque valeur est remplacée par une empreinte, "
                                + "la même d'une version à l'autre"),
                        privacyChoice(PrivacyAction.PUBLIC, "Publique : ces données peuvent être publiées telles quelles")))));
        return questions;
    }

    private static DecisionChoice privacyChoice(PrivacyAction action, String label) {
        return new DecisionChoice(action.frenchVerb(), label);
    }

    /**
     * A column matched by a near name (the engine is not sure), or not matched at all while the schema has fields no
     * column feeds: the answers are the fields still free (the near match first) or ignoring the column.
     */
    private static List<Decision> mappingQuestions(TableSchema schema, List<ColumnMatch> columns,
                                                   Set<String> personalColumns) {
        Set<String> fed = new HashSet<>();
        columns.forEach(column -> {
            if (column.field() != null) {
                fed.add(column.field());
            }
        });
        List<Field> free = schema.fields().stream().filter(field -> !fed.contains(field.name()))
                // Required fields first: they are the ones the file is refused without.
                .sorted((a, b) -> Boolean.compare(b.required(), a.required())).toList();
        List<Decision> questions = new ArrayList<>();
        for (ColumnMatch column : columns) {
            String label = column.label() == null ? "" : column.label().strip();
            if (label.isEmpty() || personalColumns.contains(column.label())) {
                continue;
            }
            boolean unsure = column.how() == MatchKind.FUZZY;
            boolean unmatched = column.how() == MatchKind.NONE && !free.isEmpty();
            if (!unsure && !unmatched) {
                continue;
            }
            List<DecisionChoice> choices = new ArrayList<>();
            if (unsure) {
                choices.add(fieldChoice(schema.fields().stream().filter(f -> f.name().equals(column.field())).findFirst()
                        .orElseThrow()));
            }
            free.forEach(field -> choices.add(fieldChoice(field)));
            choices.add(new DecisionChoice(DecisionInputs.IGNORE, "Ignorer cette colonne : elle n'est pas publiée"));
            String question = unsure
                    ? "La colonne « " + label + " » a été associée au champ « " + column.field() + " » parce que leurs "
                    + "noms se ressemblent. Est-ce le bon champ ?"
                    : "La colonne « " + label + " » ne correspond à aucun champ du schéma. Quel champ remplit-elle ?";
            questions.add(new Decision(DecisionIds.of(DecisionKind.COLUMN, label), DecisionKind.COLUMN, label, question,
                    choices));
        }
        return questions;
    }

    private static DecisionChoice fieldChoice(Field field) {
        String title = field.title() == null || field.title().isBlank() || field.title().equals(field.name()) ? ""
                : " (" + field.title() + ")";
        return new DecisionChoice(field.name(), "Le champ « " + field.name() + " »" + title
                + (field.required() ? ", obligatoire" : ""));
    }
}
