package fr.passerelle.ingest.pull;

import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The {@code pull_source} table, its only writer: every write in the caller's transaction. */
@ApplicationScoped
public class PullSources {

    private static final String COLUMNS = "SELECT organization, dataset, url, interval_minutes, last_pulled_at,"
            + " last_outcome, last_detail FROM pull_source";

    private final Transactions transactions;

    public PullSources(Transactions transactions) {
        this.transactions = transactions;
    }

    public Uni<Void> save(String organization, String dataset, String url, int intervalMinutes) {
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO pull_source (organization,"
                        + " dataset, url, interval_minutes) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (organization, dataset)"
                        + " DO UPDATE SET url = excluded.url, interval_minutes = excluded.interval_minutes")
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .setParameter(3, url)
                .setParameter(4, intervalMinutes)
                .executeUpdate()).replaceWithVoid();
    }

    /** @return whether there was a source to remove */
    public Uni<Boolean> remove(String organization, String dataset) {
        return transactions.mandatory(session -> session.createNativeQuery("DELETE FROM pull_source"
                        + " WHERE organization = ?1 AND dataset = ?2")
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .executeUpdate()).map(deleted -> deleted == 1);
    }

    public Uni<Optional<PullSource>> find(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery(COLUMNS
                                + " WHERE organization = ?1 AND dataset = ?2", Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(PullSources::toSource));
    }

    /** Sources whose interval has passed since their last pull. */
    public Uni<List<PullSource>> due() {
        return transactions.session(session -> session.createNativeQuery(COLUMNS + " WHERE last_pulled_at IS NULL"
                        + " OR last_pulled_at < now() - make_interval(mins => interval_minutes)", Object[].class)
                        .getResultList())
                .map(rows -> rows.stream().map(PullSources::toSource).toList());
    }

    public Uni<Void> recordPull(String organization, String dataset, String outcome, String detail) {
        return transactions.mandatory(session -> session.createNativeQuery("UPDATE pull_source SET last_pulled_at ="
                        + " now(), last_outcome = ?1, last_detail = ?2 WHERE organization = ?3 AND dataset = ?4")
                .setParameter(1, outcome)
                .setParameter(2, detail)
                .setParameter(3, organization)
                .setParameter(4, dataset)
                .executeUpdate()).replaceWithVoid();
    }

    private static PullSource toSource(Object[] row) {
        return new PullSource((String) row[0], (String) row[1], (String) row[2], Columns.integer(row[3]),
                Columns.instant(row[4]), (String) row[5], (String) row[6]);
    }
}
