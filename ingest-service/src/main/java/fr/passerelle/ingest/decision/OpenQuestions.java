package fr.passerelle.ingest.decision;

import fr.passerelle.contracts.DecisionQuestion;
import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The {@code upload_question} table: the questions quality left open for each upload. */
@ApplicationScoped
public class OpenQuestions {

    /** Choices are field names or fixed words: a line break never occurs in them. */
    private static final String SEPARATOR = "\n";

    private final Database database;

    public OpenQuestions(Database database) {
        this.database = database;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID uploadId, List<DecisionQuestion> questions) {
        database.update("DELETE FROM upload_question WHERE upload_id = ?", uploadId);
        for (DecisionQuestion question : questions) {
            database.update("INSERT INTO upload_question (upload_id, decision_id, kind, subject, choices)"
                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", uploadId, question.id(), question.kind(),
                    question.subject(), String.join(SEPARATOR, question.choices()));
        }
    }

    public List<DecisionQuestion> of(UUID uploadId) {
        return database.query("SELECT decision_id, kind, subject, choices FROM upload_question WHERE upload_id = ?"
                        + " ORDER BY decision_id", row -> new DecisionQuestion(row.getString(1), row.getString(2),
                        row.getString(3), Arrays.asList(row.getString(4).split(SEPARATOR))), uploadId);
    }
}
