package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every portal connector does alike: JSON over HTTP, multipart file uploads streamed from
 * disk, and the portal's refusals turned into French reasons, retryable or not.
 */
final class RemoteHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RemoteHttp() {
    }

    /** A multipart body: text fields, then the file under {@code fileField}. */
    record Multipart(String contentType, HttpRequest.BodyPublisher body) {

        static Multipart of(Map<String, String> fields, String fileField, String filename, Path file) throws RemoteFailure {
            String boundary = "passerelle-" + UUID.randomUUID();
            List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
            fields.forEach((name, value) -> parts.add(BodyPublishers.ofString("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n",
                    StandardCharsets.UTF_8)));
            parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + filename + "\"\r\nContent-Type: text/csv\r\n\r\n", StandardCharsets.UTF_8));
            try {
                parts.add(BodyPublishers.ofFile(file));
            } catch (IOException e) {
                throw new RemoteFailure("Le fichier à publier est illisible : " + e.getMessage(), true);
            }
            parts.add(BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary,
                    BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)));
        }
    }

    /**
     * @param remoteMessage reads the portal's own error message from its JSON answer, or null
     */
    static JsonNode send(RemoteTarget target, HttpRequest request, Function<JsonNode, String> remoteMessage)
            throws RemoteFailure {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RemoteFailure("Le portail " + host(target) + " ne répond pas (" + withoutKey(target, e.getMessage())
                    + ").", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailure("Publication interrompue.", true);
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status / 100 == 2) {
            if (body == null) {
                throw new RemoteFailure("Le portail " + host(target) + " a répondu autre chose que du JSON.", true);
            }
            return body;
        }
        // A portal may quote the key it refused: its message is stored and shown to staff.
        String message = body == null ? null : withoutKey(target, remoteMessage.apply(body));
        String detail = message == null ? "" : " Réponse du portail : « " + message + " ».";
        throw switch (status) {
            case 401, 403 -> new RemoteFailure("La clé d'API a été refusée par " + host(target) + " (" + status
                    + ") : vérifiez-la et les droits du compte sur l'organisation." + detail, false, status);
            case 404 -> new RemoteFailure("Le jeu de données ou la ressource n'existe pas (ou plus) sur "
                    + host(target) + " (404)." + detail, false, status);
            case 413 -> new RemoteFailure("Le fichier est trop volumineux pour " + host(target) + " (413)." + detail, false, status);
            case 400, 409, 415, 422 -> new RemoteFailure("Le portail " + host(target) + " a refusé la demande (" + status
                    + ")." + detail, false, status);
            default -> new RemoteFailure("Le portail " + host(target) + " est en difficulté (" + status
                    + ") ; nouvel essai plus tard." + detail, true, status);
        };
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").timeout(Duration.ofMinutes(2));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The text with the target's API key masked wherever it appears. */
    static String withoutKey(RemoteTarget target, String text) {
        String key = target.apiKey();
        if (text == null || key == null || key.isEmpty()) {
            return text;
        }
        return text.replace(key, "[clé masquée]");
    }

    private static String host(RemoteTarget target) {
        return URI.create(target.apiUrl()).getHost();
    }
}
