package fr.passerelle.staff.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service: the organisation's datasets, their metadata, versions and approvals. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1/datasets")
public interface CatalogApi {

    @GET
    List<Api.Dataset> datasets(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("/{org}/{dataset}")
    Api.DatasetDetail dataset(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                              @PathParam("dataset") String dataset);

    /** The metadata as the catalogue's PUT takes them (a null field is left as it is). */
    @PUT
    @Path("/{org}/{dataset}")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.DatasetDetail updateMetadata(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                     @PathParam("org") String organization, @PathParam("dataset") String dataset,
                                     Map<String, Object> metadata);

    @POST
    @Path("/{org}/{dataset}/metadata-score")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.DraftScore scoreDraft(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                              @PathParam("dataset") String dataset, Map<String, Object> draft);

    @GET
    @Path("/{org}/{dataset}/versions")
    List<Api.Version> versions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                               @PathParam("dataset") String dataset);

    @GET
    @Path("/{org}/{dataset}/versions/{number}/diff")
    Api.Diff diff(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                  @PathParam("dataset") String dataset, @PathParam("number") int number, @QueryParam("with") Integer with);

    @POST
    @Path("/{org}/{dataset}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.DatasetDetail approve(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                              @PathParam("dataset") String dataset, Map<String, String> comment);

    @POST
    @Path("/{org}/{dataset}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.DatasetDetail refuse(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                             @PathParam("dataset") String dataset, Map<String, String> comment);

    @GET
    @Path("/{org}/{dataset}/approvals")
    List<Api.ApprovalEntry> approvals(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                      @PathParam("org") String organization, @PathParam("dataset") String dataset);
}
