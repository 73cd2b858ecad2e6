package fr.passerelle.contracts;

import java.util.List;

/**
 * A question a checked file leaves open, travelling on {@code quality.checked} so that the ingest service can check
 * the answers it is sent (the French wording and the answers' labels are in the report).
 *
 * @param id      stable: the same question about the dataset's next file has the same id
 * @param kind    as {@link DatasetDecision#kind()}
 * @param subject as {@link DatasetDecision#subject()}
 * @param choices the values of the answers offered
 */
public record DecisionQuestion(String id, String kind, String subject, List<String> choices) {

    public DecisionQuestion {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
