package fr.passerelle.quality.settings;

import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Replacing a dataset's or an organisation's settings: the row and its audit entry, in one transaction. */
@ApplicationScoped
public class SettingsChanges {

    private final Transactions transactions;
    private final DatasetSettingsStore datasets;
    private final OrganizationSettingsStore organizations;
    private final ReactiveAuditTrail audit;

    public SettingsChanges(Transactions transactions, DatasetSettingsStore datasets,
                           OrganizationSettingsStore organizations, ReactiveAuditTrail audit) {
        this.transactions = transactions;
        this.datasets = datasets;
        this.organizations = organizations;
        this.audit = audit;
    }

    public Uni<DatasetSettings> replace(String organization, String dataset, DatasetSettings settings) {
        Actor actor = audit.caller();
        return transactions.inTransaction(session -> datasets.save(organization, dataset, settings)
                .chain(() -> audit.record(actor, "settings.changed", organization, dataset,
                        DatasetSettingsResource.auditDetail(settings)))
                .replaceWith(settings));
    }

    public Uni<OrganizationSettings> replace(String organization, OrganizationSettings settings) {
        Actor actor = audit.caller();
        return transactions.inTransaction(session -> organizations.save(organization, settings)
                .chain(() -> audit.record(actor, "organization.settings.changed", organization, null,
                        OrganizationSettingsResource.auditDetail(settings)))
                .replaceWith(settings));
    }
}
