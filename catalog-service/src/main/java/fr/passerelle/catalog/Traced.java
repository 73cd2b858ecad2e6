package fr.passerelle.catalog;

import fr.passerelle.platform.tracing.TraceContext;
import java.util.function.Supplier;

/**
 * An event written in a reactive chain takes its trace when its outbox write is built ({@code ReactiveOutbox.publish}),
 * and a later step of the chain may run after another event's work on the same event loop thread: the trace is taken
 * once, at the start of the work, and each event is built under it.
 */
public final class Traced {

    private Traced() {
    }

    /** The traceparent of the work being done now (a request, or the event being consumed); null outside any trace. */
    public static String now() {
        return TraceContext.toPropagate().get(TraceContext.TRACEPARENT);
    }

    /** What {@code work} builds, built under the trace {@code traceparent} (as is when it is null). */
    public static <T> T continuing(String traceparent, Supplier<T> work) {
        Object[] built = new Object[1];
        TraceContext.continuing(traceparent, () -> built[0] = work.get());
        @SuppressWarnings("unchecked")
        T result = (T) built[0];
        return result;
    }
}
