package fr.passerelle.catalog.approval;

import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.catalog.dataset.MetadataUpdate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * When a dataset needs a publisher again: a material change to its metadata or its schema withdraws
 * its approval, and "always ask" holds every new version. Published versions stay published. It decides; the
 * dataset's row is written by {@link Datasets} and the journal by {@link ApprovalEvents}, in the caller's
 * transaction.
 */
@ApplicationScoped
public class ApprovalPolicy {

    private static final Logger LOG = Logger.getLogger(ApprovalPolicy.class);

    private final Datasets datasets;
    private final ApprovalEvents events;

    public ApprovalPolicy(Datasets datasets, ApprovalEvents events) {
        this.datasets = datasets;
        this.events = events;
    }

    /**
     * Applies a metadata update (already validated), withdrawing the approval when a material field
     * changes and recording an "always ask" switch, all in the caller's transaction.
     */
    public Uni<Void> updateMetadata(String organization, String dataset, MetadataUpdate update) {
        String actor = actor(update.updatedBy());
        return datasets.lockApproved(organization, dataset)
                .chain(() -> datasets.find(organization, dataset))
                .chain(found -> {
                    DatasetView before = found.orElseThrow(() -> Datasets.unknown(organization, dataset));
                    List<String> material = MaterialChange.of(before).changedBy(update);
                    Uni<Void> changed = datasets.updateMetadata(organization, dataset, update);
                    if (before.approved() && !material.isEmpty()) {
                        changed = changed.chain(() -> withdraw(organization, dataset, actor,
                                MaterialChange.reason(material)));
                    }
                    if (update.alwaysAsk() != null && update.alwaysAsk() != before.alwaysAsk()) {
                        boolean on = update.alwaysAsk();
                        changed = changed.chain(() -> datasets.setAlwaysAsk(organization, dataset, on))
                                .chain(() -> events.record(organization, dataset,
                                        on ? ApprovalAction.ALWAYS_ASK_ON : ApprovalAction.ALWAYS_ASK_OFF, actor, on
                                                ? "Toujours demander : chaque nouvelle version attendra l'approbation"
                                                + " d'un publieur, même si le jeu de données est approuvé."
                                                : "Les nouvelles versions seront de nouveau publiées d'elles-mêmes tant"
                                                + " que le jeu de données reste approuvé ; les versions déjà en attente"
                                                + " attendent toujours un publieur.",
                                        List.of()));
                    }
                    return changed;
                });
    }

    /**
     * Whether a new version publishes without a publisher: the dataset is approved and not set to
     * always ask. A version with another schema than the dataset's withdraws the approval first (the
     * dataset then follows the new schema). Call with the dataset's row locked.
     */
    public Uni<Boolean> publishesOnItsOwn(String organization, String dataset, String schema) {
        return datasets.find(organization, dataset).chain(found -> {
            DatasetView current = found.orElseThrow(() -> Datasets.unknown(organization, dataset));
            if (schema == null || schema.equals(current.schema())) {
                return Uni.createFrom().item(current.approved() && !current.alwaysAsk());
            }
            Uni<Void> followed = datasets.changeSchema(organization, dataset, schema);
            if (current.approved()) {
                followed = followed.chain(() -> withdraw(organization, dataset, ApprovalEvents.SYSTEM,
                        "Le schéma des données a changé (« " + current.schema() + " » devient « " + schema
                                + " ») : l'approbation est retirée ; cette version et les suivantes attendront qu'un"
                                + " publieur approuve à nouveau le jeu de données. Les versions déjà publiées le"
                                + " restent."));
            }
            return followed.replaceWith(Boolean.FALSE);
        });
    }

    /** The journal's actor when the request names nobody. */
    public static String actor(String named) {
        return named == null || named.isBlank() ? "anonyme" : named.strip();
    }

    private Uni<Void> withdraw(String organization, String dataset, String actor, String reason) {
        return datasets.withdrawApproval(organization, dataset, reason)
                .chain(() -> events.record(organization, dataset, ApprovalAction.APPROVAL_WITHDRAWN, actor, reason,
                        List.of()))
                .invoke(() -> LOG.infof("Approval of %s/%s withdrawn by %s", organization, dataset, actor));
    }
}
