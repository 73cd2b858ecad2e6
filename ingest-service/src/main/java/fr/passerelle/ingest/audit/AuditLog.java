package fr.passerelle.ingest.audit;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The {@code audit_entry} table, its only writer (in the caller's transaction: the consumer's inbox). */
@ApplicationScoped
public class AuditLog {

    private static final String COLUMNS = "SELECT event_id, occurred_at, actor, address, action, dataset, detail, source"
            + " FROM audit_entry WHERE organization = ?1";
    private static final String NEWEST_FIRST = " ORDER BY occurred_at DESC, event_id DESC LIMIT ?2";

    private final Transactions transactions;

    public AuditLog(Transactions transactions) {
        this.transactions = transactions;
    }

    /** @return false when the entry was already there (the same entry sent twice by an outbox) */
    public Uni<Boolean> add(AuditRecorded entry, String source) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO audit_entry (event_id,"
                        + " organization, dataset, occurred_at, actor, address, action, detail, source)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING")
                .setParameter(1, entry.eventId())
                .setParameter(2, entry.organization())
                .setParameter(3, entry.dataset())
                .setParameter(4, Columns.timestamp(entry.occurredAt()))
                .setParameter(5, entry.actor())
                .setParameter(6, entry.address())
                .setParameter(7, entry.action())
                .setParameter(8, entry.detail())
                .setParameter(9, source)
                .executeUpdate()).map(inserted -> inserted == 1);
    }

    public Uni<List<AuditEntry>> page(String organization, AuditPage page) {
        return transactions.session(session -> {
            var query = page.before() == null
                    ? session.createNativeQuery(COLUMNS + NEWEST_FIRST, Object[].class)
                    : session.createNativeQuery(COLUMNS + " AND occurred_at < ?3" + NEWEST_FIRST, Object[].class)
                            .setParameter(3, Columns.timestamp(page.before()));
            return query.setParameter(1, organization).setParameter(2, page.limit()).getResultList();
        }).map(rows -> rows.stream().map(AuditLog::toEntry).toList());
    }

    private static AuditEntry toEntry(Object[] row) {
        return new AuditEntry((String) row[0], Columns.instant(row[1]), (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7]);
    }
}
