package fr.passerelle.ingest.decision;

import fr.passerelle.contracts.DatasetDecision;
import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The {@code dataset_decision} table: the decisions remembered per dataset. Its only writer. */
@ApplicationScoped
public class DatasetDecisions {

    private final Database database;

    public DatasetDecisions(Database database) {
        this.database = database;
    }

    public List<RememberedDecision> of(String organization, String dataset) {
        return database.query("SELECT decision_id, kind, subject, choice, decided_by, decided_at FROM dataset_decision"
                + " WHERE organization = ? AND dataset = ? ORDER BY decided_at, decision_id", row -> new RememberedDecision(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                DecisionWords.label(row.getString(2), row.getString(3), row.getString(4)), row.getString(5),
                Database.instant(row, "decided_at")), organization, dataset);
    }

    public Optional<RememberedDecision> find(String organization, String dataset, String id) {
        return of(organization, dataset).stream().filter(decision -> decision.id().equals(id)).findFirst();
    }

    /** What travels with the dataset's next file; null when it has none, as in events before decisions existed. */
    public List<DatasetDecision> forEvent(String organization, String dataset) {
        List<DatasetDecision> decisions = of(organization, dataset).stream().map(RememberedDecision::asEvent).toList();
        return decisions.isEmpty() ? null : decisions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String organization, String dataset, String id, String kind, String subject, String choice,
                     String decidedBy) {
        database.update("INSERT INTO dataset_decision (organization, dataset, decision_id, kind, subject, choice,"
                        + " decided_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organization, dataset, decision_id)"
                        + " DO UPDATE SET choice = EXCLUDED.choice, decided_by = EXCLUDED.decided_by, decided_at = now()",
                organization, dataset, id, kind, subject, choice, decidedBy);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean forget(String organization, String dataset, String id) {
        return database.update("DELETE FROM dataset_decision WHERE organization = ? AND dataset = ? AND decision_id = ?",
                organization, dataset, id) > 0;
    }
}
