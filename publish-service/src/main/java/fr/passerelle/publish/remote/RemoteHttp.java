package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.platform.outbound.OutboundAddressGuard;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What every portal connector does alike: JSON over HTTP, multipart file uploads streamed from
 * disk, and the portal's refusals turned into French reasons, retryable or not.
 */
final class RemoteHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(RemoteHttp.class);
    // Never follows a redirect (also java.net.http's default, said here on purpose): see send.
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

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
     * Sends {@code request} once its address has passed {@code guard} (resolved now, not when the target was
     * saved); a redirect is never followed, since an API that moved is an address to correct, and following
     * one would reach an address nobody checked.
     *
     * <p>What staff read of a refusal is a French summary and the status: the portal's body is logged for the
     * operators (key masked), never stored, since it is whatever the remote host chose to say, and would let a
     * target read back the answers of hosts Passerelle reaches.
     *
     * @param remoteMessage reads the portal's own error message from its JSON answer, for the log only; or null
     */
    /** Why a portal could not be reached, in words a person reads (the exception's class goes to the log). */
    static String unreachable(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "délai d'attente dépassé";
        }
        if (e instanceof java.net.ConnectException) {
            return "connexion refusée";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "adresse introuvable";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "connexion sécurisée impossible";
        }
        return "connexion interrompue";
    }

    static JsonNode send(OutboundAddressGuard guard, RemoteTarget target, HttpRequest request,
                         Function<JsonNode, String> remoteMessage) throws RemoteFailure {
        return send(guard, target, request, remoteMessage, null);
    }

    /**
     * As {@link #send(OutboundAddressGuard, RemoteTarget, HttpRequest, Function)}, and a refusal (400, 409, 422) says
     * what the portal refused, in French, as {@code refusedWhat} reads it from the field names of its answer (the
     * portal's identifiers, never its words): « la couverture spatiale », « le schéma déclaré »…
     */
    static JsonNode send(OutboundAddressGuard guard, RemoteTarget target, HttpRequest request,
                         Function<JsonNode, String> remoteMessage, Function<JsonNode, String> refusedWhat)
            throws RemoteFailure {
        Optional<String> refusal = guard.refusal(request.uri());
        if (refusal.isPresent()) {
            LOG.warnf("Request to %s for target %s refused by the outbound guard", request.uri().getHost(), target);
            throw new RemoteFailure(refusal.get() + " Corrigez l'adresse de l'API du portail.", false);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.infof("Portal %s unreachable for %s: %s", host(target), target, e.toString());
            throw new RemoteFailure("Le portail " + host(target) + " ne répond pas (" + unreachable(e) + ").", true);
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
        String message = body == null || remoteMessage == null ? null : remoteMessage.apply(body);
        LOG.infof("Portal %s answered %d to %s %s: %s", host(target), status, request.method(), request.uri().getPath(),
                abbreviated(withoutKey(target, message != null ? message : response.body())));
        if (status / 100 == 3) {
            throw new RemoteFailure("Le portail " + host(target) + " a répondu par une redirection (" + status
                    + ") : Passerelle ne suit pas les redirections des API de portail. Indiquez l'adresse exacte de"
                    + " l'API.", false, status);
        }
        throw switch (status) {
            case 401, 403 -> new RemoteFailure("La clé d'API a été refusée par " + host(target) + " (" + status
                    + ") : vérifiez-la et les droits du compte sur l'organisation.", false, status);
            case 404 -> new RemoteFailure("Le jeu de données ou la ressource n'existe pas (ou plus) sur "
                    + host(target) + " (404).", false, status);
            case 413 -> new RemoteFailure("Le fichier est trop volumineux pour " + host(target) + " (413).", false, status);
            case 400, 409, 415, 422 -> new RemoteFailure("Le portail " + host(target) + " a refusé "
                    + refused(body, refusedWhat) + " (" + status
                    + ") ; le détail est dans le journal du service de publication.", false, status);
            default -> new RemoteFailure("Le portail " + host(target) + " est en difficulté (" + status
                    + ") ; nouvel essai plus tard.", true, status);
        };
    }

    private static String refused(JsonNode body, Function<JsonNode, String> refusedWhat) {
        String what = body == null || refusedWhat == null ? null : refusedWhat.apply(body);
        return what == null ? "la demande" : what;
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "(vide)";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
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
