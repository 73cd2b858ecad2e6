package fr.passerelle.staff.notifications;

import fr.passerelle.staff.services.Api;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Test only: « Mes notifications » rendered with set data, in a real request (CSRF, layout), without logging in. */
@Path("/essai/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationsPagePreview {

    static final Api.NotificationChoices CHOICES = new Api.NotificationChoices("alix@ville.fr", List.of(
            new Api.NotificationChoice("upload.rejected", "Un fichier est refusé au contrôle", "DIGEST"),
            new Api.NotificationChoice("approval.awaiting", "Une version attend votre approbation", "IMMEDIATE")));

    @GET
    @Path("enregistre")
    public TemplateInstance saved() {
        return NotificationsResource.Templates.notifications("alix@ville.fr", PreferencesForm.of(CHOICES), true, null);
    }

    @GET
    @Path("incomplet")
    public TemplateInstance incomplete() {
        PreferencesForm form = PreferencesForm.read(CHOICES, Map.of("livraison-approval.awaiting", "NONE")::get);
        return NotificationsResource.Templates.notifications("alix@ville.fr", form, false, null);
    }
}
