package fr.passerelle.ingest.pull;

import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code pull_source} table. */
@ApplicationScoped
public class PullSources {

    private final Database database;

    public PullSources(Database database) {
        this.database = database;
    }

    public void save(String organization, String dataset, String url, int intervalMinutes) {
        database.update("INSERT INTO pull_source (organization, dataset, url, interval_minutes) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (organization, dataset) DO UPDATE SET url = excluded.url,"
                        + " interval_minutes = excluded.interval_minutes",
                organization, dataset, url, intervalMinutes);
    }

    /** @return whether there was a source to remove */
    public boolean remove(String organization, String dataset) {
        return database.update("DELETE FROM pull_source WHERE organization = ? AND dataset = ?", organization, dataset) == 1;
    }

    public Optional<PullSource> find(String organization, String dataset) {
        return database.queryOne("SELECT * FROM pull_source WHERE organization = ? AND dataset = ?",
                PullSources::toSource, organization, dataset);
    }

    /** Sources whose interval has passed since their last pull. */
    public List<PullSource> due() {
        return database.query("SELECT * FROM pull_source WHERE last_pulled_at IS NULL"
                + " OR last_pulled_at < now() - make_interval(mins => interval_minutes)", PullSources::toSource);
    }

    public void recordPull(String organization, String dataset, String outcome, String detail) {
        database.update("UPDATE pull_source SET last_pulled_at = now(), last_outcome = ?, last_detail = ?"
                + " WHERE organization = ? AND dataset = ?", outcome, detail, organization, dataset);
    }

    private static PullSource toSource(ResultSet row) throws SQLException {
        return new PullSource(row.getString("organization"), row.getString("dataset"), row.getString("url"),
                row.getInt("interval_minutes"), Database.instant(row, "last_pulled_at"),
                row.getString("last_outcome"), row.getString("last_detail"));
    }
}
