package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.PublicationRequested;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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
public class UdataPublisher {

    static final String KIND = "udata";

    /** Our licence ids to udata's. */
    private static final Map<String, String> LICENCES = Map.of(
            "etalab-2.0", "lov2", "odbl", "odc-odbl", "cc-by-4.0", "cc-by", "cc-by-sa-4.0", "cc-by-sa",
            "cc0-1.0", "cc-zero");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The remote ids, as soon as each exists (so the caller can store them before anything else fails). */
    public interface IdSink {
        void remember(String datasetId, String resourceId);
    }

    public void publish(RemoteTarget target, PublicationRequested request, Path file, IdSink ids) throws RemoteFailure {
        String api = target.apiUrl().replaceAll("/+$", "");
        String datasetId = target.remoteDatasetId();
        ObjectNode metadata = metadata(target, request);
        if (datasetId == null) {
            datasetId = send(target, HttpRequest.newBuilder(URI.create(api + "/datasets/"))
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(metadata.toString())), 201).path("id").asText(null);
            if (datasetId == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant du jeu de données créé.", true);
            }
            ids.remember(datasetId, null);
        } else {
            send(target, HttpRequest.newBuilder(URI.create(api + "/datasets/" + datasetId + "/"))
                    .header("Content-Type", "application/json")
                    .PUT(BodyPublishers.ofString(metadata.toString())), 200);
        }
        String resourceId = target.remoteResourceId();
        String boundary = "passerelle-" + UUID.randomUUID();
        HttpRequest.BodyPublisher body = multipart(boundary, request.dataset() + ".csv", file);
        if (resourceId == null) {
            resourceId = send(target, HttpRequest.newBuilder(URI.create(api + "/datasets/" + datasetId + "/upload/"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body), 201)
                    .path("id").asText(null);
            if (resourceId == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant de la ressource créée.", true);
            }
            ids.remember(datasetId, resourceId);
        } else {
            send(target, HttpRequest.newBuilder(URI.create(api + "/datasets/" + datasetId + "/resources/" + resourceId
                    + "/upload/")).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body), 200);
        }
    }

    private ObjectNode metadata(RemoteTarget target, PublicationRequested request) {
        DatasetMetadata metadata = request.metadata();
        ObjectNode body = json.createObjectNode();
        body.put("title", metadata == null || metadata.title() == null ? request.dataset() : metadata.title());
        body.put("description", metadata == null || metadata.description() == null
                ? "Jeu de données « " + request.dataset() + " » publié avec Passerelle." : metadata.description());
        body.put("organization", target.remoteOrganization());
        if (metadata != null) {
            body.put("license", LICENCES.getOrDefault(metadata.licence(), "lov2"));
            body.put("frequency", metadata.frequency() == null ? "unknown" : metadata.frequency());
            body.set("tags", json.valueToTree(metadata.keywords() == null ? java.util.List.of() : metadata.keywords()));
        }
        return body;
    }

    private static HttpRequest.BodyPublisher multipart(String boundary, String filename, Path file) throws RemoteFailure {
        try {
            return BodyPublishers.concat(
                    BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + filename + "\"\r\nContent-Type: text/csv\r\n\r\n", StandardCharsets.UTF_8),
                    BodyPublishers.ofFile(file),
                    BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RemoteFailure("Le fichier à publier est illisible : " + e.getMessage(), true);
        }
    }

    private JsonNode send(RemoteTarget target, HttpRequest.Builder builder, int expected) throws RemoteFailure {
        HttpRequest request = builder.header("X-API-KEY", target.apiKey()).header("Accept", "application/json")
                .timeout(Duration.ofMinutes(2)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RemoteFailure("Le portail " + host(target) + " ne répond pas (" + e.getMessage() + ").", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailure("Publication interrompue.", true);
        }
        int status = response.statusCode();
        if (status == expected || (status / 100 == 2 && expected / 100 == 2)) {
            try {
                return response.body() == null || response.body().isBlank() ? json.createObjectNode()
                        : json.readTree(response.body());
            } catch (IOException e) {
                throw new RemoteFailure("Le portail " + host(target) + " a répondu autre chose que du JSON.", true);
            }
        }
        String detail = remoteMessage(response.body());
        throw switch (status) {
            case 401, 403 -> new RemoteFailure("La clé d'API a été refusée par " + host(target) + " (" + status
                    + ") : vérifiez-la et les droits du compte sur l'organisation." + detail, false);
            case 404 -> new RemoteFailure("Le jeu de données ou la ressource n'existe pas (ou plus) sur "
                    + host(target) + " (404)." + detail, false);
            case 413 -> new RemoteFailure("Le fichier est trop volumineux pour " + host(target) + " (413)." + detail,
                    false);
            case 400, 415, 422 -> new RemoteFailure("Le portail " + host(target) + " a refusé la demande (" + status
                    + ")." + detail, false);
            default -> new RemoteFailure("Le portail " + host(target) + " est en difficulté (" + status
                    + ") ; nouvel essai plus tard." + detail, true);
        };
    }

    private String remoteMessage(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            String message = node == null ? null : node.path("message").asText(null);
            return message == null ? "" : " Réponse du portail : « " + message + " ».";
        } catch (IOException e) {
            return "";
        }
    }

    private static String host(RemoteTarget target) {
        return URI.create(target.apiUrl()).getHost();
    }
}
