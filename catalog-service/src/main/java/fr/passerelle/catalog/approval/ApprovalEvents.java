package fr.passerelle.catalog.approval;

import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** The {@code approval_event} table: the approval journal, append only. */
@ApplicationScoped
public class ApprovalEvents {

    /** The actor of what the catalogue decides by itself (a new schema withdrawing an approval). */
    public static final String SYSTEM = "système";

    private final Database database;

    public ApprovalEvents(Database database) {
        this.database = database;
    }

    /** In the transaction of the change it records, so that the journal never misses or invents one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String organization, String dataset, ApprovalAction action, String actor, String reason,
                       List<Integer> versions) {
        database.update("INSERT INTO approval_event (organization, dataset, action, actor, reason, versions)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", organization, dataset, action.name(), actor, reason,
                versions.toArray(Integer[]::new));
    }

    /** Newest first. */
    public List<ApprovalEvent> list(String organization, String dataset) {
        return database.query("SELECT * FROM approval_event WHERE organization = ? AND dataset = ?"
                + " ORDER BY id DESC", ApprovalEvents::toEvent, organization, dataset);
    }

    private static ApprovalEvent toEvent(ResultSet row) throws SQLException {
        java.sql.Array versions = row.getArray("versions");
        return new ApprovalEvent(row.getLong("id"), row.getString("organization"), row.getString("dataset"),
                ApprovalAction.valueOf(row.getString("action")), row.getString("actor"), row.getString("reason"),
                versions == null ? List.of() : Arrays.asList((Integer[]) versions.getArray()),
                Database.instant(row, "at"));
    }
}
