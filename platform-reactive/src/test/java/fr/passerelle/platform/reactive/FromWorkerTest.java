package fr.passerelle.platform.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A blocking push's table steps: each on a Vert.x context of its own, safe for Hibernate Reactive; never awaited on
 * an event loop.
 */
class FromWorkerTest {

    private final Vertx vertx = Vertx.vertx();
    private final FromWorker worker = new FromWorker(vertx);

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void aStepRunsOnAnEventLoopInADuplicatedSafeContextOfItsOwn() {
        Context first = worker.await(() -> Uni.createFrom().item(this::current));
        Context second = worker.await(() -> Uni.createFrom().item(this::current));

        assertTrue(VertxContext.isDuplicatedContext(first));
        assertTrue(VertxContextSafetyToggle.isExplicitlyMarkedAsSafe(first),
                "Hibernate Reactive refuses a context not marked safe");
        assertNotSame(first, second, "two steps never share a session");
    }

    private Context current() {
        assertTrue(Context.isOnEventLoopThread(), Thread.currentThread().getName());
        return Vertx.currentContext();
    }

    @Test
    void aFailureOfTheStepIsTheCallersFailure() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> worker.await(() -> Uni.createFrom().failure(new IllegalStateException("refused"))));
        assertEquals("refused", thrown.getMessage());
    }

    @Test
    void anEventLoopMayNotWait() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        vertx.runOnContext(ignored -> {
            try {
                worker.await(() -> Uni.createFrom().item(1));
                refused.complete(null);
            } catch (IllegalStateException e) {
                refused.complete(e);
            }
        });
        Throwable failure = refused.get(10, TimeUnit.SECONDS);
        assertTrue(failure != null && failure.getMessage().contains("event loop"), String.valueOf(failure));
    }
}
