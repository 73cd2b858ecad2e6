package fr.passerelle.catalog.approval;

import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.catalog.metadata.FirstPublication;
import fr.passerelle.catalog.publication.PublicationRequests;
import fr.passerelle.catalog.version.Versions;
import fr.passerelle.catalog.version.Versions.PendingVersion;
import fr.passerelle.contracts.VersionRefused;
import fr.passerelle.platform.outbox.Outbox;
import fr.passerelle.platform.audit.AuditTrail;
import fr.passerelle.platform.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A publisher's approval of a dataset: its waiting versions are published, and later versions
 * publish on their own (unless the dataset is set to always ask). Each approval is journaled.
 */
@ApplicationScoped
public class ApprovalService {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    private final Datasets datasets;
    private final Versions versions;
    private final PublicationRequests publications;
    private final ApprovalEvents events;
    private final ApprovalPolicy policy;
    private final AuditTrail audit;
    private final Outbox outbox;

    public ApprovalService(Datasets datasets, Versions versions, PublicationRequests publications,
                           ApprovalEvents events, ApprovalPolicy policy, AuditTrail audit, Outbox outbox) {
        this.outbox = outbox;
        this.datasets = datasets;
        this.versions = versions;
        this.publications = publications;
        this.events = events;
        this.policy = policy;
        this.audit = audit;
    }

    public DatasetView approve(String organization, String dataset, String approvedBy) {
        return approve(organization, dataset, approvedBy, null);
    }

    /**
     * Approves the dataset and publishes its waiting versions. Approving an approved dataset with nothing
     * waiting changes nothing and records nothing.
     *
     * @param comment the publisher's words for the journal; a French default when blank
     */
    public DatasetView approve(String organization, String dataset, String approvedBy, String comment) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (datasets.find(organization, dataset).isEmpty()) {
                throw Datasets.unknown(organization, dataset);
            }
            boolean wasApproved = datasets.lockApproved(organization, dataset);
            DatasetView current = datasets.find(organization, dataset).orElseThrow();
            if (!wasApproved && current.publishedVersion() == null) {
                // A publication is what people find: its first one must say at least what the data is.
                FirstPublication.require(current);
            }
            List<PendingVersion> waiting = versions.awaitingApproval(organization, dataset);
            if (wasApproved && waiting.isEmpty()) {
                return;
            }
            datasets.approve(organization, dataset, approvedBy);
            policy.clearWithdrawal(organization, dataset);
            // Oldest first: the portal then serves the newest once all are done.
            waiting.forEach(version -> publications.request(organization, dataset, version));
            List<Integer> numbers = waiting.stream().map(PendingVersion::number).toList();
            events.record(organization, dataset, wasApproved ? ApprovalAction.VERSION_APPROVED : ApprovalAction.APPROVED,
                    approvedBy, comment == null || comment.isBlank() ? reason(wasApproved, numbers) : comment.strip(),
                    numbers);
            // The journal keeps the name the request gave; the audit log names the token that sent it.
            audit.record("dataset.approved", organization, dataset, reason(wasApproved, numbers));
        });
        LOG.infof("Dataset %s/%s approved by %s", organization, dataset, approvedBy);
        return datasets.find(organization, dataset).orElseThrow();
    }

    /**
     * Refuses the versions waiting for approval: they are never published, and the journal keeps the
     * publisher's reason. The dataset's approval, if any, is left as it is.
     *
     * @param comment why, in the publisher's words: required, it is what the contributor reads
     */
    public DatasetView refuse(String organization, String dataset, String refusedBy, String comment) {
        if (comment == null || comment.isBlank()) {
            throw ApiException.badRequest("refusal-reason-required", "Un refus doit dire pourquoi.",
                    "Envoyez {\"comment\": \"…\"} : la personne qui a déposé le fichier lira ce commentaire.");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (datasets.find(organization, dataset).isEmpty()) {
                throw Datasets.unknown(organization, dataset);
            }
            datasets.lockApproved(organization, dataset);
            List<PendingVersion> waiting = versions.awaitingApproval(organization, dataset);
            List<Integer> numbers = waiting.stream().map(PendingVersion::number).toList();
            if (numbers.isEmpty()) {
                throw new ApiException(409, "nothing-awaiting-approval",
                        "Aucune version de ce jeu de données n'attend d'approbation.",
                        "Il n'y a rien à refuser : la dernière version est peut-être déjà publiée ou refusée.");
            }
            Instant now = Instant.now();
            for (PendingVersion version : waiting) {
                versions.markRefused(organization, dataset, version.number(), comment.strip());
                // The upload that brought the version says it was refused, rather than waiting for ever.
                outbox.publish(new VersionRefused(version.uploadId(), organization, dataset, version.number(),
                        comment.strip(), now));
            }
            events.record(organization, dataset, ApprovalAction.REFUSED, refusedBy, comment.strip(), numbers);
            audit.record("dataset.refused", organization, dataset, "Versions refusées : "
                    + numbers.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        });
        LOG.infof("Dataset %s/%s: waiting versions refused by %s", organization, dataset, refusedBy);
        return datasets.find(organization, dataset).orElseThrow();
    }

    private static String reason(boolean wasApproved, List<Integer> numbers) {
        String published = numbers.isEmpty() ? "aucune version n'attendait"
                : (numbers.size() == 1 ? "version publiée : " : "versions publiées : ")
                + numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return (wasApproved ? "Versions en attente approuvées" : "Jeu de données approuvé") + " ; " + published + ".";
    }
}
