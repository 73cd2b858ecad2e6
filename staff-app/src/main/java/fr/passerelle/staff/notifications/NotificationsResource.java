package fr.passerelle.staff.notifications;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.services.NotificationApi;
import fr.passerelle.staff.services.ServiceCalls;
import fr.passerelle.staff.web.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Collection;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * « Mes notifications »: for each kind of message notification-service offers the person (by their roles), when
 * to receive it: at once, in the daily digest, or never; and the address the messages go to.
 */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationsResource {

    static final String WHAT = "vos préférences de notification";

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance notifications(String email, PreferencesForm form, boolean saved, String refusal);
    }

    @Inject
    Person person;

    @Inject
    @RestClient
    NotificationApi notifications;

    @GET
    public TemplateInstance page(@QueryParam("enregistre") String saved) {
        String bearer = person.bearer();
        Api.NotificationChoices choices = ServiceCalls.call("notification", WHAT, () -> notifications.preferences(bearer));
        return Templates.notifications(choices.email(), PreferencesForm.of(choices), saved != null, null);
    }

    /** Multipart, so that the page reads every radio group whatever the kinds offered (one field per kind). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response save(MultipartFormDataInput input) {
        String bearer = person.bearer();
        Api.NotificationChoices offered = ServiceCalls.call("notification", WHAT, () -> notifications.preferences(bearer));
        PreferencesForm form = PreferencesForm.read(offered, field -> first(input, field));
        if (!form.valid()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.notifications(offered.email(), form, false, null)).build();
        }
        var answer = ServiceCalls.submit("notification", WHAT, () -> notifications.choose(bearer, form.request()));
        if (answer.refused()) {
            String said = answer.refusal().message() + (answer.refusal().hint() == null ? "" : " " + answer.refusal().hint());
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.notifications(offered.email(), form, false, said)).build();
        }
        return Response.seeOther(URI.create("/notifications?enregistre=1")).build();
    }

    private static String first(MultipartFormDataInput input, String field) {
        Collection<FormValue> values = input.getValues().get(field);
        return values == null || values.isEmpty() ? null : values.iterator().next().getValue();
    }
}
