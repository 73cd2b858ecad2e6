package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.outbound.OutboundAddressGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes on a CKAN portal (DataSud…) through its action API with the organisation's API token:
 * {@code package_create} once, private, then {@code package_patch}; {@code resource_create} with the file
 * in the multipart field {@code upload} and the schema's URL in {@code schema} (ckanext-validation) once, then
 * {@code resource_patch} of that same resource; last, {@code package_patch} with the metadata and
 * {@code private: false}, so a failure in between leaves nothing half-public.
 * Answers are {@code {"success": …, "result"|"error": …}}; the token goes in {@code Authorization}.
 * What is sent, and what not: {@link CkanMetadata}.
 */
@ApplicationScoped
public class CkanPublisher implements RemotePortal {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CkanPublisher.class);

    static final String KIND = "ckan";

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
        // Everything CKAN would refuse is found here, before the first request.
        ObjectNode draft = CkanMetadata.dataset(request, true);
        ObjectNode published = CkanMetadata.dataset(request, false);
        String api = target.apiUrl().replaceAll("/+$", "");
        String packageId = target.remoteDatasetId();
        if (packageId == null) {
            // A package name is unique on the portal: the organisation and dataset slugs make one.
            draft.put("name", (request.organization() + "-" + request.dataset()).toLowerCase());
            draft.put("owner_org", target.remoteOrganization());
            packageId = result(send(target, json(api + "/package_create", draft))).path("id").asText(null);
            if (packageId == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant du jeu de données créé.", true);
            }
            ids.remember(packageId, null);
        }
        if (request.catalogueSchema() == null) {
            LOG.infof("%s v%d on %s: no national schema to declare (%s is not in schema.data.gouv.fr's catalogue)",
                    request.key(), request.version(), target.apiUrl(), request.schema());
        }
        String resourceId = target.remoteResourceId();
        Map<String, String> fields = new LinkedHashMap<>(CkanMetadata.resourceFields(request));
        if (resourceId == null) {
            fields.put("package_id", packageId);
            fields.put("name", request.dataset() + ".csv");
            fields.put("format", "CSV");
            RemoteHttp.Multipart upload = RemoteHttp.Multipart.of(fields, "upload", request.dataset() + ".csv", file);
            resourceId = result(send(target, RemoteHttp.request(api + "/resource_create")
                    .header("Content-Type", upload.contentType()).POST(upload.body()))).path("id").asText(null);
            if (resourceId == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant de la ressource créée.", true);
            }
            ids.remember(packageId, resourceId);
        } else {
            fields.put("id", resourceId);
            RemoteHttp.Multipart upload = RemoteHttp.Multipart.of(fields, "upload", request.dataset() + ".csv", file);
            send(target, RemoteHttp.request(api + "/resource_patch")
                    .header("Content-Type", upload.contentType()).POST(upload.body()));
        }
        // Last: the metadata in place and the package public, once the resource and its schema are.
        published.put("id", packageId);
        send(target, json(api + "/package_patch", published));
    }

    private static HttpRequest.Builder json(String url, ObjectNode body) {
        return RemoteHttp.request(url).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString()));
    }

    private JsonNode send(RemoteTarget target, HttpRequest.Builder request) throws RemoteFailure {
        JsonNode answer = RemoteHttp.send(guard, target, request.header("Authorization", target.apiKey()).build(),
                body -> body.path("error").path("message").asText(null), CkanMetadata::refusedWhat);
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
