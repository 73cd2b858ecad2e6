package fr.passerelle.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.AuditRecorded;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.platform.storage.StorageException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventConsumersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(2);
    /** Delays in milliseconds: the policy's shape, not the production figures, is under test. */
    private static final RetryPolicy FAST = new RetryPolicy(PATIENCE, Duration.ofMillis(10), Duration.ofMillis(80), 3,
            Duration.ofMillis(10));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerMetrics metrics = new ConsumerMetrics(registry);
    private final MemoryInbox inbox = new MemoryInbox();
    private final Stopping stopping = new Stopping();
    private final EventConsumers consumers = new EventConsumers(inbox, new ConsumerRetries(FAST, metrics), metrics,
            stopping);
    /** The effects the handlers committed, in order. */
    private final List<String> written = new CopyOnWriteArrayList<>();

    private static final Subscription<String> TEXT = Subscription.decodedBy("test-consumer",
            record -> new DecodedEvent<>(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                    record.value()));

    @Test
    void aRedeliveredEventIsANoOp() {
        ConsumerRecord<String, String> record = record("event-1", "bonjour");
        AtomicInteger calls = new AtomicInteger();
        for (int delivery = 0; delivery < 3; delivery++) {
            consume(TEXT, record, text -> Work.inline(() -> {
                calls.incrementAndGet();
                written.add(text);
            }));
        }
        assertEquals(1, calls.get(), "the handler runs on the first delivery only");
        assertEquals(List.of("bonjour"), written);
        assertEquals(1.0, count("handled"));
        assertEquals(2.0, count("redelivered"));
        assertEquals(0.0, count("dead-lettered"));
    }

    @Test
    void anOutageIsWaitedOutThenTheEventIsHandled() {
        AtomicInteger calls = new AtomicInteger();
        consume(TEXT, record("event-2", "fichier"), text -> Work.inline(() -> {
            if (calls.incrementAndGet() <= 3) {
                throw new StorageException("Cannot read raw/x", new ConnectException("Connection refused"));
            }
            written.add(text);
        }));
        assertEquals(4, calls.get());
        assertEquals(List.of("fichier"), written);
        assertTrue(inbox.isRecorded("test-consumer", "event-2"));
        assertEquals(1.0, count("handled"));
        assertEquals(3.0, registry.counter(ConsumerMetrics.RETRIES, "consumer", "test-consumer", "cause", "outage").count());
    }

    @Test
    void aDatabaseOutageAtTheRecordingIsWaitedOutToo() {
        inbox.failNextCommits(2, new IllegalStateException("Could not record",
                new SQLException("terminating connection due to administrator command", "57P01")));
        consume(TEXT, record("event-3", "version"), text -> Work.inline(() -> written.add(text)));
        assertEquals(List.of("version"), written, "the failed attempts wrote nothing");
        assertEquals(1.0, count("handled"));
    }

    @Test
    void anOutageOutlastingThePatienceIsDeadLetteredWithItsOwnException() {
        StorageException outage = new StorageException("Cannot write", new ConnectException("Connection refused"));
        long started = System.nanoTime();
        StorageException thrown = assertThrows(StorageException.class, () -> consume(TEXT, record("event-4", "x"),
                text -> Work.inline(() -> {
                    throw outage;
                })));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertSame(outage, thrown, "the dead letter's headers name the cause, not a retry wrapper");
        assertTrue(waited.compareTo(PATIENCE.minusMillis(200)) >= 0 && waited.compareTo(PATIENCE.plusSeconds(1)) < 0,
                "waited about the patience: " + waited);
        assertFalse(inbox.isRecorded("test-consumer", "event-4"), "a redelivery or a replay handles it afresh");
        assertEquals(1.0, count("dead-lettered"));
    }

    @Test
    void aFailureWhileTheServiceStopsLeavesTheEventForRedelivery() {
        stopping.begin();
        AtomicInteger calls = new AtomicInteger();
        Uni<Void> consumed = consumers.consume(TEXT, record("event-6", "arrêt"), text -> Work.inline(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("Session closed");
        }));
        assertThrows(io.smallrye.mutiny.TimeoutException.class, () -> consumed.await().atMost(Duration.ofMillis(500)),
                "neither acknowledged nor nacked to the dead-letter topic: the offset stays uncommitted");
        assertEquals(1, calls.get(), "not tried again while stopping");
        assertFalse(inbox.isRecorded("test-consumer", "event-6"));
        assertEquals(0.0, count("dead-lettered"));
    }

    @Test
    void aClosedDatabasePoolIsTheServiceStoppingNotAPoisonEvent() {
        // The reactive SQL client's failure once Quarkus closed its pool, wrapped as Hibernate Reactive does.
        RuntimeException closed = new RuntimeException("Could not open a session", new Exception(Stopping.POOL_CLOSED));
        Uni<Void> consumed = consumers.consume(TEXT, record("event-7", "x"), text -> Uni.createFrom().failure(closed));
        assertThrows(io.smallrye.mutiny.TimeoutException.class, () -> consumed.await().atMost(Duration.ofMillis(500)));
        assertEquals(0.0, count("dead-lettered"));

        // Any other failure, the service running, is still dead-lettered once the retries are spent.
        assertThrows(IllegalStateException.class, () -> consume(TEXT, record("event-8", "x"),
                text -> Uni.createFrom().failure(new IllegalStateException("Session closed"))));
        assertEquals(1.0, count("dead-lettered"));
    }

    @Test
    void aPoisonEventIsDeadLetteredOnceWithoutRetries() {
        Subscription<AuditRecorded> audit = Subscription.of("test-audit", EventType.AUDIT_RECORDED, AuditRecorded.class);
        ConsumerRecord<String, String> withoutId = new ConsumerRecord<>("passerelle.audit.v1", 0, 7L, "org", "{}");
        AtomicInteger calls = new AtomicInteger();
        assertThrows(MalformedEventException.class, () -> consume(audit, withoutId, entry -> Work.inline(calls::incrementAndGet)));
        assertEquals(0, calls.get());
        assertEquals(1.0, registry.counter(ConsumerMetrics.EVENTS, "consumer", "test-audit", "outcome", "dead-lettered").count());
        assertEquals(0.0, registry.counter(ConsumerMetrics.RETRIES, "consumer", "test-audit", "cause", "failure").count());

        AtomicInteger rejections = new AtomicInteger();
        assertThrows(MalformedEventException.class, () -> consume(TEXT, record("event-5", "?"), text -> Work.inline(() -> {
            rejections.incrementAndGet();
            throw new MalformedEventException("uploadId is not a UUID");
        })));
        assertEquals(1, rejections.get(), "the handler's own verdict of a malformed event is not tried again");
        assertEquals(1.0, count("dead-lettered"));
    }

    @Test
    void aHandlerFailureIsNotSwallowed() {
        IllegalStateException bug = new IllegalStateException("a bug");
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> consume(TEXT, record("event-6", "x"), text -> Work.inline(() -> {
                    calls.incrementAndGet();
                    throw bug;
                })));
        assertSame(bug, thrown);
        assertEquals(1 + FAST.failureRetries(), calls.get(), "a few short retries, then the dead letter");
        assertFalse(inbox.isRecorded("test-consumer", "event-6"));
        assertEquals(1.0, count("dead-lettered"));
        assertEquals(0.0, count("handled"));
    }

    @Test
    void aHandlerInStepsSkipsItsSlowWorkOnARedeliveryAndMustRecord() {
        ConsumerRecord<String, String> record = record("event-7", "csv");
        AtomicInteger slowWork = new AtomicInteger();
        EventConsumers.Steps<String> steps = (text, delivery) -> Work.blocking(() -> {
                    slowWork.incrementAndGet();
                    return text.toUpperCase();
                })
                .chain(checked -> delivery.record(() -> Work.inline(() -> written.add(checked))))
                .replaceWithVoid();
        consumers.consumeInSteps(TEXT, record, steps).await().atMost(Duration.ofSeconds(10));
        consumers.consumeInSteps(TEXT, record, steps).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, slowWork.get());
        assertEquals(List.of("CSV"), written);

        assertThrows(IllegalStateException.class, () -> consumers.consumeInSteps(TEXT, record("event-8", "x"),
                (text, delivery) -> Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(10)));
    }

    @Test
    void handlersRunOffTheCallersThread() {
        Thread caller = Thread.currentThread();
        List<Thread> ran = new CopyOnWriteArrayList<>();
        consume(TEXT, record("event-9", "x"), text -> Work.inline(() -> ran.add(Thread.currentThread())));
        assertEquals(1, ran.size());
        assertFalse(ran.get(0) == caller, "subscribed on a worker, not on the thread that delivered the record");
    }

    /** A reactive inbox's attempts must run on the event's Vert.x context, the first and those after a delay alike. */
    @Test
    void everyAttemptRunsWhereTheInboxSaysAfterARetrysDelayToo() {
        List<String> threads = new CopyOnWriteArrayList<>();
        consume(TEXT, record("event-11", "x"), text -> Work.inline(() -> {
            threads.add(Thread.currentThread().getName());
            if (threads.size() < 3) {
                throw new StorageException("Cannot read raw/x", new ConnectException("Connection refused"));
            }
        }));
        assertEquals(List.of("inbox-attempts", "inbox-attempts", "inbox-attempts"), threads);
    }

    @Test
    void anEventIdempotentByItselfRunsWithoutTheInbox() {
        Subscription<String> drops = Subscription.idempotentByItself("test-drops", ConsumerRecord::value);
        consume(drops, record("event-10", "a"), text -> Work.inline(() -> written.add(text)));
        consume(drops, record("event-10", "a"), text -> Work.inline(() -> written.add(text)));
        assertEquals(List.of("a", "a"), written, "its own claim, not the inbox, makes the second a no-op");
        assertFalse(inbox.isRecorded("test-drops", "event-10"));
    }

    private <T> void consume(Subscription<T> subscription, ConsumerRecord<String, String> record,
                             java.util.function.Function<T, Uni<Void>> handler) {
        consumers.consume(subscription, record, handler).await().atMost(Duration.ofSeconds(10));
    }

    private double count(String outcome) {
        return registry.counter(ConsumerMetrics.EVENTS, "consumer", "test-consumer", "outcome", outcome).count();
    }

    private static ConsumerRecord<String, String> record(String id, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("passerelle.test.v1", 0, 42L, "org/jeu", value);
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The inbox's contract, in memory: failed effects or a failed recording record nothing. */
    private static final class MemoryInbox implements Inbox {

        private final Set<String> processed = ConcurrentHashMap.newKeySet();
        private final AtomicInteger commitsToFail = new AtomicInteger();
        /** The threads of the inbox's executor, named so that a test sees where attempts ran. */
        private final java.util.concurrent.ExecutorService attempts = java.util.concurrent.Executors.newCachedThreadPool(
                runnable -> {
                    Thread thread = new Thread(runnable, "inbox-attempts");
                    thread.setDaemon(true);
                    return thread;
                });

        @Override
        public java.util.concurrent.Executor attemptsExecutor() {
            return attempts;
        }
        private volatile RuntimeException commitFailure;

        void failNextCommits(int count, RuntimeException failure) {
            commitFailure = failure;
            commitsToFail.set(count);
        }

        boolean isRecorded(String consumer, String eventId) {
            return processed.contains(consumer + "/" + eventId);
        }

        @Override
        public Uni<Boolean> isProcessed(String consumer, String eventId) {
            return Uni.createFrom().item(() -> isRecorded(consumer, eventId));
        }

        @Override
        public synchronized Uni<Boolean> recordFirst(String consumer, String eventId, Supplier<Uni<Void>> effects) {
            return Uni.createFrom().item(() -> {
                synchronized (this) {
                    if (isRecorded(consumer, eventId)) {
                        return false;
                    }
                    if (commitsToFail.getAndDecrement() > 0) {
                        throw commitFailure;
                    }
                    effects.get().await().indefinitely();
                    processed.add(consumer + "/" + eventId);
                    return true;
                }
            });
        }
    }
}
