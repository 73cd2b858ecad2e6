package fr.passerelle.platform.outbox;

import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.platform.messaging.KafkaClientSecurity;
import fr.passerelle.platform.tracing.TraceContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka as binary-mode CloudEvents, then marks them sent.
 *
 * <p>One pass at a time per service, whatever the number of instances: each pass takes a
 * transaction-scoped advisory lock named after the service's schema first. Sharing the rows with
 * {@code SKIP LOCKED} instead would let a second instance send a later event of a dataset while the
 * first still waits for the broker's acknowledgement of an earlier one, and consumers would see
 * versions out of upload order. A pass that finds the lock taken waits for it, then sends what is
 * left, in {@code seq} order. A crash between the send and the mark sends the row again on the next
 * pass: consumers are idempotent on {@code ce_id}, so that is harmless.
 *
 * <p>Order is {@code seq} order, the order in which rows were inserted: two transactions that write
 * events of one key at the same time may commit in the other order, and the later one can then
 * leave first. Writers of one dataset are serialised upstream (one partition, one consumer; one
 * upload answered before the next is sent), which is what "upload order" means.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** Released at commit or rollback, and by PostgreSQL if the instance dies mid-pass. */
    static final String RELAY_LOCK = "SELECT pg_advisory_xact_lock(hashtext('passerelle-outbox-relay:' || current_schema()))";

    private final AgroalDataSource dataSource;
    private final String bootstrapServers;
    private final String source;
    private volatile KafkaProducer<String, String> producer;
    private final AtomicBoolean passRequested = new AtomicBoolean();
    // One thread: passes of one instance never overlap (the advisory lock does it across instances).
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(AgroalDataSource dataSource,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.source = "/passerelle/" + applicationName;
    }

    /**
     * Asks for a relay pass soon. Called after each commit that wrote to the outbox, so events leave
     * at once, and by the periodic safety net. Wake-ups that come while a pass is queued coalesce.
     */
    public void wake() {
        if (passRequested.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    passRequested.set(false);
                    relay();
                });
            } catch (RejectedExecutionException e) {
                passRequested.set(false); // shutting down: the rows stay for the next start
            }
        }
    }

    /** The safety net: rows whose wake-up was lost (crash, Kafka down) are retried from here. */
    @Scheduled(every = "${passerelle.outbox.interval:1s}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodicPass() {
        wake();
    }

    private void relay() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().timeout(60).call(this::relayBatch);
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            // Kafka or PostgreSQL unavailable: the rows stay unsent and the next pass retries.
            LOG.warnf("Outbox relay pass failed, will retry: %s", e.getMessage());
        }
    }

    int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement(RELAY_LOCK)) {
                lock.execute();
            }
            List<PendingEvent> pending = lockPending(connection);
            if (pending.isEmpty()) {
                return 0;
            }
            List<Future<?>> acks = new ArrayList<>(pending.size());
            for (PendingEvent event : pending) {
                acks.add(producer().send(event.toRecord(source)));
            }
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            markSent(connection, pending);
            LOG.debugf("Relayed %d events", pending.size());
            return pending.size();
        }
    }

    private static List<PendingEvent> lockPending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_id, topic, message_key, ce_type, ce_subject, payload, created_at, traceparent, tracestate"
                        + " FROM outbox"
                        + " WHERE sent_at IS NULL ORDER BY seq LIMIT " + BATCH + " FOR UPDATE");
             ResultSet rows = select.executeQuery()) {
            List<PendingEvent> pending = new ArrayList<>();
            while (rows.next()) {
                pending.add(new PendingEvent(rows.getObject(1, UUID.class), rows.getString(2),
                        rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                        rows.getTimestamp(7), rows.getString(8), rows.getString(9)));
            }
            return pending;
        }
    }

    private static void markSent(Connection connection, List<PendingEvent> sent) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox SET sent_at = now() WHERE event_id = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("uuid",
                    sent.stream().map(PendingEvent::eventId).toArray()));
            update.executeUpdate();
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties config = new Properties();
                    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    config.putAll(KafkaClientSecurity.properties());
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
                    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, source.substring(source.lastIndexOf('/') + 1) + "-outbox");
                    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    void close(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private record PendingEvent(UUID eventId, String topic, String key, String ceType, String subject,
                                String payload, Timestamp createdAt, String traceparent, String tracestate) {

        ProducerRecord<String, String> toRecord(String source) {
            RecordHeaders headers = new RecordHeaders();
            header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
            header(headers, CloudEventHeaders.ID, eventId.toString());
            header(headers, CloudEventHeaders.SOURCE, source);
            header(headers, CloudEventHeaders.TYPE, ceType);
            header(headers, CloudEventHeaders.SUBJECT, subject);
            header(headers, CloudEventHeaders.TIME, createdAt.toInstant().toString());
            header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            if (traceparent != null) {
                header(headers, TraceContext.TRACEPARENT, traceparent);
            }
            if (tracestate != null && !tracestate.isEmpty()) {
                header(headers, TraceContext.TRACESTATE, tracestate);
            }
            return new ProducerRecord<>(topic, null, key, payload, headers);
        }

        private static void header(RecordHeaders headers, String name, String value) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
