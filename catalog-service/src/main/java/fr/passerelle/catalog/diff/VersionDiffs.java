package fr.passerelle.catalog.diff;

import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.catalog.version.Versions;
import fr.passerelle.catalog.version.Versions.CleanFile;
import fr.passerelle.platform.consumer.Work;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageException;
import fr.passerelle.platform.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Compares two versions of a dataset from their clean files in S3, once: a version's content never
 * changes, so the result is kept in {@code version_diff} ({@link StoredDiffs}) and read from there afterwards.
 * The reads and the write run on the request's Vert.x context; waiting for the one comparison slot and the
 * comparison itself (S3 streams, hashing) on a worker, explicitly.
 */
@ApplicationScoped
public class VersionDiffs {

    private static final Logger LOG = Logger.getLogger(VersionDiffs.class);

    private final Datasets datasets;
    private final Versions versions;
    private final StoredDiffs stored;
    private final Transactions transactions;
    private final ObjectStore store;
    private final VersionDiffer differ;
    /** One comparison at a time per instance: each holds up to 32 bytes per row of both versions. */
    private final Semaphore computing = new Semaphore(1, true);

    public VersionDiffs(Datasets datasets, Versions versions, StoredDiffs stored, Transactions transactions,
                        ObjectStore store,
                        @ConfigProperty(name = "passerelle.catalog.diff.max-rows", defaultValue = "5000000") long maxRows) {
        this.datasets = datasets;
        this.versions = versions;
        this.stored = stored;
        this.transactions = transactions;
        this.store = store;
        this.differ = new VersionDiffer(maxRows, VersionDiffer.DEFAULT_SAMPLES);
    }

    /**
     * @param with the version to compare with; null for the one before
     * @return fails with an {@link ApiException}: 404 for an unknown dataset or version, 422 above the row cap
     */
    public Uni<VersionDiff> diff(String organization, String dataset, int number, Integer with) {
        return datasets.find(organization, dataset).chain(found -> {
            if (found.isEmpty()) {
                throw Datasets.unknown(organization, dataset);
            }
            return versions.cleanFile(organization, dataset, number);
        }).chain(newerFound -> {
            CleanFile newer = newerFound.orElseThrow(() -> unknownVersion(dataset, number));
            if (with == null && number == 1) {
                throw ApiException.notFound("no-previous-version", "La version 1 de « " + dataset
                        + " » est la première : il n'y a pas de version précédente à comparer.");
            }
            int other = with == null ? number - 1 : with;
            if (other == number) {
                throw ApiException.badRequest("same-version", "Une version ne se compare pas avec elle-même.",
                        "Indiquez une autre version dans « with », par exemple with=" + Math.max(1, number - 1) + ".");
            }
            return versions.cleanFile(organization, dataset, other).chain(olderFound -> {
                CleanFile older = olderFound.orElseThrow(() -> unknownVersion(dataset, other));
                return stored.find(organization, dataset, number, other).chain(cached -> cached.isPresent()
                        ? Uni.createFrom().item(cached.get())
                        : computeOnce(organization, dataset, older, newer));
            });
        });
    }

    /** Waits for the comparison slot (on a worker), then computes unless another request did meanwhile. */
    private Uni<VersionDiff> computeOnce(String organization, String dataset, CleanFile older, CleanFile newer) {
        return Work.blocking(() -> {
            acquire();
            return Boolean.TRUE;
        }).chain(() -> stored.find(organization, dataset, newer.number(), older.number())
                .chain(cached -> cached.isPresent() ? Uni.createFrom().item(cached.get())
                        : Work.blocking(() -> compute(older, newer))
                        .call(diff -> transactions.inTransaction(session ->
                                stored.store(organization, dataset, newer.number(), older.number(), diff))))
                .eventually(() -> computing.release()));
    }

    private VersionDiff compute(CleanFile older, CleanFile newer) {
        long started = System.nanoTime();
        try {
            VersionDiff diff = differ.compare(side(older), side(newer));
            LOG.infof("Compared versions %d and %d (%d + %d rows) in %d ms", older.number(), newer.number(),
                    diff.rowsBefore(), diff.rowsAfter(), (System.nanoTime() - started) / 1_000_000);
            return diff;
        } catch (TooManyRowsException e) {
            throw new ApiException(422, "diff-too-large", "La version " + e.version() + " compte plus de "
                    + String.format(java.util.Locale.FRANCE, "%,d", e.rowCap()) + " lignes : trop pour la comparer ici.",
                    "Téléchargez les deux versions pour les comparer avec un outil dédié, ou demandez à l'exploitant"
                            + " de relever passerelle.catalog.diff.max-rows (chaque ligne occupe 32 octets de mémoire"
                            + " pendant la comparaison).");
        } catch (UnreadableVersionException e) {
            LOG.errorf(e, "Cannot read the clean file of version %d", e.version());
            throw new ApiException(502, "version-file-unreadable", "Le fichier de la version " + e.version()
                    + " n'a pas pu être lu dans le stockage : la comparaison est impossible pour le moment.",
                    "Réessayez dans quelques minutes ; si cela persiste, signalez-le à l'exploitant.");
        }
    }

    private void acquire() {
        try {
            if (!computing.tryAcquire(2, TimeUnit.MINUTES)) {
                throw new ApiException(503, "diff-busy", "Une autre comparaison de versions est en cours.",
                        "Réessayez dans quelques minutes.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "diff-busy", "La comparaison a été interrompue.", "Réessayez.");
        }
    }

    private static ApiException unknownVersion(String dataset, int number) {
        return ApiException.notFound("unknown-version", "Le jeu de données « " + dataset
                + " » n'a pas de version " + number + ".");
    }

    private VersionDiffer.Side side(CleanFile file) {
        return new VersionDiffer.Side(file.number(), file.rowCount(), () -> {
            try {
                return store.open(file.bucket(), file.key());
            } catch (StorageException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }
}
