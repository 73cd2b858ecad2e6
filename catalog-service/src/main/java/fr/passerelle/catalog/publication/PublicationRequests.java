package fr.passerelle.catalog.publication;

import fr.passerelle.catalog.version.Versions;
import fr.passerelle.catalog.version.Versions.PendingVersion;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Asks the publish service to publish a version, and remembers that it did. */
@ApplicationScoped
public class PublicationRequests {

    private final Versions versions;
    private final Outbox outbox;

    public PublicationRequests(Versions versions, Outbox outbox) {
        this.versions = versions;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void request(String organization, String dataset, PendingVersion version) {
        versions.markRequested(organization, dataset, version.number());
        outbox.publish(new PublicationRequested(version.uploadId(), organization, dataset, version.number(),
                version.schema(), version.clean(), Instant.now()));
    }
}
