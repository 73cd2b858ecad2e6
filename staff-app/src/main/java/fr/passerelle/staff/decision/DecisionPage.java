package fr.passerelle.staff.decision;

import fr.passerelle.staff.services.Api;
import java.util.List;
import java.util.Map;

/**
 * Décider: the questions of an upload, each with its answers as radio buttons.
 *
 * @param questions the questions, each with a field name of its own ({@code q0}, {@code q1}…) for the form
 * @param chosen    decision id → answer already ticked (a form sent back with an error keeps them)
 */
public record DecisionPage(String uploadId, String dataset, String filename, List<QuestionLine> questions,
                           Map<String, String> chosen, String formKey, String error) {

    /** @param name the form field of the question: the decision id is safe in an HTML name, yet shorter is clearer */
    public record QuestionLine(String name, String id, String kind, String question, List<ChoiceLine> choices) {
    }

    /** @param htmlId the radio's id, unique in the page, for its label */
    public record ChoiceLine(String value, String label, String htmlId, boolean checked) {
    }

    static DecisionPage of(Api.Report report, Map<String, String> chosen, String formKey, String error) {
        return of(report, chosen, formKey, error, true);
    }

    /**
     * @param mayPublishPersonalData whether the person is a publisher: publishing personal data as they are
     *                               (« publique ») is theirs to decide, and ingest refuses it from anyone else
     */
    static DecisionPage of(Api.Report report, Map<String, String> chosen, String formKey, String error,
                           boolean mayPublishPersonalData) {
        List<Api.Question> asked = report.details() == null || report.details().decisions() == null ? List.of()
                : report.details().decisions();
        List<QuestionLine> lines = new java.util.ArrayList<>();
        for (int q = 0; q < asked.size(); q++) {
            Api.Question question = asked.get(q);
            List<ChoiceLine> choices = new java.util.ArrayList<>();
            for (int c = 0; c < question.choices().size(); c++) {
                Api.Choice choice = question.choices().get(c);
                if (!mayPublishPersonalData && "donnees-personnelles".equals(question.kind())
                        && "publique".equals(choice.value())) {
                    continue;
                }
                choices.add(new ChoiceLine(choice.value(), choice.label(), "q" + q + "-" + c,
                        choice.value().equals(chosen.get(question.id()))));
            }
            lines.add(new QuestionLine("q" + q, question.id(), kindLabel(question.kind()), question.question(), choices));
        }
        return new DecisionPage(report.uploadId(), report.dataset(), report.filename(), lines, chosen, formKey, error);
    }

    static String kindLabel(String kind) {
        return switch (kind == null ? "" : kind) {
            case "colonne" -> "Correspondance de colonne";
            case "ordre-des-dates" -> "Ordre des dates";
            case "quasi-doublons" -> "Doublons probables";
            case "donnees-personnelles" -> "Données personnelles";
            default -> "Question";
        };
    }
}
