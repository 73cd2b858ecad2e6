package fr.passerelle.catalog.approval;

import fr.passerelle.catalog.Traced;
import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.catalog.metadata.FirstPublication;
import fr.passerelle.catalog.publication.PublicationRequests;
import fr.passerelle.catalog.version.Versions;
import fr.passerelle.catalog.version.Versions.PendingVersion;
import fr.passerelle.contracts.VersionRefused;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.ReactiveOutbox;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A publisher's approval of a dataset: its waiting versions are published, and later versions
 * publish on their own (unless the dataset is set to always ask). Each approval is journaled. Each decision is one
 * transaction, opened here: the dataset's row locked, the versions, the journal, the outbox and the audit entry.
 */
@ApplicationScoped
public class ApprovalService {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    private final Transactions transactions;
    private final Datasets datasets;
    private final Versions versions;
    private final PublicationRequests publications;
    private final ApprovalEvents events;
    private final ReactiveAuditTrail audit;
    private final ReactiveOutbox outbox;

    public ApprovalService(Transactions transactions, Datasets datasets, Versions versions,
                           PublicationRequests publications, ApprovalEvents events, ReactiveAuditTrail audit,
                           ReactiveOutbox outbox) {
        this.transactions = transactions;
        this.datasets = datasets;
        this.versions = versions;
        this.publications = publications;
        this.events = events;
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * Approves the dataset and publishes its waiting versions. Approving an approved dataset with nothing
     * waiting changes nothing and records nothing.
     *
     * @param actor   the audit log's: the token behind the request, taken before the chain runs
     * @param comment the publisher's words for the journal; a French default when blank
     */
    public Uni<DatasetView> approve(String organization, String dataset, String approvedBy, String comment,
                                    Actor actor) {
        return transactions.inTransaction(session -> datasets.lockApproved(organization, dataset)
                        .chain(locked -> {
                            boolean wasApproved = locked.orElseThrow(() -> Datasets.unknown(organization, dataset));
                            return datasets.find(organization, dataset).chain(found -> {
                                DatasetView current = found.orElseThrow();
                                if (!wasApproved && current.publishedVersion() == null) {
                                    // A publication is what people find: its first one must say at least what the
                                    // data is.
                                    FirstPublication.require(current);
                                }
                                return versions.awaitingApproval(organization, dataset)
                                        .chain(waiting -> approved(organization, dataset, approvedBy, comment, actor,
                                                wasApproved, waiting));
                            });
                        }))
                .chain(() -> datasets.find(organization, dataset))
                .map(found -> found.orElseThrow(() -> Datasets.unknown(organization, dataset)));
    }

    private Uni<Void> approved(String organization, String dataset, String approvedBy, String comment, Actor actor,
                               boolean wasApproved, List<PendingVersion> waiting) {
        if (wasApproved && waiting.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Integer> numbers = waiting.stream().map(PendingVersion::number).toList();
        Uni<Void> done = datasets.approve(organization, dataset, approvedBy);
        // Oldest first: the portal then serves the newest once all are done.
        for (PendingVersion version : waiting) {
            done = done.chain(() -> publications.request(organization, dataset, version));
        }
        String reason = reason(wasApproved, numbers);
        return done
                .chain(() -> events.record(organization, dataset,
                        wasApproved ? ApprovalAction.VERSION_APPROVED : ApprovalAction.APPROVED, approvedBy,
                        comment == null || comment.isBlank() ? reason : comment.strip(), numbers))
                // The journal keeps the name the request gave; the audit log names the token that sent it.
                .chain(() -> audit.record(actor, "dataset.approved", organization, dataset, reason))
                .invoke(() -> LOG.infof("Dataset %s/%s approved by %s", organization, dataset, approvedBy))
                .replaceWithVoid();
    }

    /**
     * Refuses the versions waiting for approval: they are never published, and the journal keeps the
     * publisher's reason. The dataset's approval, if any, is left as it is.
     *
     * @param comment why, in the publisher's words: required, it is what the contributor reads
     */
    public Uni<DatasetView> refuse(String organization, String dataset, String refusedBy, String comment,
                                   Actor actor) {
        if (comment == null || comment.isBlank()) {
            throw ApiException.badRequest("refusal-reason-required", "Un refus doit dire pourquoi.",
                    "Envoyez {\"comment\": \"…\"} : la personne qui a déposé le fichier lira ce commentaire.");
        }
        String reason = comment.strip();
        String traceparent = Traced.now();
        return transactions.inTransaction(session -> datasets.lockApproved(organization, dataset)
                        .chain(locked -> {
                            locked.orElseThrow(() -> Datasets.unknown(organization, dataset));
                            return versions.awaitingApproval(organization, dataset);
                        })
                        .chain(waiting -> {
                            List<Integer> numbers = waiting.stream().map(PendingVersion::number).toList();
                            if (numbers.isEmpty()) {
                                throw new ApiException(409, "nothing-awaiting-approval",
                                        "Aucune version de ce jeu de données n'attend d'approbation.",
                                        "Il n'y a rien à refuser : la dernière version est peut-être déjà publiée ou"
                                                + " refusée.");
                            }
                            Instant now = Instant.now();
                            Uni<Void> done = Uni.createFrom().voidItem();
                            for (PendingVersion version : waiting) {
                                // The upload that brought the version says it was refused, rather than waiting for
                                // ever.
                                VersionRefused refused = new VersionRefused(version.uploadId(), organization, dataset,
                                        version.number(), reason, now);
                                done = done.chain(() -> versions.markRefused(organization, dataset, version.number(),
                                                reason))
                                        .chain(() -> Traced.continuing(traceparent, () -> outbox.publish(refused)))
                                        .replaceWithVoid();
                            }
                            return done
                                    .chain(() -> events.record(organization, dataset, ApprovalAction.REFUSED,
                                            refusedBy, reason, numbers))
                                    .chain(() -> Traced.continuing(traceparent, () -> audit.record(actor,
                                            "dataset.refused", organization, dataset, "Versions refusées : "
                                                    + numbers.stream().map(String::valueOf)
                                                    .collect(Collectors.joining(", ")) + ".")));
                        }))
                .invoke(() -> LOG.infof("Dataset %s/%s: waiting versions refused by %s", organization, dataset,
                        refusedBy))
                .chain(() -> datasets.find(organization, dataset))
                .map(found -> found.orElseThrow(() -> Datasets.unknown(organization, dataset)));
    }

    private static String reason(boolean wasApproved, List<Integer> numbers) {
        String published = numbers.isEmpty() ? "aucune version n'attendait"
                : (numbers.size() == 1 ? "version publiée : " : "versions publiées : ")
                + numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return (wasApproved ? "Versions en attente approuvées" : "Jeu de données approuvé") + " ; " + published + ".";
    }
}

