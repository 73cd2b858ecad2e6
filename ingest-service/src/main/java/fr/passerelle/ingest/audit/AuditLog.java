package fr.passerelle.ingest.audit;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code audit_entry} table. */
@ApplicationScoped
public class AuditLog {

    private static final String COLUMNS = "SELECT event_id, occurred_at, actor, address, action, dataset, detail, source"
            + " FROM audit_entry WHERE organization = ?";
    private static final String NEWEST_FIRST = " ORDER BY occurred_at DESC, event_id DESC LIMIT ?";

    private final Database database;

    public AuditLog(Database database) {
        this.database = database;
    }

    /** @return false when the entry was already there (the same entry sent twice by an outbox) */
    public boolean add(AuditRecorded entry, String source) {
        return database.update("INSERT INTO audit_entry (event_id, organization, dataset, occurred_at, actor, address,"
                        + " action, detail, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                entry.eventId(), entry.organization(), entry.dataset(), entry.occurredAt(), entry.actor(),
                entry.address(), entry.action(), entry.detail(), source) == 1;
    }

    public List<AuditEntry> page(String organization, AuditPage page) {
        if (page.before() == null) {
            return database.query(COLUMNS + NEWEST_FIRST, AuditLog::toEntry, organization, page.limit());
        }
        return database.query(COLUMNS + " AND occurred_at < ?" + NEWEST_FIRST, AuditLog::toEntry, organization,
                page.before(), page.limit());
    }

    private static AuditEntry toEntry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getString("event_id"), Database.instant(row, "occurred_at"), row.getString("actor"),
                row.getString("address"), row.getString("action"), row.getString("dataset"), row.getString("detail"),
                row.getString("source"));
    }
}
