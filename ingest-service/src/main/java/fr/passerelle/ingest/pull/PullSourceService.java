package fr.passerelle.ingest.pull;

import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.audit.AuditTrail;
import fr.passerelle.platform.consumer.Work;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A dataset's export URL: configured and removed with their audit entries, each in one reactive transaction; pulled
 * now on a worker ({@link Work#blocking}: the download and the intake block), whatever the schedule.
 */
@ApplicationScoped
public class PullSourceService {

    private final PullSources sources;
    private final ExportPuller puller;
    private final ReactiveAuditTrail audit;
    private final Transactions transactions;

    public PullSourceService(PullSources sources, ExportPuller puller, ReactiveAuditTrail audit,
                             Transactions transactions) {
        this.sources = sources;
        this.puller = puller;
        this.audit = audit;
        this.transactions = transactions;
    }

    public Uni<Optional<PullSource>> find(String organization, String dataset) {
        return sources.find(organization, dataset);
    }

    public Uni<PullSource> configure(Actor actor, String organization, String dataset, String url, int interval) {
        return transactions.inTransaction(session -> sources.save(organization, dataset, url, interval)
                        .chain(() -> audit.record(actor, "source.configured", organization, dataset, "Adresse d'export "
                                + AuditTrail.safeUrl(url) + ", relevée toutes les " + interval + " minutes.")))
                .chain(() -> sources.find(organization, dataset))
                .map(Optional::orElseThrow);
    }

    public Uni<Void> remove(Actor actor, String organization, String dataset) {
        return transactions.inTransaction(session -> sources.remove(organization, dataset)
                .chain(removed -> !removed ? Uni.createFrom().voidItem()
                        : audit.record(actor, "source.removed", organization, dataset,
                        "Adresse d'export retirée : plus de relève automatique.").replaceWithVoid()));
    }

    public Uni<PullSource> pullNow(PullSource source, Actor actor) {
        return Work.blocking(() -> puller.pull(source, actor));
    }
}
