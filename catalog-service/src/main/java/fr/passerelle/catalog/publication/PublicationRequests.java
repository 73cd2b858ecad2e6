package fr.passerelle.catalog.publication;

import fr.passerelle.platform.tracing.TraceContext;
import fr.passerelle.catalog.version.Versions;
import fr.passerelle.catalog.version.Versions.PendingVersion;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Asks the publish service to publish a version, and remembers that it did. */
@ApplicationScoped
public class PublicationRequests {

    private final Versions versions;
    private final Datasets datasets;
    private final Outbox outbox;

    public PublicationRequests(Versions versions, Datasets datasets, Outbox outbox) {
        this.versions = versions;
        this.datasets = datasets;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void request(String organization, String dataset, PendingVersion version) {
        versions.markRequested(organization, dataset, version.number());
        DatasetMetadata metadata = datasets.find(organization, dataset)
                .map(view -> new DatasetMetadata(view.title(), view.description(), view.keywords(), view.licence(),
                        view.frequency(), view.theme(), view.temporalStart(), view.temporalEnd(), view.spatial(),
                        view.contactName(), view.contactEmail()))
                .orElse(null);
        PublicationRequested event = new PublicationRequested(version.uploadId(), organization, dataset,
                version.number(), version.schema(), version.clean(), metadata, Instant.now(),
                version.catalogueSchema());
        // Approved later, in another request: the publication still belongs to the upload's trace.
        TraceContext.continuing(version.traceparent(), () -> outbox.publish(event));
    }
}
