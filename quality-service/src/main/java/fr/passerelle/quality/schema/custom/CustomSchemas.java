package fr.passerelle.quality.schema.custom;

import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Changes to an organisation's own schemas: each with its audit entry, in one transaction. */
@ApplicationScoped
public class CustomSchemas {

    private final Transactions transactions;
    private final CustomSchemaStore store;
    private final ReactiveAuditTrail audit;

    public CustomSchemas(Transactions transactions, CustomSchemaStore store, ReactiveAuditTrail audit) {
        this.transactions = transactions;
        this.store = store;
        this.audit = audit;
    }

    /** @return false when the organisation already has a schema of that name (nothing written) */
    public Uni<Boolean> create(String organization, CustomSchemaRules.Checked checked) {
        Actor actor = audit.caller();
        return transactions.inTransaction(session -> store.create(organization, checked).call(created -> !created
                ? Uni.createFrom().voidItem()
                : audit.record(actor, "schema.custom.created", organization, null, "Schéma propre « " + checked.name()
                        + " » créé (version 1, " + checked.schema().fields().size() + " colonnes).")));
    }

    /** @return the new version; empty when another version was stored at the same moment (nothing written) */
    public Uni<Optional<Integer>> addVersion(String organization, CustomSchemaRules.Checked checked) {
        Actor actor = audit.caller();
        return transactions.inTransaction(session -> store.addVersion(organization, checked).call(added -> added.isEmpty()
                ? Uni.createFrom().voidItem()
                : audit.record(actor, "schema.custom.updated", organization, null, "Schéma propre « " + checked.name()
                        + " » : version " + added.get() + " déposée (" + checked.schema().fields().size()
                        + " colonnes).")));
    }

    /** @return whether there was such a schema */
    public Uni<Boolean> delete(String organization, String name) {
        Actor actor = audit.caller();
        return transactions.inTransaction(session -> store.delete(organization, name).call(deleted -> !deleted
                ? Uni.createFrom().voidItem()
                : audit.record(actor, "schema.custom.deleted", organization, null, "Schéma propre « " + name
                        + " » supprimé, avec toutes ses versions.")));
    }
}
