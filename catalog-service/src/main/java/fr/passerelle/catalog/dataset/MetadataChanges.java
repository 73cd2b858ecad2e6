package fr.passerelle.catalog.dataset;

import fr.passerelle.catalog.approval.ApprovalPolicy;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A change to a dataset's metadata: the row, the approval it may withdraw (see {@link ApprovalPolicy}) with its
 * journal entry, and the audit entry, in one transaction opened here.
 */
@ApplicationScoped
public class MetadataChanges {

    private final Transactions transactions;
    private final ApprovalPolicy policy;
    private final Datasets datasets;
    private final ReactiveAuditTrail audit;

    public MetadataChanges(Transactions transactions, ApprovalPolicy policy, Datasets datasets,
                           ReactiveAuditTrail audit) {
        this.transactions = transactions;
        this.policy = policy;
        this.datasets = datasets;
        this.audit = audit;
    }

    /**
     * @param change already validated, and made by the token's subject ({@link MetadataUpdate#by})
     * @param actor  the audit log's: the token behind the request, taken before the chain runs
     * @return the dataset as it is once the change committed
     */
    public Uni<DatasetView> update(String organization, String dataset, MetadataUpdate change, Actor actor) {
        return transactions.inTransaction(session -> policy.updateMetadata(organization, dataset, change)
                        .chain(() -> audit.record(actor, "dataset.metadata.changed", organization, dataset,
                                MetadataAuditDetail.of(change))))
                .chain(() -> datasets.find(organization, dataset))
                .map(found -> found.orElseThrow(() -> Datasets.unknown(organization, dataset)));
    }
}
