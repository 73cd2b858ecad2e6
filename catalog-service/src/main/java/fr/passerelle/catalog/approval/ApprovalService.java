package fr.passerelle.catalog.approval;

import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.catalog.publication.PublicationRequests;
import fr.passerelle.catalog.version.Versions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A publisher's approval of a dataset: its waiting versions are published, and later versions
 * publish on their own.
 */
@ApplicationScoped
public class ApprovalService {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    private final Datasets datasets;
    private final Versions versions;
    private final PublicationRequests publications;

    public ApprovalService(Datasets datasets, Versions versions, PublicationRequests publications) {
        this.datasets = datasets;
        this.versions = versions;
        this.publications = publications;
    }

    public DatasetView approve(String organization, String dataset, String approvedBy) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (datasets.find(organization, dataset).isEmpty()) {
                throw Datasets.unknown(organization, dataset);
            }
            datasets.lockApproved(organization, dataset);
            datasets.approve(organization, dataset, approvedBy);
            // Oldest first: the portal then serves the newest once all are done.
            versions.awaitingApproval(organization, dataset)
                    .forEach(version -> publications.request(organization, dataset, version));
        });
        LOG.infof("Dataset %s/%s approved by %s", organization, dataset, approvedBy);
        return datasets.find(organization, dataset).orElseThrow();
    }
}
