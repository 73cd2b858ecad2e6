package fr.passerelle.platform.web;

/** The French words for the HTTP layer's refusals, by status, wherever they are raised (JAX-RS or Vert.x). */
final class HttpRefusals {

    private HttpRefusals() {
    }

    /** @param method the request's method, for a 405; may be null */
    static ApiError of(int status, String method) {
        return switch (status) {
            case 400 -> new ApiError("malformed-request", "La demande est mal formée : elle n'a pas pu être lue.",
                    "Vérifiez le corps et les paramètres de la demande ; les opérations sont décrites dans /q/swagger-ui.");
            case 404 -> new ApiError("not-found", "Il n'y a rien à cette adresse.",
                    "Vérifiez l'adresse ; les opérations de ce service sont décrites dans /q/swagger-ui.");
            case 405 -> new ApiError("method-not-allowed", "Cette adresse n'accepte pas la méthode "
                    + (method == null ? "employée" : method) + ".",
                    "Les méthodes acceptées par chaque adresse sont décrites dans /q/swagger-ui.");
            case 406 -> new ApiError("not-acceptable", "Cette adresse ne sait pas répondre dans le format demandé (en-tête Accept).",
                    "Demandez application/json, ou retirez l'en-tête Accept.");
            case 411 -> new ApiError("length-required", "La longueur de la demande (Content-Length) manque.",
                    "Envoyez la demande avec son en-tête Content-Length.");
            case 413 -> new ApiError("request-too-large", "La demande, ou l'un de ses champs, dépasse la taille acceptée.",
                    "Envoyez un fichier plus petit ; les champs texte d'un formulaire (comme « schema ») sont de courts "
                            + "identifiants.");
            case 414, 431 -> new ApiError("request-too-large", "L'adresse ou les en-têtes de la demande sont trop longs.",
                    "Raccourcissez l'adresse ou les en-têtes de la demande.");
            case 415 -> new ApiError("unsupported-media-type", "Cette adresse n'accepte pas ce type de contenu (en-tête Content-Type).",
                    "Envoyez du JSON (Content-Type: application/json) ou un formulaire multipart/form-data, selon "
                            + "l'opération décrite dans /q/swagger-ui.");
            default -> new ApiError("request-refused", "La demande a été refusée (" + status + ").",
                    "Vérifiez la demande ; les opérations sont décrites dans /q/swagger-ui.");
        };
    }
}
