package fr.passerelle.catalog.publication;

import fr.passerelle.catalog.Traced;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.catalog.version.Versions;
import fr.passerelle.catalog.version.Versions.PendingVersion;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Asks the publish service to publish a version, and remembers that it did, in the caller's transaction. */
@ApplicationScoped
public class PublicationRequests {

    private final Versions versions;
    private final Datasets datasets;
    private final ReactiveOutbox outbox;

    public PublicationRequests(Versions versions, Datasets datasets, ReactiveOutbox outbox) {
        this.versions = versions;
        this.datasets = datasets;
        this.outbox = outbox;
    }

    /**
     * The request continues the version's trace ({@link PendingVersion#traceparent}): approved later, in another
     * request, the publication still belongs to the upload's trace.
     */
    public Uni<Void> request(String organization, String dataset, PendingVersion version) {
        return versions.markRequested(organization, dataset, version.number())
                .chain(() -> datasets.find(organization, dataset))
                .chain(found -> {
                    DatasetMetadata metadata = found.map(view -> new DatasetMetadata(view.title(), view.description(),
                                    view.keywords(), view.licence(), view.frequency(), view.theme(),
                                    view.temporalStart(), view.temporalEnd(), view.spatial(), view.contactName(),
                                    view.contactEmail()))
                            .orElse(null);
                    PublicationRequested event = new PublicationRequested(version.uploadId(), organization, dataset,
                            version.number(), version.schema(), version.clean(), metadata, Instant.now(),
                            version.catalogueSchema());
                    return Traced.continuing(version.traceparent(), () -> outbox.publish(event));
                })
                .replaceWithVoid();
    }
}
