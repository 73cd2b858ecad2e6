package fr.passerelle.ingest.token;

import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code issued_token} table. */
@ApplicationScoped
public class IssuedTokens {

    private final Database database;

    public IssuedTokens(Database database) {
        this.database = database;
    }

    public void insert(IssuedToken token) {
        database.update("INSERT INTO issued_token (id, organization, subject, roles, kind, issued_by, issued_at,"
                        + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                token.id(), token.organization(), token.subject(), token.roles().toArray(String[]::new), token.kind(),
                token.issuedBy(), token.issuedAt(), token.expiresAt());
    }

    public List<IssuedToken> of(String organization) {
        return database.query("SELECT * FROM issued_token WHERE organization = ? ORDER BY issued_at DESC",
                IssuedTokens::toToken, organization);
    }

    public Optional<IssuedToken> find(String organization, UUID id) {
        return database.queryOne("SELECT * FROM issued_token WHERE organization = ? AND id = ?",
                IssuedTokens::toToken, organization, id);
    }

    /** Revokes once: a second revocation keeps the first one's time and author. */
    public void revoke(String organization, UUID id, String revokedBy) {
        database.update("UPDATE issued_token SET revoked_at = now(), revoked_by = ?"
                + " WHERE organization = ? AND id = ? AND revoked_at IS NULL", revokedBy, organization, id);
    }

    private static IssuedToken toToken(ResultSet row) throws SQLException {
        return new IssuedToken(row.getObject("id", UUID.class), row.getString("organization"), row.getString("subject"),
                List.of((String[]) row.getArray("roles").getArray()), row.getString("kind"), row.getString("issued_by"),
                Database.instant(row, "issued_at"), Database.instant(row, "expires_at"),
                Database.instant(row, "revoked_at"), row.getString("revoked_by"));
    }
}
