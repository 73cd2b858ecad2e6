package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.outbound.OutboundAddressGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Publishes on a udata portal (data.gouv.fr) through its API 1, with the organisation's API key:
 * creates the dataset once, private (a draft), then updates it; uploads the file as a new resource once,
 * then replaces that same resource's file — never a duplicate dataset or resource; declares the resource's schema
 * as schema.data.gouv.fr's catalogue names it; and only then makes the dataset public, so a failure in between
 * leaves nothing half-public.
 *
 * <p>Endpoints, as udata defines them: {@code POST /datasets/}, {@code PUT /datasets/{id}/},
 * {@code POST /datasets/{id}/upload/} (multipart field {@code file}, the file only),
 * {@code POST /datasets/{id}/resources/{rid}/upload/} and {@code PUT /datasets/{id}/resources/{rid}/} (the
 * resource's metadata, {@code schema: {name, version}} among them, checked by udata against the catalogue); key in
 * the {@code X-API-KEY} header. What is sent, and what not: {@link UdataMetadata}.
 */
@ApplicationScoped
public class UdataPublisher implements RemotePortal {

    static final String KIND = "udata";
    private static final Logger LOG = Logger.getLogger(UdataPublisher.class);

    private final OutboundAddressGuard guard;

    public UdataPublisher(OutboundAddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void publish(RemoteTarget target, PublicationRequested request, Path file, IdSink ids) throws RemoteFailure {
        // Everything udata would refuse is found here, before the first request.
        String draft = UdataMetadata.dataset(target, request, true).toString();
        String published = UdataMetadata.dataset(target, request, false).toString();
        String api = target.apiUrl().replaceAll("/+$", "");
        String datasetId = target.remoteDatasetId();
        if (datasetId == null) {
            datasetId = send(target, RemoteHttp.request(api + "/datasets/").header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(draft))).path("id").asText(null);
            if (datasetId == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant du jeu de données créé.", true);
            }
            ids.remember(datasetId, null);
        }
        String resourceId = target.remoteResourceId();
        RemoteHttp.Multipart upload = RemoteHttp.Multipart.of(Map.of(), "file", request.dataset() + ".csv", file);
        if (resourceId == null) {
            resourceId = send(target, RemoteHttp.request(api + "/datasets/" + datasetId + "/upload/")
                    .header("Content-Type", upload.contentType()).POST(upload.body())).path("id").asText(null);
            if (resourceId == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant de la ressource créée.", true);
            }
            ids.remember(datasetId, resourceId);
        } else {
            send(target, RemoteHttp.request(api + "/datasets/" + datasetId + "/resources/" + resourceId + "/upload/")
                    .header("Content-Type", upload.contentType()).POST(upload.body()));
        }
        if (request.catalogueSchema() == null) {
            LOG.infof("%s v%d on %s: no national schema to declare (%s is not in schema.data.gouv.fr's catalogue)",
                    request.key(), request.version(), target.apiUrl(), request.schema());
        }
        send(target, RemoteHttp.request(api + "/datasets/" + datasetId + "/resources/" + resourceId + "/")
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(UdataMetadata.resource(request).toString())));
        // Last: the metadata in place and the dataset public, once the resource and its schema are.
        send(target, RemoteHttp.request(api + "/datasets/" + datasetId + "/").header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(published)));
    }

    private JsonNode send(RemoteTarget target, HttpRequest.Builder request) throws RemoteFailure {
        return RemoteHttp.send(guard, target, request.header("X-API-KEY", target.apiKey()).build(),
                body -> body.path("message").asText(null), UdataMetadata::refusedWhat);
    }
}
