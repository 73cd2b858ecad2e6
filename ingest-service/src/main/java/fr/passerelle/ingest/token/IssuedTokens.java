package fr.passerelle.ingest.token;

import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code issued_token} table, its only writer: every write in the caller's transaction. */
@ApplicationScoped
public class IssuedTokens {

    /** Roles are fixed words ({@code contributor}, …): a comma never occurs in them. */
    private static final String COLUMNS = "SELECT id, organization, subject, array_to_string(roles, ','), kind,"
            + " issued_by, issued_at, expires_at, revoked_at, revoked_by FROM issued_token";

    private final Transactions transactions;

    public IssuedTokens(Transactions transactions) {
        this.transactions = transactions;
    }

    public Uni<Void> insert(IssuedToken token) {
        // The roles travel as text and become an array in SQL: the reactive client's binding of a Java array is
        // not the driver's business to guess.
        return transactions.mandatory(session -> session.createNativeQuery("INSERT INTO issued_token (id, organization,"
                        + " subject, roles, kind, issued_by, issued_at, expires_at)"
                        + " VALUES (?1, ?2, ?3, string_to_array(?4, ','), ?5, ?6, ?7, ?8)")
                .setParameter(1, token.id())
                .setParameter(2, token.organization())
                .setParameter(3, token.subject())
                .setParameter(4, String.join(",", token.roles()))
                .setParameter(5, token.kind())
                .setParameter(6, token.issuedBy())
                .setParameter(7, Columns.timestamp(token.issuedAt()))
                .setParameter(8, Columns.timestamp(token.expiresAt()))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<IssuedToken>> of(String organization) {
        return transactions.session(session -> session.createNativeQuery(COLUMNS
                                + " WHERE organization = ?1 ORDER BY issued_at DESC", Object[].class)
                        .setParameter(1, organization)
                        .getResultList())
                .map(rows -> rows.stream().map(IssuedTokens::toToken).toList());
    }

    public Uni<Optional<IssuedToken>> find(String organization, UUID id) {
        return transactions.session(session -> session.createNativeQuery(COLUMNS
                                + " WHERE organization = ?1 AND id = ?2", Object[].class)
                        .setParameter(1, organization)
                        .setParameter(2, id)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(IssuedTokens::toToken));
    }

    /** Revokes once: a second revocation keeps the first one's time and author. */
    public Uni<Void> revoke(String organization, UUID id, String revokedBy) {
        return transactions.mandatory(session -> session.createNativeQuery("UPDATE issued_token SET revoked_at = now(),"
                        + " revoked_by = ?1 WHERE organization = ?2 AND id = ?3 AND revoked_at IS NULL")
                .setParameter(1, revokedBy)
                .setParameter(2, organization)
                .setParameter(3, id)
                .executeUpdate()).replaceWithVoid();
    }

    private static IssuedToken toToken(Object[] row) {
        String roles = (String) row[3];
        return new IssuedToken(Columns.uuid(row[0]), (String) row[1], (String) row[2],
                roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), (String) row[4],
                (String) row[5], Columns.instant(row[6]), Columns.instant(row[7]), Columns.instant(row[8]),
                (String) row[9]);
    }
}
