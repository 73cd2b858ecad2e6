package fr.passerelle.catalog.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The {@code version_diff} table: each comparison computed once (a version's content never changes). Its only
 * writer. The result is a {@code jsonb} column: bound as text and cast in SQL, read back as text.
 */
@ApplicationScoped
public class StoredDiffs {

    private final Transactions transactions;
    private final ObjectMapper json;

    public StoredDiffs(Transactions transactions, ObjectMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    public Uni<Optional<VersionDiff>> find(String organization, String dataset, int number, int comparedWith) {
        return transactions.session(session -> session.createNativeQuery("SELECT CAST(result AS text) FROM version_diff"
                                + " WHERE organization = ?1 AND dataset = ?2 AND number = ?3 AND compared_with = ?4",
                                String.class)
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .setParameter(3, number)
                        .setParameter(4, comparedWith)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(this::read));
    }

    /** In the caller's transaction; a comparison stored already (by another instance) is left as it is. */
    public Uni<Void> store(String organization, String dataset, int number, int comparedWith, VersionDiff diff) {
        String result = write(diff);
        // Cast from text: a String bound where PostgreSQL infers jsonb would arrive as a JSON string scalar.
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO version_diff (organization,"
                                + " dataset, number, compared_with, result) VALUES (?1, ?2, ?3, ?4,"
                                + " CAST(CAST(?5 AS text) AS jsonb)) ON CONFLICT DO NOTHING")
                        .setParameter(1, organization)
                        .setParameter(2, dataset)
                        .setParameter(3, number)
                        .setParameter(4, comparedWith)
                        .setParameter(5, result)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private String write(VersionDiff diff) {
        try {
            return json.writeValueAsString(diff);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a version diff", e);
        }
    }

    private VersionDiff read(String stored) {
        try {
            return json.readValue(stored, VersionDiff.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored version diff", e);
        }
    }
}
