package fr.passerelle.publish.remote;

import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.HttpUrls;
import fr.passerelle.platform.web.Slugs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The remote portals each dataset is published on. */
@Path("/api/v1/targets/{org}/{dataset}")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    private final RemoteTargets targets;

    public TargetResource(RemoteTargets targets) {
        this.targets = targets;
    }

    @GET
    @Operation(summary = "Portails distants d'un jeu de données et état de leur dernière publication")
    public List<TargetView> list(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        return targets.views(organization, dataset);
    }

    @PUT
    @Path("/udata")
    @Operation(summary = "Publier aussi ce jeu de données sur data.gouv.fr (ou un autre portail udata)",
            description = "La clé d'API n'est jamais renvoyée. Les versions suivantes remplacent la même ressource.")
    public List<TargetView> configureUdata(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                           TargetRequest request) {
        return configure(organization, dataset, UdataPublisher.KIND, request);
    }

    @PUT
    @Path("/ckan")
    @Operation(summary = "Publier aussi ce jeu de données sur un portail CKAN (DataSud…)",
            description = "apiUrl : l'adresse de l'API d'action (…/api/3/action) ; organizationId : l'organisation"
                    + " propriétaire ; apiKey : le jeton d'API, jamais renvoyé.")
    public List<TargetView> configureCkan(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                          TargetRequest request) {
        return configure(organization, dataset, CkanPublisher.KIND, request);
    }

    private List<TargetView> configure(String organization, String dataset, String kind, TargetRequest request) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        if (request == null || !HttpUrls.isHttp(request.apiUrl()) || blank(request.organizationId()) || blank(request.apiKey())) {
            throw ApiException.badRequest("invalid-target",
                    "Indiquez l'adresse de l'API du portail, l'identifiant de l'organisation et sa clé d'API.",
                    "Par exemple {\"apiUrl\": \"https://www.data.gouv.fr/api/1\", \"organizationId\": \"5bbb6d6cff66bd4dc17bfd5a\","
                            + " \"apiKey\": \"…\"} ; la clé se trouve dans le profil du compte sur data.gouv.fr.");
        }
        targets.save(organization, dataset, kind, request);
        return targets.views(organization, dataset);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
