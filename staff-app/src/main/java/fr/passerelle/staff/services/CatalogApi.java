package fr.passerelle.staff.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service: the organisation's datasets and their versions. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1/datasets")
public interface CatalogApi {

    @GET
    List<Api.Dataset> datasets(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("/{org}/{dataset}")
    Api.Dataset dataset(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                        @PathParam("dataset") String dataset);

    @GET
    @Path("/{org}/{dataset}/versions")
    List<Api.Version> versions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                               @PathParam("dataset") String dataset);
}
