package fr.passerelle.notification.people;

import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The only writer of {@code dataset_contributor}: the people who worked on a dataset, as the audit log tells it. They
 * are the ones told when one of its files is refused, blocked or lost, whoever (or whatever export) sent it.
 */
@ApplicationScoped
public class Contributors {

    private final Transactions transactions;

    public Contributors(Transactions transactions) {
        this.transactions = transactions;
    }

    /** {@code login} acted on the dataset at {@code at}; in the caller's transaction. */
    public Uni<Void> acted(String organization, String dataset, String login, Instant at) {
        return transactions.mandatory(session -> session.createNativeQuery(
                        "INSERT INTO dataset_contributor (organization, dataset, login, acted_at) VALUES (?1, ?2, ?3, ?4)"
                                + " ON CONFLICT (organization, dataset, login) DO UPDATE"
                                + " SET acted_at = greatest(dataset_contributor.acted_at, excluded.acted_at)")
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .setParameter(3, login)
                .setParameter(4, Columns.timestamp(at))
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Where the dataset's contributors read their mail: the address of their last login, else their login when it
     * is an address (ProConnect's logins are).
     */
    public Uni<List<String>> addressesOf(String organization, String dataset) {
        return transactions.session(session -> session.createNativeQuery(
                        "SELECT DISTINCT coalesce(p.email, c.login) FROM dataset_contributor c"
                                + " LEFT JOIN person p ON p.organization = c.organization AND p.login = c.login"
                                + " WHERE c.organization = ?1 AND c.dataset = ?2"
                                + " AND (p.email IS NOT NULL OR c.login LIKE '%_@_%')", String.class)
                .setParameter(1, organization)
                .setParameter(2, dataset)
                .getResultList());
    }
}
