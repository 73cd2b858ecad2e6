package fr.passerelle.publish.portal;

import fr.passerelle.publish.remote.RemoteTargets;
import fr.passerelle.publish.remote.TargetView;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where else a dataset is published: a link to its page on each remote portal that took its last push. The page's
 * address is derived from the API address the publisher configured, as each portal lays them out.
 */
@ApplicationScoped
public class RemoteCopies {

    private final RemoteTargets targets;

    public RemoteCopies(RemoteTargets targets) {
        this.targets = targets;
    }

    /** A remote portal's page of the dataset. */
    public record RemoteCopy(String portal, String url) {
    }

    Uni<List<RemoteCopy>> of(String organization, String dataset) {
        return targets.views(organization, dataset).map(views -> {
            List<RemoteCopy> copies = new ArrayList<>();
            for (TargetView target : views) {
                if ("PUBLISHED".equals(target.lastStatus())) {
                    link(target, organization, dataset).ifPresent(copies::add);
                }
            }
            return copies;
        });
    }

    static Optional<RemoteCopy> link(TargetView target, String organization, String dataset) {
        String api = target.apiUrl() == null ? "" : target.apiUrl().strip().replaceAll("/+$", "");
        if (!api.startsWith("https://") && !api.startsWith("http://")) {
            return Optional.empty();
        }
        String host = URI.create(api).getHost();
        return switch (target.kind()) {
            // udata (data.gouv.fr): https://www.data.gouv.fr/api/1 → https://www.data.gouv.fr/datasets/{id}/
            case "udata" -> target.remoteDatasetId() == null || !api.endsWith("/api/1") ? Optional.empty()
                    : Optional.of(new RemoteCopy(host, api.substring(0, api.length() - "/api/1".length())
                    + "/datasets/" + target.remoteDatasetId() + "/"));
            // CKAN: https://ckan.example/api/3/action → https://ckan.example/dataset/{name}
            case "ckan" -> target.remoteDatasetId() == null || !api.endsWith("/api/3/action") ? Optional.empty()
                    : Optional.of(new RemoteCopy(host, api.substring(0, api.length() - "/api/3/action".length())
                    + "/dataset/" + target.remoteDatasetId()));
            // OpenDataSoft: the dataset_id is org-dataset on the workspace's domain (OdsPublisher).
            case "ods" -> Optional.of(new RemoteCopy(host, "https://" + host + "/explore/dataset/"
                    + (organization + "-" + dataset).toLowerCase(Locale.ROOT) + "/"));
            default -> Optional.empty();
        };
    }
}
