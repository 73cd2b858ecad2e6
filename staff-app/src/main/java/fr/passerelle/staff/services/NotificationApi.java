package fr.passerelle.staff.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service: who logged in, what messages they want, and the organisation's webhooks. */
@RegisterRestClient(configKey = "notification")
@Path("/api/v1")
public interface NotificationApi {

    /** Tells the service the person behind the token logged in (their address, organisation and roles): 204. */
    @PUT
    @Path("/me")
    void introduce(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("/me/preferences")
    Api.NotificationChoices preferences(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @PUT
    @Path("/me/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.NotificationChoices choose(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, Api.ChosenDeliveries choices);

    @GET
    @Path("/organizations/{org}/webhooks")
    List<Api.Webhook> webhooks(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization);

    /** {@code {url}}: 201 with the secret, shown once. */
    @POST
    @Path("/organizations/{org}/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.NewWebhook addWebhook(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                              Map<String, String> webhook);

    @POST
    @Path("/organizations/{org}/webhooks/{id}/secret")
    Api.WebhookSecret newSecret(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                                @PathParam("id") String webhookId);

    @POST
    @Path("/organizations/{org}/webhooks/{id}/enable")
    void enable(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                @PathParam("id") String webhookId);

    @POST
    @Path("/organizations/{org}/webhooks/{id}/test")
    void test(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
              @PathParam("id") String webhookId);

    @DELETE
    @Path("/organizations/{org}/webhooks/{id}")
    void delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                @PathParam("id") String webhookId);

    /** Newest first. */
    @GET
    @Path("/organizations/{org}/webhooks/{id}/deliveries")
    List<Api.WebhookDelivery> deliveries(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                         @PathParam("org") String organization, @PathParam("id") String webhookId);
}
