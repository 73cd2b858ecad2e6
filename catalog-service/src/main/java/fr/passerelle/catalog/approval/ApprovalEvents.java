package fr.passerelle.catalog.approval;

import fr.passerelle.catalog.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The {@code approval_event} table: the approval journal, append only. Its only writer. */
@ApplicationScoped
public class ApprovalEvents {

    /** The actor of what the catalogue decides by itself (a new schema withdrawing an approval). */
    public static final String SYSTEM = "système";

    private final Transactions transactions;

    public ApprovalEvents(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * In the transaction of the change it records, so that the journal never misses or invents one. The version
     * numbers are bound as JSON text and made an {@code int[]} in SQL.
     */
    public Uni<Void> record(String organization, String dataset, ApprovalAction action, String actor, String reason,
                            List<Integer> versions) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO approval_event (organization,"
                                + " dataset, action, actor, reason, versions) VALUES (?1, ?2, ?3, ?4, ?5, ARRAY(SELECT"
                                + " CAST(e AS int) FROM jsonb_array_elements_text(CAST(CAST(?6 AS text) AS jsonb))"
                                + " WITH ORDINALITY AS t(e, n) ORDER BY n))")
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .setParameter(3, action.name())
                        .setParameter(4, actor)
                        .setParameter(5, reason)
                        .setParameter(6, Columns.json(versions))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Newest first. */
    public Uni<List<ApprovalEvent>> list(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery("SELECT id, organization, dataset, action,"
                                + " actor, reason, CAST(array_to_json(versions) AS text) AS versions, at FROM approval_event"
                                + " WHERE organization = ?1 AND dataset = ?2 ORDER BY id DESC", Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new ApprovalEvent(Columns.number(row[0]), (String) row[1],
                        (String) row[2], ApprovalAction.valueOf((String) row[3]), (String) row[4], (String) row[5],
                        Columns.integers(row[6]), Columns.instant(row[7]))).toList());
    }
}
