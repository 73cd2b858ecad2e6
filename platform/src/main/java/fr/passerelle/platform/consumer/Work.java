package fr.passerelle.platform.consumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
     */
    public static <T> Uni<T> blocking(Callable<T> work) {
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
