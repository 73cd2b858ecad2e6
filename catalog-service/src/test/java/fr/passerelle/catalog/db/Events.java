package fr.passerelle.catalog.db;

import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.EventJson;
import fr.passerelle.contracts.EventType;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.contracts.TopicEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Events as the Kafka channels hand them to the consumers. */
final class Events {

    private Events() {
    }

    static QualityChecked valid(String organization, String dataset, String schema) {
        String upload = UUID.randomUUID().toString();
        return new QualityChecked(upload, organization, dataset, schema, QualityVerdict.VALID, 100, 2, 0,
                "Fichier valide", new ObjectRef("clean", organization + "/" + dataset + "/" + upload + "/" + dataset
                + ".csv", "abc123", 42), new ObjectRef("clean", organization + "/" + dataset + "/" + upload
                + "/report.json", null, 10), Instant.now(),
                new CatalogueSchema("etalab/schema-" + schema, "1.0.0", "https://schema.data.gouv.fr/" + schema), null);
    }

    static ConsumerRecord<String, String> record(EventType type, TopicEvent event) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(type.topic(), 0, 1L, event.key(),
                EventJson.write(event));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", ("00-" + UUID.randomUUID().toString().replace("-", "")
                + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    static String id(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }

    static String traceparent(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    }
}
