package fr.passerelle.notification.mail;

import fr.passerelle.notification.outcome.MessageKind;
import fr.passerelle.notification.people.Delivery;
import fr.passerelle.notification.people.Preferences;
import fr.passerelle.platform.reactive.Transactions;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The link at the foot of every message: a page that asks once (a mail scanner following links must not unsubscribe
 * anybody), and the one-click POST of RFC 8058 that mail clients send by themselves. No login: the signed link says
 * who and what.
 */
@Path("/desabonnement")
@PermitAll
public class UnsubscribeResource {

    private final Template desabonnement;
    private final UnsubscribeLinks links;
    private final Preferences preferences;
    private final Transactions transactions;
    private final String staffUrl;

    public UnsubscribeResource(Template desabonnement, UnsubscribeLinks links, Preferences preferences,
                               Transactions transactions,
                               @ConfigProperty(name = "passerelle.notifications.staff-url") String staffUrl) {
        this.desabonnement = desabonnement;
        this.links = links;
        this.preferences = preferences;
        this.transactions = transactions;
        this.staffUrl = staffUrl.replaceAll("/+$", "");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Page de désabonnement d'un lien reçu par courrier (demande une confirmation)")
    public Response ask(@QueryParam("jeton") String token) {
        Optional<UnsubscribeLinks.Subscription> subscription = links.read(token);
        if (subscription.isEmpty()) {
            return invalid();
        }
        return Response.ok(page("Se désabonner", "ask", subscription.get(), token)).build();
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Se désabonner (le bouton de la page, ou le désabonnement en un clic des messageries)")
    public Uni<Response> unsubscribe(@QueryParam("jeton") String token) {
        Optional<UnsubscribeLinks.Subscription> subscription = links.read(token);
        if (subscription.isEmpty()) {
            return Uni.createFrom().item(invalid());
        }
        UnsubscribeLinks.Subscription who = subscription.get();
        return transactions.inTransaction(session -> {
            if (!Digests.KIND.equals(who.kind())) {
                return preferences.choose(who.email(), who.kind(), Delivery.NONE);
            }
            // The digest gathers every kind: its link stops them all.
            Uni<Void> all = Uni.createFrom().voidItem();
            for (MessageKind kind : MessageKind.values()) {
                all = all.chain(() -> preferences.choose(who.email(), kind.code(), Delivery.NONE));
            }
            return all;
        }).map(done -> Response.ok(page("Désabonnement enregistré", "done", who, token)).build());
    }

    private Response invalid() {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(desabonnement.data("title", "Lien non valable").data("state", "invalid")
                        .data("staffUrl", staffUrl).data("email", "").data("what", "").data("token", "")).build();
    }

    private TemplateInstance page(String title, String state, UnsubscribeLinks.Subscription who, String token) {
        return desabonnement.data("title", title).data("state", state).data("staffUrl", staffUrl)
                .data("email", who.email()).data("what", what(who.kind())).data("token", token);
    }

    private static String what(String kind) {
        if (Digests.KIND.equals(kind)) {
            return "aucun message de Passerelle";
        }
        return Arrays.stream(MessageKind.values()).filter(known -> known.code().equals(kind)).findFirst()
                .map(known -> "les messages « " + known.label().toLowerCase(java.util.Locale.FRENCH) + " »")
                .orElse("ces messages");
    }
}
