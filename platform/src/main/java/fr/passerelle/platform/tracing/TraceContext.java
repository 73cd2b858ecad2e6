package fr.passerelle.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context (traceparent, tracestate) an event carries in its Kafka headers, so one
 * upload is one trace across the services. Events leave through the outbox, on another thread and
 * later, so the context is captured when the event is written, from the current span, or else from
 * the event being consumed (remembered per thread by {@link #received}).
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final ThreadLocal<Map<String, String>> RECEIVED = new ThreadLocal<>();
    private static final ThreadLocal<String> CONTINUED = new ThreadLocal<>();

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return () -> java.util.Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceContext() {
    }

    /**
     * Remembers the trace of the event this thread is consuming: every consumer's first step, so a
     * trace-less event clears what an earlier one left on a pooled thread.
     */
    public static void received(ConsumerRecord<?, ?> record) {
        Map<String, String> carrier = new HashMap<>();
        for (String name : List.of(TRACEPARENT, TRACESTATE)) {
            String value = KAFKA_HEADERS.get(record.headers(), name);
            if (value != null) {
                carrier.put(name, value);
            }
        }
        if (carrier.containsKey(TRACEPARENT)) {
            RECEIVED.set(carrier);
        } else {
            RECEIVED.remove();
        }
    }

    /**
     * Runs {@code work} so that the events it writes continue the trace {@code traceparent} (work
     * resumed for an earlier event, e.g. a version approved days after its upload) rather than the
     * current one; with a null {@code traceparent}, runs it as is.
     */
    public static void continuing(String traceparent, Runnable work) {
        if (traceparent == null) {
            work.run();
            return;
        }
        String outer = CONTINUED.get();
        CONTINUED.set(traceparent);
        try {
            work.run();
        } finally {
            if (outer == null) {
                CONTINUED.remove();
            } else {
                CONTINUED.set(outer);
            }
        }
    }

    /** The headers to send with an event written now; empty outside any trace. */
    public static Map<String, String> toPropagate() {
        String continued = CONTINUED.get();
        if (continued != null) {
            return Map.of(TRACEPARENT, continued);
        }
        if (Span.current().getSpanContext().isValid()) {
            Map<String, String> carrier = new HashMap<>();
            W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
            return carrier;
        }
        Map<String, String> received = RECEIVED.get();
        return received == null ? Map.of() : Map.copyOf(received);
    }

    /** The trace id of the current work (a request or a consumed event), if there is one. */
    public static Optional<String> currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return Optional.of(span.getTraceId());
        }
        return Optional.ofNullable(RECEIVED.get()).map(carrier -> carrier.get(TRACEPARENT)).flatMap(TraceContext::traceIdOf);
    }

    /** The trace id in a traceparent header ({@code 00-<trace id>-<span id>-<flags>}). */
    public static Optional<String> traceIdOf(String traceparent) {
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of(TRACEPARENT, traceparent), new TextMapGetter<Map<String, String>>() {
                    @Override
                    public Iterable<String> keys(Map<String, String> carrier) {
                        return carrier.keySet();
                    }

                    @Override
                    public String get(Map<String, String> carrier, String key) {
                        return carrier == null ? null : carrier.get(key);
                    }
                });
        SpanContext span = Span.fromContext(context).getSpanContext();
        return span.isValid() ? Optional.of(span.getTraceId()) : Optional.empty();
    }
}
