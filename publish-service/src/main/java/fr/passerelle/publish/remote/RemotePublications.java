package fr.passerelle.publish.remote;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.db.AdvisoryLocks;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.reactive.FromWorker;
import io.smallrye.mutiny.Uni;
import fr.passerelle.platform.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes a version on each remote target of its dataset, after the embedded portal. A target
 * that fails is retried with backoff, then left FAILED with its reason: it never blocks the
 * portal or the other targets. One push at a time per target, across instances (an advisory lock): a
 * « Réessayer » and a new version's publication never race to create the remote dataset twice.
 *
 * <p>Where it runs: all of a push on a worker thread (the caller's {@code Work.blocking} or the retries' pool): the
 * download from the object store, the portals' HTTP calls ({@code java.net.http}, synchronous) and the JDBC advisory
 * lock held across them. Its reads and writes of {@code remote_target} are Hibernate Reactive steps the worker awaits
 * ({@link FromWorker}), each write a transaction of its own, so an outcome is stored as soon as it is known.
 */
@ApplicationScoped
public class RemotePublications {

    private static final Logger LOG = Logger.getLogger(RemotePublications.class);
    private static final int ATTEMPTS = 3;

    private final RemoteTargets targets;
    private final Map<String, RemotePortal> portals;
    private final ObjectStore store;
    private final boolean dryRun;
    private final long backoffMillis;
    private final TargetLock lock;
    private final Steps steps;
    private final FailureLog failures;

    /**
     * How the blocking push reaches the reactive table: through a Vert.x context with a transaction per write in
     * the service, directly in the tests' in-memory tables.
     */
    static final class Steps {
        private final FromWorker worker;
        private final Transactions transactions;

        Steps(FromWorker worker, Transactions transactions) {
            this.worker = worker;
            this.transactions = transactions;
        }

        <T> T read(Supplier<Uni<T>> read) {
            return worker == null ? read.get().await().indefinitely() : worker.await(read);
        }

        <T> T write(Supplier<Uni<T>> write) {
            return worker == null ? write.get().await().indefinitely()
                    : worker.await(() -> transactions.inTransaction(session -> write.get()));
        }
    }

    /**
     * The audit entry of a push that failed for good, in the transaction that records the failure: what the
     * organisation's log shows, and what the notification service tells its publishers by (no event of its own: a
     * portal's refusal is no failure of the pipeline's).
     */
    interface FailureLog {
        Uni<Void> failed(RemoteTarget target, int version, String reason);
    }

    /** Runs a push of one target while nobody else pushes it. */
    interface TargetLock {
        void whileHeld(String name, Runnable push);
    }

    @Inject
    public RemotePublications(RemoteTargets targets, Instance<RemotePortal> portals, ObjectStore store, AdvisoryLocks locks,
                              FromWorker worker, Transactions transactions, ReactiveAuditTrail audit,
                              @ConfigProperty(name = "passerelle.targets.dry-run", defaultValue = "false") boolean dryRun,
                              @ConfigProperty(name = "passerelle.targets.backoff-ms", defaultValue = "1000") long backoffMillis) {
        this(targets, portals.stream().toList(), store, dryRun, backoffMillis,
                (name, push) -> locks.underLock(name, () -> {
                    push.run();
                    return null;
                }), new Steps(worker, transactions),
                (target, version, reason) -> audit.record(Actor.REMOTE_PUBLICATION, "target.failed",
                        target.organization(), target.dataset(), "Version " + version + " non envoyée sur "
                                + PortalNames.of(target.kind()) + " : " + reason).replaceWithVoid());
    }

    /** The connectors given as a list: the retry loop can then be exercised without a CDI container or a database. */
    RemotePublications(RemoteTargets targets, List<RemotePortal> portals, ObjectStore store, boolean dryRun,
                       long backoffMillis) {
        this(targets, portals, store, dryRun, backoffMillis, (name, push) -> push.run(), new Steps(null, null),
                (target, version, reason) -> Uni.createFrom().voidItem());
    }

    private RemotePublications(RemoteTargets targets, List<RemotePortal> portals, ObjectStore store, boolean dryRun,
                               long backoffMillis, TargetLock lock, Steps steps, FailureLog failures) {
        this.failures = failures;
        this.lock = lock;
        this.steps = steps;
        this.targets = targets;
        this.portals = portals.stream().collect(Collectors.toMap(RemotePortal::kind, portal -> portal));
        this.store = store;
        this.dryRun = dryRun;
        this.backoffMillis = backoffMillis;
    }

    public void publish(PublicationRequested request, ObjectRef published) {
        var remote = steps.read(() -> targets.of(request.organization(), request.dataset()));
        if (remote.isEmpty()) {
            return;
        }
        Path file = null;
        try {
            file = Files.createTempFile("passerelle-remote-", ".csv");
            store.download(published, file);
            Path downloaded = file;
            for (RemoteTarget target : remote) {
                // Read again under the lock: a retry that held it may have stored the remote ids meanwhile.
                lock.whileHeld(lockName(target.organization(), target.dataset(), target.kind()), () ->
                        steps.read(() -> targets.of(request.organization(), request.dataset())).stream()
                                .filter(current -> current.kind().equals(target.kind())).findFirst()
                                .ifPresent(current -> publishOn(current, request, downloaded)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Remote publication of %s v%d could not start: %s", request.key(), request.version(), e.getMessage());
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** The advisory lock of one target's pushes. */
    static String lockName(String organization, String dataset, String kind) {
        return "remote-target:" + organization + "/" + dataset + "/" + kind;
    }

    /** Runs {@code push} under the target's lock (for a retry, which reads what to push once it holds it). */
    void underTargetLock(String organization, String dataset, String kind, Runnable push) {
        lock.whileHeld(lockName(organization, dataset, kind), push);
    }

    /** Downloads the published file and pushes it to the one target; a file that cannot be read fails the target. */
    void publishFileOn(RemoteTarget target, PublicationRequested request, ObjectRef published) {
        Path file = null;
        try {
            file = Files.createTempFile("passerelle-remote-", ".csv");
            store.download(published, file);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Remote publication of %s v%d on %s could not start: %s", request.key(), request.version(),
                    target.kind(), e.getMessage());
            failed(target, request.version(), "Le fichier publié n'a pas pu être relu"
                    + " (stockage indisponible) : réessayez dans quelques minutes.", null);
            deleteQuietly(file);
            return;
        }
        try {
            publishOn(target, request, file);
        } finally {
            deleteQuietly(file);
        }
    }

    /** The target failed for good: its state, and the organisation's audit entry, in one transaction. */
    private void failed(RemoteTarget target, int version, String reason, Integer httpStatus) {
        steps.write(() -> targets.recordOutcome(target, version, "FAILED", reason, httpStatus)
                .chain(() -> failures.failed(target, version, reason)));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }

    void publishOn(RemoteTarget target, PublicationRequested request, Path file) {
        if (dryRun) {
            LOG.infof("Dry run: would publish %s v%d on %s %s (remote dataset %s, resource %s)", request.key(),
                    request.version(), target.kind(), target.apiUrl(), target.remoteDatasetId(), target.remoteResourceId());
            steps.write(() -> targets.recordOutcome(target, request.version(), "DRY_RUN", null, null));
            return;
        }
        if (target.apiKey() == null) {
            failed(target, request.version(), "La clé d'API enregistrée pour ce portail ne"
                    + " peut pas être déchiffrée (la clé de chiffrement de Passerelle a changé) : enregistrez-la de nouveau.", null);
            LOG.warnf("Publication of %s v%d on %s skipped: its API key cannot be opened", request.key(),
                    request.version(), target.apiUrl());
            return;
        }
        RemoteTarget current = target;
        for (int attempt = 1; ; attempt++) {
            try {
                RemoteTarget attemptTarget = current;
                RemotePortal portal = portals.get(target.kind());
                if (portal == null) {
                    throw new RemoteFailure("Type de portail inconnu : « " + target.kind() + " ».", false);
                }
                portal.publish(attemptTarget, request, file,
                        (datasetId, resourceId) -> steps.write(() -> targets.rememberRemoteIds(attemptTarget, datasetId,
                                resourceId)));
                steps.write(() -> targets.recordOutcome(target, request.version(), "PUBLISHED", null, null));
                LOG.infof("Published %s v%d on %s", request.key(), request.version(), target.apiUrl());
                return;
            } catch (RuntimeException e) {
                // A bug or a key the HTTP client refuses in a header: its message may quote the key.
                String reason = RemoteHttp.withoutKey(target, e.getClass().getSimpleName() + ": " + e.getMessage());
                failed(target, request.version(),
                        "Erreur interne pendant la publication sur ce portail ; l'équipe d'exploitation a été prévenue.", null);
                LOG.errorf("Publication of %s v%d on %s failed: %s", request.key(), request.version(), target.apiUrl(),
                        reason);
                return;
            } catch (RemoteFailure failure) {
                if (!failure.retryable() || attempt == ATTEMPTS) {
                    failed(target, request.version(), failure.getMessage(),
                            failure.httpStatus() == 0 ? null : failure.httpStatus());
                    LOG.warnf("Publication of %s v%d on %s failed: %s", request.key(), request.version(),
                            target.apiUrl(), failure.getMessage());
                    return;
                }
                sleep(backoffMillis << (attempt - 1));
                // The ids a failed attempt created are in the table: the retry must reuse them.
                current = steps.read(() -> targets.of(target.organization(), target.dataset())).stream()
                        .filter(t -> t.kind().equals(target.kind())).findFirst().orElse(target);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
