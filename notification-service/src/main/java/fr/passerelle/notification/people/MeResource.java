package fr.passerelle.notification.people;

import fr.passerelle.notification.outcome.MessageKind;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.security.Caller;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The person behind the token: the staff app tells this service who logged in (so that publishers and contributors can
 * be told), and the person chooses what they want to receive.
 */
@Path("/api/v1/me")
public class MeResource {

    /** One kind of message and what the person chose for it. */
    public record Choice(String kind, String label, Delivery delivery) {
    }

    /** The person's choices, for the kinds their roles receive. */
    public record Choices(String email, List<Choice> preferences) {
    }

    /** What the person sends: the kinds they change (others stay as they are). */
    public record ChoicesRequest(List<Choice> preferences) {
    }

    private final Caller caller;
    private final JsonWebToken token;
    private final People people;
    private final Preferences preferences;
    private final Transactions transactions;

    public MeResource(Caller caller, JsonWebToken token, People people, Preferences preferences,
                      Transactions transactions) {
        this.caller = caller;
        this.token = token;
        this.people = people;
        this.preferences = preferences;
        this.transactions = transactions;
    }

    @PUT
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN, Roles.OPS})
    @Operation(summary = "Se faire connaître (appelé par l'espace agent à chaque connexion)",
            description = "Enregistre l'adresse électronique, l'organisation et les rôles du jeton : ce sont eux qui"
                    + " reçoivent les messages de l'organisation.")
    public Uni<Response> seen() {
        Person person = person();
        return transactions.inTransaction(session -> people.seen(person))
                .replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/preferences")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN, Roles.OPS})
    @Operation(summary = "Les messages que je reçois, par sorte : tout de suite, dans le résumé du jour, ou jamais")
    public Uni<Choices> preferences() {
        Person person = person();
        return choices(person);
    }

    @PUT
    @Path("/preferences")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN, Roles.OPS})
    @Operation(summary = "Choisir, par sorte de message, de le recevoir tout de suite, dans le résumé du jour, ou jamais")
    public Uni<Choices> choose(ChoicesRequest request) {
        Person person = person();
        if (request == null || request.preferences() == null) {
            throw ApiException.badRequest("preferences-missing", "Aucun choix n'a été envoyé.",
                    "Envoyez {\"preferences\": [{\"kind\": \"upload.rejected\", \"delivery\": \"DIGEST\"}]}.");
        }
        List<Choice> wanted = request.preferences();
        for (Choice choice : wanted) {
            MessageKind kind = MessageKind.ofCode(choice.kind()).orElseThrow(() -> ApiException.badRequest(
                    "unknown-kind", "Sorte de message inconnue : « " + choice.kind() + " ».",
                    "Les sortes connues : " + Arrays.stream(MessageKind.values()).map(MessageKind::code).toList() + "."));
            if (choice.delivery() == null) {
                throw ApiException.badRequest("delivery-missing", "Indiquez comment recevoir « " + kind.label() + " ».",
                        "IMMEDIATE (tout de suite), DIGEST (résumé du jour) ou NONE (jamais).");
            }
        }
        return transactions.inTransaction(session -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Choice choice : wanted) {
                all = all.chain(() -> preferences.choose(person.email(), choice.kind(), choice.delivery()));
            }
            return all;
        }).chain(() -> choices(person));
    }

    private Uni<Choices> choices(Person person) {
        return preferences.of(person.email()).map(chosen -> new Choices(person.email(), offered(person, chosen)));
    }

    private static List<Choice> offered(Person person, Map<String, Delivery> chosen) {
        List<Choice> offered = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            if (person.roles().contains(kind.role())) {
                offered.add(new Choice(kind.code(), kind.label(), chosen.getOrDefault(kind.code(), Delivery.IMMEDIATE)));
            }
        }
        return offered;
    }

    /** The person as the token says: taken while the request is being served. */
    private Person person() {
        String login = caller.subject();
        Object claim = token.getClaim("email");
        String email = claim == null ? null : claim.toString().replaceAll("^\"|\"$", "");
        if (email == null || email.isBlank()) {
            if (!login.matches(".+@.+")) {
                throw new ApiException(422, "no-email", "Votre jeton ne porte pas d'adresse électronique.",
                        "Les messages vont aux personnes connectées avec leur adresse ; un jeton de machine n'en reçoit pas.");
            }
            email = login;
        }
        List<String> roles = token.getGroups() == null ? List.of() : token.getGroups().stream().sorted().toList();
        return new Person(caller.organization().orElse(""), login, email, roles);
    }
}
