package fr.passerelle.ingest.pull;

import fr.passerelle.platform.outbound.OutboundAddressGuard;
import fr.passerelle.ingest.upload.UploadService;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.FromWorker;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.web.ApiException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fetches the datasets' export URLs when due and feeds what changed to the pipeline, the same way
 * as a drop: identical bytes make no new version.
 *
 * <p>Blocking, on a worker thread (the scheduler's, or {@code Work.blocking} for a pull asked for now): the download
 * and the intake run there; the reads and writes of {@code pull_source} are reactive steps the worker awaits
 * ({@link FromWorker}), each write a transaction of its own.
 */
@ApplicationScoped
public class ExportPuller {

    private static final Logger LOG = Logger.getLogger(ExportPuller.class);

    /** Redirects followed, each checked by the guard like the first address. */
    static final int MAX_REDIRECTS = 3;

    private final PullSources sources;
    private final UploadService uploads;
    private final Transactions transactions;
    private final FromWorker worker;
    private final OutboundAddressGuard guard;
    private final long maxBytes;
    // Redirects are followed by hand: the client would follow one to a private address unchecked.
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public ExportPuller(PullSources sources, UploadService uploads, OutboundAddressGuard guard,
                        @ConfigProperty(name = "passerelle.upload.max-size", defaultValue = "512M") MemorySize maxSize,
                        Transactions transactions, FromWorker worker) {
        this.sources = sources;
        this.transactions = transactions;
        this.worker = worker;
        this.uploads = uploads;
        this.guard = guard;
        this.maxBytes = maxSize.asLongValue();
    }

    @Scheduled(every = "${passerelle.pull.interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pullDueSources() {
        try {
            worker.await(sources::due).forEach(source -> pull(source, Actor.SCHEDULED_PULL));
        } catch (RuntimeException e) {
            LOG.warnf("Pull pass failed, will retry: %s", e.getMessage());
        }
    }

    /**
     * Pulls now, whatever the schedule; records and returns the outcome. Blocking: on a worker thread only.
     *
     * @param actor who asked (taken when the request was answered), or the schedule
     */
    public PullSource pull(PullSource source, Actor actor) {
        String outcome;
        String detail;
        Path content = null;
        try {
            content = Files.createTempFile("passerelle-pull-", ".bin");
            download(source.url(), content);
            String filename = filenameOf(source.url());
            UploadService.Intake intake = uploads.receiveIfNew(source.organization(), source.dataset(), filename,
                    content, "pull", actor);
            outcome = intake.duplicate() ? "DUPLICATE" : "INGESTED";
            detail = intake.duplicate() ? "Contenu identique au dernier fichier reçu : aucune nouvelle version."
                    : "Nouveau fichier reçu : dépôt " + intake.upload().uploadId() + ".";
        } catch (PullFailure | ApiException e) {
            outcome = "FAILED";
            detail = e.getMessage();
        } catch (IOException e) {
            outcome = "FAILED";
            detail = "Le fichier n'a pas pu être téléchargé depuis " + source.url() + " (" + e.getMessage() + ").";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "FAILED";
            detail = "Téléchargement interrompu.";
        } finally {
            if (content != null) {
                content.toFile().delete();
            }
        }
        String recordedOutcome = outcome;
        String recordedDetail = detail;
        worker.await(() -> transactions.inTransaction(session -> sources.recordPull(source.organization(),
                source.dataset(), recordedOutcome, recordedDetail)));
        LOG.infof("Pulled %s for %s/%s: %s", source.url(), source.organization(), source.dataset(), outcome);
        return worker.await(() -> sources.find(source.organization(), source.dataset())).orElseThrow();
    }

    private void download(String url, Path target) throws IOException, InterruptedException {
        URI current = URI.create(url);
        for (int redirects = 0; ; redirects++) {
            Optional<String> refusal = guard.refusal(current);
            if (refusal.isPresent()) {
                throw new PullFailure(refusal.get());
            }
            HttpRequest request = HttpRequest.newBuilder(current).timeout(Duration.ofMinutes(5)).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                    if (redirects >= MAX_REDIRECTS) {
                        throw new PullFailure("L'adresse " + url + " redirige plus de " + MAX_REDIRECTS
                                + " fois de suite : donnez l'adresse finale du fichier.");
                    }
                    current = redirectTarget(current, response.headers().firstValue("Location").orElse(null));
                    continue;
                }
                if (status != 200) {
                    throw new PullFailure("L'adresse " + current + " a répondu " + status
                            + " au lieu de fournir le fichier.");
                }
                copyBounded(body, target, current);
                return;
            }
        }
    }

    private static URI redirectTarget(URI from, String location) {
        if (location == null || location.isBlank()) {
            throw new PullFailure("L'adresse " + from + " redirige sans dire vers où.");
        }
        try {
            return from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new PullFailure("L'adresse " + from + " redirige vers une adresse illisible.");
        }
    }

    private void copyBounded(InputStream body, Path target, URI url) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = body.read(buffer)) != -1; ) {
                total += read;
                if (total > maxBytes) {
                    throw new PullFailure("Le fichier servi par " + url + " dépasse la taille maximale de "
                            + maxBytes / (1024 * 1024) + " Mo.");
                }
                out.write(buffer, 0, read);
            }
        }
    }

    private static String filenameOf(String url) {
        String path = URI.create(url).getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "export.csv" : last;
    }

    /** A pull that failed for a reason staff can read. */
    static class PullFailure extends RuntimeException {
        PullFailure(String message) {
            super(message);
        }
    }
}
