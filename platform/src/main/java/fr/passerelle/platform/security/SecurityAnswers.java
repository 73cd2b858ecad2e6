package fr.passerelle.platform.security;

import fr.passerelle.platform.web.ApiError;
import fr.passerelle.platform.web.ErrorAnswers;
import jakarta.ws.rs.core.Response;

/** The two refusals of security, the same wherever they are raised (JAX-RS or the HTTP layer). */
public final class SecurityAnswers {

    public static final ApiError UNAUTHORIZED = new ApiError("authentification-requise",
            "Un jeton valide est nécessaire : il manque, il a expiré ou il n'a pas été émis par Passerelle.",
            "Envoyez l'en-tête « Authorization: Bearer <jeton> » avec un jeton en cours de validité ; "
                    + "l'administrateur de votre organisation peut vous en délivrer un.");

    public static final ApiError FORBIDDEN = new ApiError("acces-refuse",
            "Votre jeton ne permet pas cette action dans cette organisation.",
            "Demandez à un administrateur de votre organisation un jeton qui porte le rôle nécessaire.");

    private SecurityAnswers() {
    }

    static Response unauthorized(String why) {
        return ErrorAnswers.refusalBuilder(401, UNAUTHORIZED, why).header("WWW-Authenticate", "Bearer").build();
    }

    static Response forbidden(String why) {
        return ErrorAnswers.refusal(403, FORBIDDEN, why);
    }
}
