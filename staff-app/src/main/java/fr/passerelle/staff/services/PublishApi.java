package fr.passerelle.staff.services;

import jakarta.ws.rs.Consumes;
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

/** publish-service: where a dataset is published besides the embedded portal. */
@RegisterRestClient(configKey = "publish")
@Path("/api/v1/targets")
public interface PublishApi {

    @GET
    @Path("/{org}/{dataset}")
    List<Api.Target> targets(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                             @PathParam("dataset") String dataset);

    /** {@code kind}: udata, ckan or ods; the body is that kind's request (publish-service README). */
    @PUT
    @Path("/{org}/{dataset}/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    List<Api.Target> configure(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                               @PathParam("dataset") String dataset, @PathParam("kind") String kind,
                               Map<String, String> target);

    @POST
    @Path("/{org}/{dataset}/{kind}/retry")
    List<Api.Target> retry(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                           @PathParam("dataset") String dataset, @PathParam("kind") String kind);
}
