package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.outbound.OutboundAddressGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.Map;

/**
 * Publishes on a CKAN portal (DataSud…) through its action API with the organisation's API token:
 * {@code package_create} once then {@code package_patch}; {@code resource_create} with the file
 * in the multipart field {@code upload} once, then {@code resource_patch} of that same resource.
 * Answers are {@code {"success": …, "result"|"error": …}}; the token goes in {@code Authorization}.
 */
@ApplicationScoped
public class CkanPublisher implements RemotePortal {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CkanPublisher.class);

    static final String KIND = "ckan";

    /** Our licence ids to CKAN's default licence register (plus Etalab's, which French CKANs add). */
    private static final Map<String, String> LICENCES = Map.of(
            "etalab-2.0", "fr-lo", "odbl", "odc-odbl", "cc-by-4.0", "cc-by", "cc-by-sa-4.0", "cc-by-sa",
            "cc0-1.0", "cc-zero");

    private final OutboundAddressGuard guard;

    public CkanPublisher(OutboundAddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void publish(RemoteTarget target, PublicationRequested request, Path file, IdSink ids) throws RemoteFailure {
        String api = target.apiUrl().replaceAll("/+$", "");
        String packageId = target.remoteDatasetId();
        ObjectNode metadata = metadata(target, request);
        if (packageId == null) {
            // A package name is unique on the portal: the organisation and dataset slugs make one.
            metadata.put("name", (request.organization() + "-" + request.dataset()).toLowerCase());
            metadata.put("owner_org", target.remoteOrganization());
            packageId = result(send(target, json(api + "/package_create", metadata))).path("id").asText(null);
            if (packageId == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant du jeu de données créé.", true);
            }
            ids.remember(packageId, null);
        } else {
            metadata.put("id", packageId);
            send(target, json(api + "/package_patch", metadata));
        }
        String resourceId = target.remoteResourceId();
        if (resourceId == null) {
            RemoteHttp.Multipart upload = RemoteHttp.Multipart.of(
                    Map.of("package_id", packageId, "name", request.dataset() + ".csv", "format", "CSV"),
                    "upload", request.dataset() + ".csv", file);
            resourceId = result(send(target, RemoteHttp.request(api + "/resource_create")
                    .header("Content-Type", upload.contentType()).POST(upload.body()))).path("id").asText(null);
            if (resourceId == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant de la ressource créée.", true);
            }
            ids.remember(packageId, resourceId);
        } else {
            RemoteHttp.Multipart upload = RemoteHttp.Multipart.of(Map.of("id", resourceId), "upload",
                    request.dataset() + ".csv", file);
            send(target, RemoteHttp.request(api + "/resource_patch")
                    .header("Content-Type", upload.contentType()).POST(upload.body()));
        }
    }

    private static ObjectNode metadata(RemoteTarget target, PublicationRequested request) {
        DatasetMetadata metadata = request.metadata();
        ObjectNode body = RemoteHttp.JSON.createObjectNode();
        body.put("title", metadata == null || metadata.title() == null ? request.dataset() : metadata.title());
        body.put("notes", metadata == null || metadata.description() == null
                ? "Jeu de données « " + request.dataset() + " » publié avec Passerelle." : metadata.description());
        if (metadata != null) {
            body.put("license_id", LICENCES.getOrDefault(metadata.licence(), "fr-lo"));
            ArrayNode tags = body.putArray("tags");
            if (metadata.keywords() != null) {
                metadata.keywords().forEach(keyword -> tags.addObject().put("name", keyword));
            }
        }
        return body;
    }

    private static HttpRequest.Builder json(String url, ObjectNode body) {
        return RemoteHttp.request(url).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString()));
    }

    private JsonNode send(RemoteTarget target, HttpRequest.Builder request) throws RemoteFailure {
        JsonNode answer = RemoteHttp.send(guard, target, request.header("Authorization", target.apiKey()).build(),
                body -> body.path("error").path("message").asText(null));
        if (!answer.path("success").asBoolean(false)) {
            // The portal's words go to the log only (RemoteHttp.send says why).
            LOG.infof("CKAN %s answered success=false: %s", target.remoteOrganization(),
                    RemoteHttp.withoutKey(target, answer.path("error").toString()));
            throw new RemoteFailure("Le portail CKAN a répondu sans succès à la demande (« success » faux) ; le détail"
                    + " est dans le journal du service de publication.", false);
        }
        return answer;
    }

    private static JsonNode result(JsonNode answer) {
        return answer.path("result");
    }
}
