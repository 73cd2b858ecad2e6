package fr.passerelle.publish.remote;

import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.audit.AuditTrail;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.reactive.FromWorker;
import fr.passerelle.publish.publication.Publications;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * « Réessayer »: pushes a dataset's latest published version again to one of its remote portals, through
 * the same path as a new version's publication, after a failure, a renewed API key, or for a target added
 * once the dataset was already published. The push runs in the background (a portal may take minutes to
 * take a large file); the target shows PENDING until it ends. Asking again while it runs, or when the target
 * already has the latest version, changes nothing.
 *
 * <p>Where it runs: the request's reads, the claim and its audit entry (one transaction) on the request's event loop;
 * the push on this class's own worker threads, as a new version's push does ({@link RemotePublications}), its reads
 * of the tables awaited there ({@link FromWorker}).
 */
@ApplicationScoped
public class TargetRetries {

    private static final Logger LOG = Logger.getLogger(TargetRetries.class);
    /** A push asked longer ago than this is taken as dead with its instance: a new retry may claim the target. */
    static final int STALE_MINUTES = 15;

    /** What a retry request came to. */
    public enum Outcome {
        /** The push was started. */
        STARTED,
        /** A push of this target is already under way. */
        ALREADY_RUNNING,
        /** The target already has the latest published version. */
        UP_TO_DATE
    }

    private final RemoteTargets targets;
    private final Publications publications;
    private final RemotePublications remote;
    private final ReactiveAuditTrail audit;
    private final Transactions transactions;
    private final FromWorker worker;
    private final ExecutorService pushes = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "target-retry");
        thread.setDaemon(true);
        return thread;
    });

    public TargetRetries(RemoteTargets targets, Publications publications, RemotePublications remote,
                         ReactiveAuditTrail audit, Transactions transactions, FromWorker worker) {
        this.transactions = transactions;
        this.worker = worker;
        this.targets = targets;
        this.publications = publications;
        this.remote = remote;
        this.audit = audit;
    }

    public Uni<Outcome> retry(String organization, String dataset, String kind) {
        Actor actor = audit.caller();
        return targets.views(organization, dataset).chain(views -> {
            TargetView target = views.stream().filter(view -> view.kind().equals(kind)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("unknown-target", "Aucun portail « "
                            + PortalNames.of(kind) + " » n'est configuré pour le jeu de données « " + dataset + " »."));
            return publications.latestRequest(organization, dataset).chain(found -> {
                PublicationRequested latest = found.orElseThrow(() ->
                        new ApiException(409, "nothing-published", "Le jeu de données « " + dataset
                                + " » n'a pas encore de version publiée : il n'y a rien à envoyer au portail.",
                                "La première version est envoyée aux portails dès qu'un publieur l'approuve."));
                if (isUpToDate(target, latest.version())) {
                    return Uni.createFrom().item(Outcome.UP_TO_DATE);
                }
                return transactions.inTransaction(session -> targets.claimForRetry(organization, dataset, kind,
                                STALE_MINUTES)
                        .chain(claimed -> !claimed ? Uni.createFrom().item(false)
                                : audit.record(actor, "target.retried", organization, dataset, "Nouvel envoi de la"
                                + " version " + latest.version() + " sur " + PortalNames.of(kind) + " ("
                                + AuditTrail.safeUrl(target.apiUrl()) + ").").replaceWith(true)))
                        .map(claimed -> {
                            if (!claimed) {
                                return Outcome.ALREADY_RUNNING;
                            }
                            pushes.submit(() -> push(organization, dataset, kind));
                            return Outcome.STARTED;
                        });
            });
        });
    }

    /** Whether the target has the version already: the only case where a retry does nothing. */
    static boolean isUpToDate(TargetView target, int latestVersion) {
        return "PUBLISHED".equals(target.lastStatus()) && target.lastVersion() != null
                && target.lastVersion() >= latestVersion;
    }

    private void push(String organization, String dataset, String kind) {
        try {
            remote.underTargetLock(organization, dataset, kind, () -> {
                // Read once the lock is held: a new version's publication may have pushed meanwhile.
                Optional<RemoteTarget> target = worker.await(() -> targets.of(organization, dataset)).stream()
                        .filter(t -> t.kind().equals(kind)).findFirst();
                Optional<PublicationRequested> latest = worker.await(() -> publications.latestRequest(organization,
                        dataset));
                Optional<TargetView> view = worker.await(() -> targets.views(organization, dataset)).stream()
                        .filter(v -> v.kind().equals(kind)).findFirst();
                if (target.isEmpty() || latest.isEmpty() || view.isEmpty()) {
                    return;
                }
                if (!RemoteTargets.PENDING.equals(view.get().lastStatus()) && isUpToDate(view.get(), latest.get().version())) {
                    return;
                }
                remote.publishFileOn(target.get(), latest.get(), latest.get().clean());
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Retry of %s/%s on %s failed", organization, dataset, kind);
            failInternally(organization, dataset, kind);
        }
    }

    /** Ends the PENDING with a French reason; if even that fails, the claim expires after STALE_MINUTES. */
    private void failInternally(String organization, String dataset, String kind) {
        try {
            Optional<RemoteTarget> target = worker.await(() -> targets.of(organization, dataset)).stream()
                    .filter(t -> t.kind().equals(kind)).findFirst();
            Optional<PublicationRequested> latest = worker.await(() -> publications.latestRequest(organization,
                    dataset));
            if (target.isPresent() && latest.isPresent()) {
                worker.await(() -> transactions.inTransaction(session -> targets.recordOutcome(target.get(),
                        latest.get().version(), "FAILED", "Erreur interne pendant le nouvel envoi ; l'équipe"
                                + " d'exploitation a été prévenue. Réessayez plus tard.", null)));
            }
        } catch (RuntimeException e) {
            LOG.errorf("Retry of %s/%s on %s left pending: %s", organization, dataset, kind, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        pushes.shutdown();
    }
}
