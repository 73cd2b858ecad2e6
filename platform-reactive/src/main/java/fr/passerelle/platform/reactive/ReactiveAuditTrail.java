package fr.passerelle.platform.reactive;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link AuditTrail} for a service on Hibernate Reactive: the entry leaves through {@link ReactiveOutbox}, in the
 * caller's reactive transaction, so there is an entry if and only if the action committed.
 */
@ApplicationScoped
public class ReactiveAuditTrail {

    private final ReactiveOutbox outbox;
    private final AuditTrail audit;

    public ReactiveAuditTrail(ReactiveOutbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * The person (or machine token) behind the HTTP request being served: taken when the request is answered, before
     * the first step of a reactive chain, whose later steps may run where the request's scope is gone.
     */
    public Actor caller() {
        return audit.caller();
    }

    /** An action of {@code actor} (see {@link AuditTrail#record(Actor, String, String, String, String)}). */
    public Uni<AuditRecorded> record(Actor actor, String action, String organization, String dataset, String detail) {
        AuditRecorded entry = AuditTrail.entry(actor, action, organization, dataset, detail);
        return outbox.publish(entry).replaceWith(entry);
    }
}
