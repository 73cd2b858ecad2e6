package fr.passerelle.platform.reactive;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A Hibernate Reactive step awaited by blocking code that already runs on a worker thread (a scheduler's pass, a drop's
 * intake under a JDBC advisory lock, a download): the step runs on a Vert.x duplicated context of its own, marked safe,
 * where Hibernate Reactive keeps its session, and the worker waits for it. A scheduler's thread has no safe context of
 * its own. Never from an event loop, which must not wait.
 */
@ApplicationScoped
public class FromWorker {

    /** Longer than any one step of a service's tables; a database away fails the step, which then says so. */
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
