package fr.passerelle.platform.reactive;

import fr.passerelle.platform.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Hibernate Reactive sessions and transactions, the way every repository and service of a reactive service takes
 * them. Services open transactions ({@link #inTransaction}); repositories write in the caller's ({@link #mandatory},
 * like JTA's {@code MANDATORY}) and read in the current session or a new one ({@link #session}).
 *
 * <p>Hibernate Reactive keeps the session on the Vert.x context: everything here runs on one (a REST method returning
 * {@code Uni}, a consumer's event context), and a nested call joins the session and transaction already open. The
 * outbox relay is woken after the outermost transaction commits when it wrote to the outbox ({@link ReactiveOutbox}).
 */
@ApplicationScoped
public class Transactions {

    /** The context local that marks an open transaction of ours, and what it wrote. */
    static final String OPEN = "passerelle.transaction";

    private final Mutiny.SessionFactory sessions;
    private final OutboxRelay relay;

    public Transactions(Mutiny.SessionFactory sessions, OutboxRelay relay) {
        this.sessions = sessions;
        this.relay = relay;
    }

    /** What one transaction wrote, so the relay is woken once it committed. */
    static final class Open {
        volatile boolean outboxWritten;
    }

    /**
     * Runs {@code work} in a transaction: a new one, committed when {@code work} succeeds and rolled back when it
     * fails; the caller's when one is open (its commit then settles both).
     */
    public <T> Uni<T> inTransaction(Function<Mutiny.Session, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context context = context();
            if (context.getLocal(OPEN) != null) {
                return sessions.withTransaction((session, transaction) -> work.apply(session));
            }
            Open open = new Open();
            context.putLocal(OPEN, open);
            return sessions.withTransaction((session, transaction) -> work.apply(session))
                    .eventually(() -> {
                        context.removeLocal(OPEN);
                    })
                    .invoke(() -> {
                        if (open.outboxWritten) {
                            relay.wake();
                        }
                    });
        });
    }

    /**
     * Runs a repository's write in the caller's transaction, which must be open: a write outside one would commit
     * alone, apart from the state change or the event it belongs with.
     */
    public <T> Uni<T> mandatory(Function<Mutiny.Session, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (context().getLocal(OPEN) == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "A write outside a transaction: the service layer opens it (Transactions.inTransaction)"));
            }
            return sessions.withSession(work);
        });
    }

    /** Runs a read in the current session (and transaction) if one is open, else in a session of its own. */
    public <T> Uni<T> session(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.withSession(work);
    }

    /** Marks the open transaction as having written to the outbox (which must be open). */
    void outboxWritten() {
        Object open = context().getLocal(OPEN);
        if (!(open instanceof Open transaction)) {
            throw new IllegalStateException("An outbox write outside a transaction: the event would leave without"
                    + " its state change");
        }
        transaction.outboxWritten = true;
    }

    private static Context context() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("Hibernate Reactive runs on a Vert.x context; this thread ("
                    + Thread.currentThread().getName() + ") has none: offload back with Work.blocking");
        }
        return context;
    }
}
