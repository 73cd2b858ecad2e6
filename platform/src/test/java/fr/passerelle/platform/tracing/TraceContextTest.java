package fr.passerelle.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

    @AfterEach
    void forgetTheThreadsTrace() {
        TraceContext.received(new ConsumerRecord<>("t", 0, 0, "k", "v"));
    }

    @Test
    void anEventWrittenWhileConsumingCarriesOnTheConsumedEventsTrace() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0, "k", "v");
        record.headers().add(TraceContext.TRACEPARENT, PARENT.getBytes(StandardCharsets.UTF_8));
        TraceContext.received(record);
        assertEquals(Map.of(TraceContext.TRACEPARENT, PARENT), TraceContext.toPropagate());
        assertEquals(Optional.of(TRACE), TraceContext.currentTraceId());
    }

    @Test
    void aTracelessEventClearsWhatAnEarlierOneLeftOnThePooledThread() {
        ConsumerRecord<String, String> traced = new ConsumerRecord<>("t", 0, 0, "k", "v");
        traced.headers().add(TraceContext.TRACEPARENT, PARENT.getBytes(StandardCharsets.UTF_8));
        TraceContext.received(traced);
        TraceContext.received(new ConsumerRecord<>("t", 0, 1, "k", "v"));
        assertTrue(TraceContext.toPropagate().isEmpty());
        assertEquals(Optional.empty(), TraceContext.currentTraceId());
    }

    @Test
    void continuedWorkCarriesTheEarlierTraceAndOnlyWhileItRuns() {
        String other = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0, "k", "v");
        record.headers().add(TraceContext.TRACEPARENT, other.getBytes(StandardCharsets.UTF_8));
        TraceContext.received(record);
        TraceContext.continuing(PARENT, () -> assertEquals(PARENT, TraceContext.toPropagate().get(TraceContext.TRACEPARENT)));
        assertEquals(other, TraceContext.toPropagate().get(TraceContext.TRACEPARENT));
        TraceContext.continuing(null, () -> assertEquals(other, TraceContext.toPropagate().get(TraceContext.TRACEPARENT)));
    }

    @Test
    void aMalformedTraceparentHasNoTraceId() {
        assertEquals(Optional.of(TRACE), TraceContext.traceIdOf(PARENT));
        assertEquals(Optional.empty(), TraceContext.traceIdOf("00-zz-00f067aa0ba902b7-01"));
        assertEquals(Optional.empty(), TraceContext.traceIdOf("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
    }
}
