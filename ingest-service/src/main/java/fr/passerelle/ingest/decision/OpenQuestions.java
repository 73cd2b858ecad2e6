package fr.passerelle.ingest.decision;

import fr.passerelle.contracts.DecisionQuestion;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The {@code upload_question} table, its only writer: the questions quality left open for each upload. */
@ApplicationScoped
public class OpenQuestions {

    /** Choices are field names or fixed words: a line break never occurs in them. */
    private static final String SEPARATOR = "\n";

    private final Transactions transactions;

    public OpenQuestions(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Replaces the upload's questions, in the caller's transaction. */
    public Uni<Void> record(UUID uploadId, List<DecisionQuestion> questions) {
        return transactions.mandatory(session -> session.createNativeQuery("DELETE FROM upload_question"
                                + " WHERE upload_id = ?1")
                        .setParameter(1, uploadId)
                        .executeUpdate()
                        .chain(() -> Multi.createFrom().iterable(questions)
                                .onItem().transformToUniAndConcatenate(question -> session.createNativeQuery(
                                                "INSERT INTO upload_question (upload_id, decision_id, kind, subject,"
                                                        + " choices) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                                        .setParameter(1, uploadId)
                                        .setParameter(2, question.id())
                                        .setParameter(3, question.kind())
                                        .setParameter(4, question.subject())
                                        .setParameter(5, String.join(SEPARATOR, question.choices()))
                                        .executeUpdate())
                                .collect().last()))
                .replaceWithVoid();
    }

    public Uni<List<DecisionQuestion>> of(UUID uploadId) {
        return transactions.session(session -> session.createNativeQuery("SELECT decision_id, kind, subject, choices"
                                + " FROM upload_question WHERE upload_id = ?1 ORDER BY decision_id", Object[].class)
                        .setParameter(1, uploadId)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new DecisionQuestion((String) row[0], (String) row[1],
                        (String) row[2], Arrays.asList(((String) row[3]).split(SEPARATOR)))).toList());
    }
}
