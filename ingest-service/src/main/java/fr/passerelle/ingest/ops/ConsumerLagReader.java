package fr.passerelle.ingest.ops;

import fr.passerelle.platform.messaging.KafkaClientSecurity;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every consumer group's lag on Passerelle's topics, from the broker (committed offsets against end
 * offsets): the whole pipeline, every service and instance, not only what this instance consumes.
 */
@ApplicationScoped
public class ConsumerLagReader {

    private static final long TIMEOUT_SECONDS = 5;
    private static final String OUR_TOPICS = "passerelle.";

    private final String bootstrapServers;
    private volatile Admin admin;

    public ConsumerLagReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Per group and topic, groups then topics in name order. */
    public List<ConsumerLag> all() throws Exception {
        Admin client = admin();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
        for (ConsumerGroupListing group : client.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            client.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((partition, offset) -> {
                        if (offset != null && partition.topic().startsWith(OUR_TOPICS)) {
                            offsets.put(partition, offset);
                        }
                    });
            if (!offsets.isEmpty()) {
                committed.put(group.groupId(), offsets);
            }
        }
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(p -> wanted.put(p, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = wanted.isEmpty() ? Map.of()
                : client.listOffsets(wanted).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<ConsumerLag> lags = new ArrayList<>();
        committed.forEach((group, offsets) -> {
            Map<String, long[]> byTopic = new TreeMap<>(); // topic → {partitions, lag}
            offsets.forEach((partition, offset) -> {
                var end = ends.get(partition);
                long[] sum = byTopic.computeIfAbsent(partition.topic(), topic -> new long[2]);
                sum[0]++;
                sum[1] += end == null ? 0 : Math.max(0, end.offset() - offset.offset());
            });
            byTopic.forEach((topic, sum) -> lags.add(new ConsumerLag(group, topic, (int) sum[0], sum[1])));
        });
        lags.sort(Comparator.comparing(ConsumerLag::group).thenComparing(ConsumerLag::topic));
        return lags;
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties config = new Properties();
                    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    config.putAll(KafkaClientSecurity.properties());
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-ops-lag");
                    // Short: the page asks every 2 s. The API timeout may not be under the request timeout.
                    int timeout = (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS);
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
                    admin = Admin.create(config);
                }
            }
        }
        return admin;
    }

    void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
