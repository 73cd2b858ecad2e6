package fr.passerelle.catalog.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.platform.db.Database;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageException;
import fr.passerelle.platform.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Compares two versions of a dataset from their clean files in S3, once: a version's content never
 * changes, so the result is kept in {@code version_diff} and read from there afterwards.
 */
@ApplicationScoped
public class VersionDiffs {

    private static final Logger LOG = Logger.getLogger(VersionDiffs.class);

    private final Database database;
    private final Datasets datasets;
    private final ObjectStore store;
    private final ObjectMapper json;
    private final VersionDiffer differ;
    /** One comparison at a time per instance: each holds up to 32 bytes per row of both versions. */
    private final Semaphore computing = new Semaphore(1, true);

    public VersionDiffs(Database database, Datasets datasets, ObjectStore store, ObjectMapper json,
                        @ConfigProperty(name = "passerelle.catalog.diff.max-rows", defaultValue = "5000000") long maxRows) {
        this.database = database;
        this.datasets = datasets;
        this.store = store;
        this.json = json;
        this.differ = new VersionDiffer(maxRows, VersionDiffer.DEFAULT_SAMPLES);
    }

    /**
     * @param with the version to compare with; null for the one before
     * @throws ApiException 404 for an unknown dataset or version, 422 above the row cap
     */
    public VersionDiff diff(String organization, String dataset, int number, Integer with) {
        if (datasets.find(organization, dataset).isEmpty()) {
            throw Datasets.unknown(organization, dataset);
        }
        CleanFile newer = cleanFile(organization, dataset, number).orElseThrow(() -> unknownVersion(dataset, number));
        if (with == null && number == 1) {
            throw ApiException.notFound("no-previous-version", "La version 1 de « " + dataset
                    + " » est la première : il n'y a pas de version précédente à comparer.");
        }
        int other = with == null ? number - 1 : with;
        if (other == number) {
            throw ApiException.badRequest("same-version", "Une version ne se compare pas avec elle-même.",
                    "Indiquez une autre version dans « with », par exemple with=" + Math.max(1, number - 1) + ".");
        }
        CleanFile older = cleanFile(organization, dataset, other).orElseThrow(() -> unknownVersion(dataset, other));
        Optional<VersionDiff> cached = cached(organization, dataset, number, other);
        if (cached.isPresent()) {
            return cached.get();
        }
        acquire();
        try {
            // Another request may have computed it while this one waited.
            return cached(organization, dataset, number, other).orElseGet(() -> {
                VersionDiff diff = compute(older, newer);
                database.update("INSERT INTO version_diff (organization, dataset, number, compared_with, result)"
                                + " VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING",
                        organization, dataset, number, other, write(diff));
                return diff;
            });
        } finally {
            computing.release();
        }
    }

    private VersionDiff compute(CleanFile older, CleanFile newer) {
        long started = System.nanoTime();
        try {
            VersionDiff diff = differ.compare(older.side(store), newer.side(store));
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

    private Optional<VersionDiff> cached(String organization, String dataset, int number, int other) {
        return database.queryOne("SELECT result::text FROM version_diff WHERE organization = ? AND dataset = ?"
                        + " AND number = ? AND compared_with = ?", row -> read(row.getString(1)),
                organization, dataset, number, other);
    }

    private Optional<CleanFile> cleanFile(String organization, String dataset, int number) {
        return database.queryOne("SELECT clean_bucket, clean_key, row_count FROM version"
                        + " WHERE organization = ? AND dataset = ? AND number = ?",
                row -> new CleanFile(number, row.getString(1), row.getString(2), row.getLong(3)),
                organization, dataset, number);
    }

    private static ApiException unknownVersion(String dataset, int number) {
        return ApiException.notFound("unknown-version", "Le jeu de données « " + dataset
                + " » n'a pas de version " + number + ".");
    }

    private String write(VersionDiff diff) {
        try {
            return json.writeValueAsString(diff);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a version diff", e);
        }
    }

    private VersionDiff read(String stored) {
        try {
            return json.readValue(stored, VersionDiff.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored version diff", e);
        }
    }

    /** Where a version's clean CSV is, and how many rows the quality check counted in it. */
    private record CleanFile(int number, String bucket, String key, long rowCount) {

        VersionDiffer.Side side(ObjectStore store) {
            return new VersionDiffer.Side(number, rowCount, () -> {
                try {
                    return store.open(bucket, key);
                } catch (StorageException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        }
    }
}
