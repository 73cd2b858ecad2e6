package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.outbound.OutboundAddressGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Publishes on a udata portal (data.gouv.fr) through its API 1, with the organisation's API key:
 * creates the dataset once, then updates its metadata; uploads the file as a new resource once,
 * then replaces that same resource's file — never a duplicate dataset or resource.
 *
 * <p>Endpoints, as udata defines them: {@code POST /datasets/}, {@code PUT /datasets/{id}/},
 * {@code POST /datasets/{id}/upload/} (multipart field {@code file}) and
 * {@code POST /datasets/{id}/resources/{rid}/upload/}; key in the {@code X-API-KEY} header.
 */
@ApplicationScoped
public class UdataPublisher implements RemotePortal {

    static final String KIND = "udata";

    /** Our licence ids to udata's. */
    private static final Map<String, String> LICENCES = Map.of(
            "etalab-2.0", "lov2", "odbl", "odc-odbl", "cc-by-4.0", "cc-by", "cc-by-sa-4.0", "cc-by-sa",
            "cc0-1.0", "cc-zero");

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
        String api = target.apiUrl().replaceAll("/+$", "");
        String datasetId = target.remoteDatasetId();
        String metadata = metadata(target, request).toString();
        if (datasetId == null) {
            datasetId = send(target, RemoteHttp.request(api + "/datasets/").header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(metadata))).path("id").asText(null);
            if (datasetId == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant du jeu de données créé.", true);
            }
            ids.remember(datasetId, null);
        } else {
            send(target, RemoteHttp.request(api + "/datasets/" + datasetId + "/").header("Content-Type", "application/json")
                    .PUT(BodyPublishers.ofString(metadata)));
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
    }

    private static ObjectNode metadata(RemoteTarget target, PublicationRequested request) {
        DatasetMetadata metadata = request.metadata();
        ObjectNode body = RemoteHttp.JSON.createObjectNode();
        body.put("title", metadata == null || metadata.title() == null ? request.dataset() : metadata.title());
        body.put("description", metadata == null || metadata.description() == null
                ? "Jeu de données « " + request.dataset() + " » publié avec Passerelle." : metadata.description());
        body.put("organization", target.remoteOrganization());
        if (metadata != null) {
            body.put("license", LICENCES.getOrDefault(metadata.licence(), "lov2"));
            body.put("frequency", metadata.frequency() == null ? "unknown" : metadata.frequency());
            body.set("tags", RemoteHttp.JSON.valueToTree(metadata.keywords() == null ? List.of() : metadata.keywords()));
        }
        return body;
    }

    private JsonNode send(RemoteTarget target, HttpRequest.Builder request) throws RemoteFailure {
        return RemoteHttp.send(guard, target, request.header("X-API-KEY", target.apiKey()).build(),
                body -> body.path("message").asText(null));
    }
}
