package fr.passerelle.publish.publication;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A Hibernate Reactive step awaited by blocking code that already runs on a worker thread of its own (a
 * « Réessayer » push, which holds a JDBC advisory lock while it talks to a remote portal): the step runs on a Vert.x
 * duplicated context of its own, where Hibernate Reactive keeps its session, and the worker waits for it. Never from
 * an event loop, which must not wait.
 */
@ApplicationScoped
public class FromWorker {

    /** Longer than any read of one dataset's rows; a database away fails the push, which then says so. */
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private final Vertx vertx;

    public FromWorker(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> T await(Supplier<Uni<T>> step) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("FromWorker.await on an event loop (" + Thread.currentThread().getName()
                    + "): chain the Uni instead");
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<T>deferred(step::get)
                .runSubscriptionOn(command -> context.runOnContext(ignored -> command.run()))
                .await().atMost(PATIENCE);
    }
}
