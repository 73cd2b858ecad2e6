package fr.passerelle.staff.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** publish-service: where a dataset is published besides the embedded portal. */
@RegisterRestClient(configKey = "publish")
@Path("/api/v1/targets")
public interface PublishApi {

    @GET
    @Path("/{org}/{dataset}")
    List<Api.Target> targets(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                             @PathParam("dataset") String dataset);
}
