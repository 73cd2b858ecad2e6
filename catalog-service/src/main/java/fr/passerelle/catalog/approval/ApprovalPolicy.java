package fr.passerelle.catalog.approval;

import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.catalog.dataset.MetadataUpdate;
import fr.passerelle.platform.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * When a dataset needs a publisher again: a material change to its metadata or its schema withdraws
 * its approval, and "always ask" holds every new version. Published versions stay published.
 */
@ApplicationScoped
public class ApprovalPolicy {

    private static final Logger LOG = Logger.getLogger(ApprovalPolicy.class);

    private final Datasets datasets;
    private final ApprovalEvents events;
    private final Database database;

    public ApprovalPolicy(Datasets datasets, ApprovalEvents events, Database database) {
        this.datasets = datasets;
        this.events = events;
        this.database = database;
    }

    /**
     * Applies a metadata update (already validated), withdrawing the approval when a material field
     * changes and recording an "always ask" switch, all in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updateMetadata(String organization, String dataset, MetadataUpdate update) {
        datasets.lockApproved(organization, dataset);
        DatasetView before = datasets.find(organization, dataset).orElseThrow(() -> Datasets.unknown(organization, dataset));
        String actor = actor(update.updatedBy());
        datasets.updateMetadata(organization, dataset, update);
        List<String> material = MaterialChange.of(before).changedBy(update);
        if (before.approved() && !material.isEmpty()) {
            withdraw(organization, dataset, actor, MaterialChange.reason(material));
        }
        if (update.alwaysAsk() != null && update.alwaysAsk() != before.alwaysAsk()) {
            boolean on = update.alwaysAsk();
            database.update("UPDATE dataset SET always_ask = ?, updated_at = now() WHERE organization = ? AND slug = ?",
                    on, organization, dataset);
            events.record(organization, dataset, on ? ApprovalAction.ALWAYS_ASK_ON : ApprovalAction.ALWAYS_ASK_OFF,
                    actor, on
                            ? "Toujours demander : chaque nouvelle version attendra l'approbation d'un publieur,"
                            + " même si le jeu de données est approuvé."
                            : "Les nouvelles versions seront de nouveau publiées d'elles-mêmes tant que le jeu de"
                            + " données reste approuvé ; les versions déjà en attente attendent toujours un publieur.",
                    List.of());
        }
    }

    /**
     * Whether a new version publishes without a publisher: the dataset is approved and not set to
     * always ask. A version with another schema than the dataset's withdraws the approval first (the
     * dataset then follows the new schema). Call with the dataset's row locked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean publishesOnItsOwn(String organization, String dataset, String schema) {
        DatasetView current = datasets.find(organization, dataset).orElseThrow(() -> Datasets.unknown(organization, dataset));
        boolean approved = current.approved();
        if (schema != null && !schema.equals(current.schema())) {
            database.update("UPDATE dataset SET schema_name = ?, updated_at = now() WHERE organization = ? AND slug = ?",
                    schema, organization, dataset);
            if (approved) {
                withdraw(organization, dataset, ApprovalEvents.SYSTEM, "Le schéma des données a changé (« "
                        + current.schema() + " » devient « " + schema + " ») : l'approbation est retirée ; cette"
                        + " version et les suivantes attendront qu'un publieur approuve à nouveau le jeu de données."
                        + " Les versions déjà publiées le restent.");
                approved = false;
            }
        }
        return approved && !current.alwaysAsk();
    }

    /** A new approval ends the withdrawal (the journal keeps it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clearWithdrawal(String organization, String dataset) {
        database.update("UPDATE dataset SET approval_withdrawn_at = null, approval_withdrawn_reason = null"
                + " WHERE organization = ? AND slug = ?", organization, dataset);
    }

    /** The journal's actor when the request names nobody. */
    public static String actor(String named) {
        return named == null || named.isBlank() ? "anonyme" : named.strip();
    }

    private void withdraw(String organization, String dataset, String actor, String reason) {
        database.update("UPDATE dataset SET approved = false, approval_withdrawn_at = now(),"
                + " approval_withdrawn_reason = ?, updated_at = now() WHERE organization = ? AND slug = ?",
                reason, organization, dataset);
        events.record(organization, dataset, ApprovalAction.APPROVAL_WITHDRAWN, actor, reason, List.of());
        LOG.infof("Approval of %s/%s withdrawn by %s", organization, dataset, actor);
    }
}
