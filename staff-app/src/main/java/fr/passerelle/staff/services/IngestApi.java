package fr.passerelle.staff.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** ingest-service: uploads and their stages, automatic drops and export URLs, tokens and the audit log. */
@RegisterRestClient(configKey = "ingest")
@Path("/api/v1")
public interface IngestApi {

    @POST
    @Path("/organizations/{org}/datasets/{dataset}/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Api.Upload upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                      @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("org") String organization,
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

    @GET
    @Path("/organizations/{org}/uploads/last-of-each-dataset")
    List<Api.LastUpload> lastUploads(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                     @PathParam("org") String organization);

    @GET
    @Path("/organizations/{org}/datasets/{dataset}/drops")
    List<Api.Drop> drops(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                         @PathParam("dataset") String dataset, @QueryParam("limit") int limit);

    /** 404 when the dataset has no export URL. */
    @GET
    @Path("/organizations/{org}/datasets/{dataset}/source")
    Api.PullSource source(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                          @PathParam("dataset") String dataset);

    /** {@code {url, intervalMinutes}} */
    @PUT
    @Path("/organizations/{org}/datasets/{dataset}/source")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.PullSource configureSource(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                   @PathParam("org") String organization, @PathParam("dataset") String dataset,
                                   Map<String, Object> source);

    @DELETE
    @Path("/organizations/{org}/datasets/{dataset}/source")
    void removeSource(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                      @PathParam("dataset") String dataset);

    @POST
    @Path("/organizations/{org}/datasets/{dataset}/source/pull")
    Api.PullSource pull(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                        @PathParam("dataset") String dataset);

    @GET
    @Path("/organizations/{org}/tokens")
    List<Api.IssuedToken> tokens(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization);

    /** {@code {subject, roles, kind, validityDays}} */
    @POST
    @Path("/organizations/{org}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.NewToken issueToken(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                            Map<String, Object> request);

    @DELETE
    @Path("/organizations/{org}/tokens/{id}")
    void revokeToken(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                     @PathParam("id") String tokenId);

    /** Newest first; {@code before}: the occurredAt of the last entry seen. */
    @GET
    @Path("/organizations/{org}/audit")
    List<Api.AuditEntry> audit(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("org") String organization,
                               @QueryParam("limit") int limit, @QueryParam("before") String before);
}
