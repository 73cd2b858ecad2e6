package fr.passerelle.ingest.decision;

import fr.passerelle.contracts.DatasetDecision;
import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The {@code dataset_decision} table: the decisions remembered per dataset. Its only writer. */
@ApplicationScoped
public class DatasetDecisions {

    private final Transactions transactions;

    public DatasetDecisions(Transactions transactions) {
        this.transactions = transactions;
    }

    public Uni<List<RememberedDecision>> of(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery("SELECT decision_id, kind, subject, choice,"
                                + " decided_by, decided_at FROM dataset_decision WHERE organization = ?1 AND dataset = ?2"
                                + " ORDER BY decided_at, decision_id", Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new RememberedDecision((String) row[0], (String) row[1],
                        (String) row[2], (String) row[3], DecisionWords.label((String) row[1], (String) row[2],
                        (String) row[3]), (String) row[4], Columns.instant(row[5]))).toList());
    }

    public Uni<Optional<RememberedDecision>> find(String organization, String dataset, String id) {
        return of(organization, dataset).map(decisions -> decisions.stream()
                .filter(decision -> decision.id().equals(id)).findFirst());
    }

    /** What travels with the dataset's next file; null when it has none, as in events before decisions existed. */
    public Uni<List<DatasetDecision>> forEvent(String organization, String dataset) {
        return of(organization, dataset).map(remembered -> {
            List<DatasetDecision> decisions = remembered.stream().map(RememberedDecision::asEvent).toList();
            return decisions.isEmpty() ? null : decisions;
        });
    }

    public Uni<Void> save(String organization, String dataset, String id, String kind, String subject, String choice,
                          String decidedBy) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO dataset_decision (organization,"
                        + " dataset, decision_id, kind, subject, choice, decided_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " ON CONFLICT (organization, dataset, decision_id) DO UPDATE SET choice = EXCLUDED.choice,"
                        + " decided_by = EXCLUDED.decided_by, decided_at = now()")
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .setParameter(3, id)
                .setParameter(4, kind)
                .setParameter(5, subject)
                .setParameter(6, choice)
                .setParameter(7, decidedBy)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Boolean> forget(String organization, String dataset, String id) {
        return transactions.mandatory(session -> session.createNativeQuery("DELETE FROM dataset_decision"
                        + " WHERE organization = ?1 AND dataset = ?2 AND decision_id = ?3")
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .setParameter(3, id)
                .executeUpdate()).map(deleted -> deleted > 0);
    }
}
