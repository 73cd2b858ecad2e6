package fr.passerelle.staff.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** quality-service: reports and schemas. */
@RegisterRestClient(configKey = "quality")
@Path("/api/v1")
public interface QualityApi {

    @GET
    @Path("/reports/{id}")
    Api.Report report(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String uploadId);

    /**
     * A file made from the upload's report ({@code annotated.xlsx}, {@code errors.csv}): its bytes, type and
     * Content-Disposition as quality sends them.
     */
    @GET
    @Path("/reports/{id}/{file}")
    @Produces(MediaType.WILDCARD)
    jakarta.ws.rs.core.Response reportFile(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                           @PathParam("id") String uploadId, @PathParam("file") String file);

    @GET
    @Path("/schemas")
    List<Api.Schema> nationalSchemas(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("/organizations/{org}/schemas")
    List<Api.Schema> ownSchemas(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization);

    @GET
    @Path("/organizations/{org}/schemas")
    List<Api.OwnSchema> ownSchemaDetails(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                         @PathParam("org") String organization);

    /** The Table Schema as the person's file holds it (JSON). */
    @POST
    @Path("/organizations/{org}/schemas")
    @Consumes(MediaType.APPLICATION_JSON)
    void createSchema(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                      String schema);

    @DELETE
    @Path("/organizations/{org}/schemas/{name}")
    void deleteSchema(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                      @PathParam("name") String name);
}
