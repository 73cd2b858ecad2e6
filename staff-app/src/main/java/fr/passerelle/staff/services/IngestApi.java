package fr.passerelle.staff.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** ingest-service: uploads and their stages. */
@RegisterRestClient(configKey = "ingest")
@Path("/api/v1")
public interface IngestApi {

    @POST
    @Path("/organizations/{org}/datasets/{dataset}/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Api.Upload upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                      @PathParam("dataset") String dataset, ClientMultipartForm form);

    @GET
    @Path("/uploads/{id}")
    Api.Upload upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String uploadId);

    /** Answers the upload's questions: remembered for the dataset; the answer is the new check of the same file. */
    @POST
    @Path("/uploads/{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Upload decide(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String uploadId,
                      Api.Decisions decisions);

    @GET
    @Path("/organizations/{org}/datasets/{dataset}/decisions")
    List<Api.DatasetDecision> decisions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                        @PathParam("org") String organization, @PathParam("dataset") String dataset);

    @DELETE
    @Path("/organizations/{org}/datasets/{dataset}/decisions/{decision}")
    void forgetDecision(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                        @PathParam("dataset") String dataset, @PathParam("decision") String decisionId);
}
