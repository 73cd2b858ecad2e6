package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.platform.outbound.OutboundAddressGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.Map;

/**
 * Publishes on an OpenDataSoft portal through its Automation API v1.0
 * ({@code https://{domain}/api/automation/v1.0}) with an API key of an account that may edit
 * datasets on that domain (the domain is the workspace: there is no organisation to name).
 *
 * <p>Each version: the dataset is created once ({@code POST /datasets/}) then its metadata updated
 * ({@code PUT /datasets/{uid}/}); the file is uploaded ({@code POST /datasets/{uid}/resources/files/},
 * multipart field {@code file}); the resource pointing at the uploaded file is created once
 * ({@code POST /datasets/{uid}/resources/}) then repointed at the new file
 * ({@code PUT /datasets/{uid}/resources/{rid}/}) — never a duplicate dataset or resource; then the
 * dataset is published ({@code POST /datasets/{uid}/publish/}) and its status read once
 * ({@code GET /datasets/{uid}/status/}). The key goes in {@code Authorization: Apikey <key>}. A dataset is created
 * unpublished and only published once its file, resource and metadata are in place. What is sent, and what not:
 * {@link OdsMetadata}.
 *
 * <p>Sources: the Automation API reference, https://help.opendatasoft.com/apis/ods-automation-v1/
 * (datasets, dataset resources, authentication), and the models of Opendatasoft's SDK generated from
 * it, https://github.com/opendatasoft/opendatasoft-automation-sdk (python/docs/DatasetsApi.md,
 * DatasetResourcesApi.md, Dataset.md, DatasetMetadataDefault.md, Resource.md,
 * UploadedFileDatasource.md, DatasetFile.md, GetDatasetStatus200Response.md,
 * CreateDataset400Response.md); the header format from https://help.opendatasoft.com/management-api/.
 */
@ApplicationScoped
public class OdsPublisher implements RemotePortal {

    static final String KIND = "ods";

    /**
     * The one dataset status the reference names as a failure ("if status is {@code limit reached},
     * params contains an error object"). Other statuses (queued, processing…) only say the
     * publication is under way: OpenDataSoft processes the file after answering.
     */
    static final String LIMIT_REACHED = "limit reached";

    private final OutboundAddressGuard guard;

    public OdsPublisher(OutboundAddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void publish(RemoteTarget target, PublicationRequested request, Path file, IdSink ids) throws RemoteFailure {
        // Everything OpenDataSoft would refuse is found here, before the first request.
        String dataset = dataset(request).toString();
        String api = target.apiUrl().replaceAll("/+$", "");
        String datasetUid = target.remoteDatasetId();
        if (datasetUid == null) {
            datasetUid = send(target, json(api + "/datasets/").POST(BodyPublishers.ofString(dataset)))
                    .path("uid").asText(null);
            if (datasetUid == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant du jeu de données créé.", true);
            }
            ids.remember(datasetUid, null);
        } else {
            send(target, json(api + "/datasets/" + datasetUid + "/").PUT(BodyPublishers.ofString(dataset)));
        }
        String datasetApi = api + "/datasets/" + datasetUid;

        RemoteHttp.Multipart upload = RemoteHttp.Multipart.of(Map.of(), "file", filename(request), file);
        String fileUid = send(target, RemoteHttp.request(datasetApi + "/resources/files/")
                .header("Content-Type", upload.contentType()).POST(upload.body())).path("uid").asText(null);
        if (fileUid == null) {
            throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant du fichier envoyé.", true);
        }

        String resource = resource(request, fileUid).toString();
        String resourceUid = target.remoteResourceId();
        if (resourceUid == null) {
            resourceUid = send(target, json(datasetApi + "/resources/").POST(BodyPublishers.ofString(resource)))
                    .path("uid").asText(null);
            if (resourceUid == null) {
                throw new RemoteFailure("Le portail n'a pas renvoyé l'identifiant de la ressource créée.", true);
            }
            ids.remember(datasetUid, resourceUid);
        } else {
            send(target, json(datasetApi + "/resources/" + resourceUid + "/")
                    .PUT(BodyPublishers.ofString(resource)));
        }

        try {
            send(target, RemoteHttp.request(datasetApi + "/publish/").POST(BodyPublishers.noBody()));
        } catch (RemoteFailure failure) {
            // The reference's only 400 here is "Invalid dataset status": the portal is still processing
            // (the previous version, say). That passes: worth the retries with backoff, not a person.
            if (failure.httpStatus() != 400) {
                throw failure;
            }
            throw new RemoteFailure("Le portail " + target.remoteOrganization() + " traite encore le jeu de données"
                    + " et refuse de le publier pour l'instant ; nouvel essai plus tard. " + failure.getMessage(), true, 400);
        }
        JsonNode status = send(target, RemoteHttp.request(datasetApi + "/status/").GET());
        if (LIMIT_REACHED.equals(status.path("status").asText())) {
            throw new RemoteFailure("Le portail " + target.remoteOrganization() + " a atteint une limite de son"
                    + " abonnement (« limit reached ») : le jeu de données n'a pas pu être publié. Voyez avec"
                    + " l'administrateur du portail.", false);
        }
    }

    /** The dataset and its metadata templates: {@link OdsMetadata}. */
    static ObjectNode dataset(PublicationRequested request) throws RemoteFailure {
        return OdsMetadata.dataset(request);
    }

    /**
     * A {@code csvfile} resource on the uploaded file ({@code datasource.type = uploaded_file},
     * {@code file.uid}); the extractor parameters are those of the reference's own csvfile example,
     * with the comma and UTF-8 of the clean files the pipeline writes.
     */
    static ObjectNode resource(PublicationRequested request, String fileUid) {
        ObjectNode body = RemoteHttp.JSON.createObjectNode();
        body.put("type", "csvfile");
        body.put("title", filename(request));
        ObjectNode params = body.putObject("params");
        params.put("headers_first_row", true);
        params.put("separator", ",");
        params.put("encoding", "utf-8");
        params.put("doublequote", true);
        params.put("first_row_no", 1);
        ObjectNode datasource = body.putObject("datasource");
        datasource.put("type", "uploaded_file");
        datasource.putObject("file").put("uid", fileUid);
        return body;
    }

    private static String filename(PublicationRequested request) {
        return request.dataset() + ".csv";
    }

    private static HttpRequest.Builder json(String url) {
        return RemoteHttp.request(url).header("Content-Type", "application/json");
    }

    private JsonNode send(RemoteTarget target, HttpRequest.Builder request) throws RemoteFailure {
        // Errors come as {"error_code": …, "message": …} (CreateDataset400Response, UpdateDataset404Response).
        return RemoteHttp.send(guard, target, request.header("Authorization", "Apikey " + target.apiKey()).build(),
                body -> body.path("message").asText(null), OdsMetadata::refusedWhat);
    }
}
