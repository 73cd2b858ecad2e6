package fr.passerelle.platform.consumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/** The two kinds of step a handler is made of, named so that where each one runs is read in the handler. */
public final class Work {

    private Work() {
    }

    /**
     * Runs {@code effects} when subscribed, on the subscriber's thread: the consumer's writes inside
     * {@link FirstDelivery#record} (JDBC today, in the transaction of that thread).
     */
    public static Uni<Void> inline(Runnable effects) {
        return Uni.createFrom().item(() -> {
            effects.run();
            return null;
        });
    }

    /**
     * Runs {@code work} on a worker thread, explicitly: slow blocking work that is no write of the
     * consumer's (the quality engine, the object store, a remote portal). Whatever it throws, checked or
     * not, is the failure as is, for the retry policy and the dead letter's headers to read.
     *
     * <p>Subscribed on an event loop (a reactive service's consumer or resource), the result comes back to that
     * thread's Vert.x context, since what follows (Hibernate Reactive) must run there; subscribed on a worker, it
     * stays on a worker (what follows is JDBC).
     */
    public static <T> Uni<T> blocking(Callable<T> work) {
        return Uni.createFrom().deferred(() -> {
            // Only from an event loop: a worker thread may carry a Vert.x context too (Quarkus propagates the Kafka
            // connector's), and the JDBC steps that follow it there must stay on a worker.
            Context context = Vertx.currentContext();
            if (context == null || !Context.isOnEventLoopThread()) {
                return onWorker(work);
            }
            // Ordered false: the event's steps are sequenced by the chain already; Vert.x completes on the context.
            return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
        });
    }

    private static <T> Uni<T> onWorker(Callable<T> work) {
        return Uni.createFrom().<T>emitter(emitter -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) {
                emitter.fail(failure);
                return;
            }
            emitter.complete(result);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
