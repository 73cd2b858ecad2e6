package fr.passerelle.staff.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.staff.web.PageProblem;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Calls a service and turns its refusals into what a person is told: a French sentence, never a status
 * code or JSON. The services' own French message is used when they give one (their ApiError).
 */
public final class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceCalls() {
    }

    /**
     * @param what what was asked, in French, for the messages ("ce dépôt", "le rapport de ce dépôt")
     */
    public static <T> T call(String service, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw problem(service, what, e.getResponse());
        } catch (ProcessingException e) {
            LOG.warnf("%s unreachable: %s", service, e.getMessage());
            throw new PageProblem(503, "Service momentanément indisponible",
                    "Passerelle ne parvient pas à joindre le service qui gère " + what + ".",
                    "Réessayez dans quelques minutes ; si cela dure, prévenez l'équipe d'exploitation.");
        }
    }

    /** Like {@link #call}, but a 404 is an answer (nothing configured), not an error page. */
    public static <T> java.util.Optional<T> optional(String service, String what, Supplier<T> call) {
        try {
            return java.util.Optional.ofNullable(call.get());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return java.util.Optional.empty();
            }
            throw problem(service, what, e.getResponse());
        } catch (ProcessingException e) {
            return call(service, what, () -> {
                throw e;
            });
        }
    }

    /**
     * What a service said of a person's input it refused (400, 409, 413, 415, 422): its stable code and French
     * message and hint, to be shown beside the form's fields.
     */
    public record Refusal(String code, String message, String hint) {
    }

    /** The answer of a call that sends a person's input, or the service's refusal of it. */
    public record Submitted<T>(T value, Refusal refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * Like {@link #call}, but a refusal of the person's input comes back as a {@link Refusal} for the form to
     * show; anything else still becomes an error page.
     */
    public static <T> Submitted<T> submit(String service, String what, Supplier<T> call) {
        try {
            return new Submitted<>(call.get(), null);
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            int status = response.getStatus();
            if (status == 400 || status == 409 || status == 413 || status == 415 || status == 422) {
                LOG.infof("%s refused %s (%d)", service, what, status);
                JsonNode body = body(response);
                String message = text(body, "message");
                return new Submitted<>(null, new Refusal(text(body, "code"),
                        message != null ? message : "Passerelle n'a pas pu traiter " + what + ".",
                        text(body, "hint")));
            }
            throw problem(service, what, response);
        } catch (ProcessingException e) {
            return call(service, what, () -> {
                throw e;
            });
        }
    }

    private static JsonNode body(Response response) {
        try {
            return JSON.readTree(response.readEntity(String.class));
        } catch (RuntimeException | java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The same as {@link #call}'s answer to a refusal, for callers that caught it to look at it first. */
    public static PageProblem problem(String service, String what, WebApplicationException e) {
        return problem(service, what, e.getResponse());
    }

    static PageProblem problem(String service, String what, Response response) {
        int status = response.getStatus();
        LOG.infof("%s answered %d for %s", service, status, what);
        return switch (status) {
            // Another organisation's upload is answered like a missing one, by the services and here.
            case 403, 404 -> new PageProblem(404, "Introuvable",
                    "Nous ne trouvons pas " + what + " dans votre organisation.",
                    "Vérifiez le lien, ou retrouvez-le depuis le tableau de bord.");
            case 401 -> new PageProblem(401, "Session expirée",
                    "Votre session a expiré.", "Reconnectez-vous pour continuer.");
            case 400, 409, 413, 415, 422 -> {
                String[] said = serviceMessage(response);
                yield new PageProblem(400, "Demande refusée",
                        said[0] != null ? said[0] : "Passerelle n'a pas pu traiter " + what + ".",
                        said[1] != null ? said[1] : "Vérifiez ce que vous avez saisi, puis réessayez.");
            }
            default -> new PageProblem(502, "Service momentanément indisponible",
                    "Le service qui gère " + what + " a rencontré un problème.",
                    "Réessayez dans quelques minutes ; si cela dure, prévenez l'équipe d'exploitation.");
        };
    }

    /**
     * A service's refusal of what a person typed, to show beside the field it names: its code
     * ({@code invalid-metadata-title}…), French message and hint. Empty for anything but a 400/422.
     */
    public static java.util.Optional<Api.Problem> refusal(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status != 400 && status != 422) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(e.getResponse().readEntity(String.class));
            String code = text(body, "code");
            return code == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new Api.Problem(code, text(body, "message"), text(body, "hint")));
        } catch (RuntimeException | java.io.IOException unreadable) {
            return java.util.Optional.empty();
        }
    }

    /** The service's French {message, hint}, when its body is an ApiError. */
    private static String[] serviceMessage(Response response) {
        try {
            JsonNode body = JSON.readTree(response.readEntity(String.class));
            return new String[] {text(body, "message"), text(body, "hint")};
        } catch (RuntimeException | java.io.IOException e) {
            return new String[2];
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
