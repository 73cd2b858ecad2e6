package fr.passerelle.platform.metrics;

import fr.passerelle.platform.db.Database;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The outbox seen from outside: how many events wait to leave, how long the oldest has waited, and
 * how many left per topic. Read from the service's own {@code outbox} table, so it covers every
 * writer and every relay instance.
 *
 * <p>A scrape never waits for PostgreSQL: it reads the last snapshot, and if that is older than
 * {@code passerelle.metrics.outbox.refresh} (5 s) asks for a new one in the background. So the
 * table is queried at most that often, and only while someone scrapes.
 */
@ApplicationScoped
@Unremovable
public class OutboxMetrics implements MeterBinder {

    static final String BACKLOG = "passerelle.outbox.backlog";
    static final String OLDEST_AGE = "passerelle.outbox.oldest.unsent.age";
    static final String SENT = "passerelle.outbox.sent";

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final Database database;
    private final long refreshNanos;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final Set<String> countedTopics = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot snapshot = Snapshot.NONE;
    private volatile MeterRegistry registry;

    public OutboxMetrics(Database database,
                         @ConfigProperty(name = "passerelle.metrics.outbox.refresh", defaultValue = "5s") Duration refresh) {
        this.database = database;
        this.refreshNanos = refresh.toNanos();
    }

    /** What the table held at one moment; {@code takenAt} is a {@link System#nanoTime()}. */
    record Snapshot(long backlog, double oldestAgeSeconds, Map<String, Long> sentByTopic, long takenAt) {
        static final Snapshot NONE = new Snapshot(0, 0, Map.of(), Long.MIN_VALUE);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(BACKLOG, this, metrics -> metrics.current().backlog())
                .description("Outbox events not yet sent to Kafka")
                .baseUnit("events")
                .register(registry);
        Gauge.builder(OLDEST_AGE, this, OutboxMetrics::oldestAgeSeconds)
                .description("Age of the oldest outbox event not yet sent to Kafka (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
        refreshSoon();
    }

    private double oldestAgeSeconds() {
        Snapshot current = current();
        if (current.backlog() == 0) {
            return 0;
        }
        // The age keeps growing between two snapshots.
        return current.oldestAgeSeconds() + (System.nanoTime() - current.takenAt()) / 1e9;
    }

    private double sentCount(String topic) {
        return current().sentByTopic().getOrDefault(topic, 0L);
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == Snapshot.NONE || System.nanoTime() - current.takenAt() > refreshNanos) {
            refreshSoon();
        }
        return current;
    }

    private void refreshSoon() {
        if (refreshing.compareAndSet(false, true)) {
            try {
                worker.execute(this::refresh);
            } catch (RejectedExecutionException e) {
                refreshing.set(false); // shutting down
            }
        }
    }

    private void refresh() {
        try {
            long takenAt = System.nanoTime();
            Snapshot pending = database.queryOne(
                    "SELECT count(*) AS backlog,"
                            + " COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) AS oldest_age"
                            + " FROM outbox WHERE sent_at IS NULL",
                    row -> new Snapshot(row.getLong("backlog"), row.getDouble("oldest_age"), Map.of(), takenAt))
                    .orElse(Snapshot.NONE);
            Map<String, Long> sent = new HashMap<>();
            database.query("SELECT topic, count(*) AS sent FROM outbox WHERE sent_at IS NOT NULL GROUP BY topic",
                    row -> sent.put(row.getString("topic"), row.getLong("sent")));
            snapshot = new Snapshot(pending.backlog(), pending.oldestAgeSeconds(), Map.copyOf(sent), takenAt);
            sent.keySet().forEach(this::countTopic);
        } catch (RuntimeException e) {
            // PostgreSQL unavailable: keep the last snapshot, try again at the next scrape.
            LOG.debugf("Outbox metrics not refreshed: %s", e.getMessage());
        } finally {
            refreshing.set(false);
        }
    }

    private void countTopic(String topic) {
        MeterRegistry target = registry;
        if (target != null && countedTopics.add(topic)) {
            FunctionCounter.builder(SENT, this, metrics -> metrics.sentCount(topic))
                    .description("Outbox events sent to Kafka, by topic (rows of the outbox marked sent)")
                    .baseUnit("events")
                    .tag("topic", topic)
                    .register(target);
        }
    }

    void close(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }
}
