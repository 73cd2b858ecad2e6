package fr.passerelle.ingest.token;

import fr.passerelle.contracts.TokenRevoked;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records the tokens an organisation's admins issue and revoke: each change with its audit entry (and, for a
 * revocation, the {@code tokens.revoked} event every instance learns it from) in one reactive transaction.
 */
@ApplicationScoped
public class TokenService {

    private final IssuedTokens tokens;
    private final ReactiveOutbox outbox;
    private final ReactiveAuditTrail audit;
    private final Transactions transactions;

    public TokenService(IssuedTokens tokens, ReactiveOutbox outbox, ReactiveAuditTrail audit,
                        Transactions transactions) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
    }

    public Uni<Void> issued(Actor actor, IssuedToken token) {
        return transactions.inTransaction(session -> tokens.insert(token)
                .chain(() -> audit.record(actor, "token.issued", token.organization(), null, "Jeton " + token.kind()
                        + " " + token.id() + " délivré à « " + token.subject() + " » ("
                        + String.join(", ", token.roles()) + "), valable jusqu'au " + token.expiresAt() + "."))
                .replaceWithVoid());
    }

    public Uni<List<IssuedToken>> of(String organization) {
        return tokens.of(organization);
    }

    public Uni<Optional<IssuedToken>> find(String organization, UUID id) {
        return tokens.find(organization, id);
    }

    /** @param by who revokes it, as the token's row and the event say */
    public Uni<Void> revoke(Actor actor, IssuedToken token, String by) {
        return transactions.inTransaction(session -> tokens.revoke(token.organization(), token.id(), by)
                .chain(() -> audit.record(actor, "token.revoked", token.organization(), null, "Jeton " + token.kind()
                        + " " + token.id() + " de « " + token.subject() + " » révoqué."))
                // Every instance of every service learns it from the compacted topic, sent with the change.
                .chain(() -> outbox.publish(new TokenRevoked(UUID.randomUUID().toString(), Instant.now(),
                        token.organization(), token.id().toString(), token.expiresAt(), by)))
                .replaceWithVoid());
    }
}
