package fr.passerelle.publish.portal;

import fr.passerelle.csv.SpreadsheetSafeCsv;
import jakarta.annotation.security.PermitAll;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import fr.passerelle.publish.publication.Publications;
import fr.passerelle.publish.publication.Publications.PublishedVersion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The embedded public portal: what anyone can read, without an account. */
@Path("/")
public class PortalResource {

    private final Publications publications;
    private final ObjectStore store;
    private final PortalMap map;

    public PortalResource(Publications publications, ObjectStore store, PortalMap map) {
        this.publications = publications;
        this.store = store;
        this.map = map;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Page d'accueil du portail : les jeux de données publiés, avec recherche")
    public String home(@QueryParam("q") String query) {
        return PortalPages.home(publications.latestOfEachDataset(query), query);
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Page d'un jeu de données : description, aperçu, téléchargements, historique")
    public String datasetPage(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        List<PublishedVersion> history = publications.history(checked(organization, "l'organisation"),
                checked(dataset, "jeu de données"));
        if (history.isEmpty()) {
            throw notPublished(organization, dataset);
        }
        List<List<String>> preview;
        try (InputStream csv = open(history.get(0))) {
            preview = PublishedTable.head(csv, PortalPages.previewRows());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return PortalPages.dataset(history, preview, !preview.isEmpty() && PublishedTable.hasCoordinates(preview.get(0)), map);
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}/latest.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger la dernière version publiée d'un jeu de données (CSV UTF-8)")
    public Response latestCsv(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        PublishedVersion latest = latest(organization, dataset);
        // Rewritten as it streams: cells a spreadsheet would run as formulas are neutralised.
        StreamingOutput body = out -> {
            try (InputStream csv = open(latest)) {
                SpreadsheetSafeCsv.copy(csv, out, SpreadsheetSafeCsv.Dialect.COMMA);
            }
        };
        return download(latest, body, "text/csv; charset=utf-8", ".csv");
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}/latest.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Télécharger la dernière version publiée en JSON (un objet par ligne)")
    public Response latestJson(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        PublishedVersion latest = latest(organization, dataset);
        StreamingOutput body = out -> {
            try (InputStream csv = open(latest)) {
                PublishedTable.writeJson(csv, out);
            }
        };
        return download(latest, body, "application/json", ".json");
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}/latest.geojson")
    @Produces("application/geo+json")
    @Operation(summary = "Télécharger la dernière version publiée en GeoJSON, quand les données ont des coordonnées "
            + "(max : au plus ce nombre de points, pour la carte)")
    public Response latestGeoJson(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                  @QueryParam("max") Long max)
            throws java.io.IOException {
        if (max != null && max < 1) {
            throw new ApiException(400, "invalid-max", "Le paramètre max doit être un nombre entier positif.",
                    "Retirez max pour tout télécharger, ou indiquez par exemple max=1000.");
        }
        PublishedVersion latest = latest(organization, dataset);
        // The header decides whether there is a GeoJSON at all: read it before answering 200.
        List<List<String>> head;
        try (InputStream csv = open(latest)) {
            head = PublishedTable.head(csv, 0);
        }
        if (head.isEmpty() || !PublishedTable.hasCoordinates(head.get(0))) {
            throw new ApiException(404, "no-coordinates", "Le jeu de données « " + dataset
                    + " » n'a pas de colonne de coordonnées : il n'existe pas en GeoJSON.",
                    "Téléchargez-le en CSV ou en JSON.");
        }
        StreamingOutput body = out -> {
            try (InputStream csv = open(latest)) {
                PublishedTable.writeGeoJson(csv, out, max == null ? Long.MAX_VALUE : max);
            }
        };
        return download(latest, body, "application/geo+json", ".geojson");
    }

    private PublishedVersion latest(String organization, String dataset) {
        return publications.latest(checked(organization, "l'organisation"), checked(dataset, "jeu de données"))
                .orElseThrow(() -> notPublished(organization, dataset));
    }

    private InputStream open(PublishedVersion version) {
        return store.open(version.file().bucket(), version.file().key());
    }

    private static Response download(PublishedVersion latest, Object body, String mediaType, String extension) {
        return Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + latest.dataset() + extension + "\"")
                .header("X-Passerelle-Version", latest.version())
                .build();
    }

    private static String checked(String slug, String what) {
        return Slugs.require(slug, what);
    }

    private static ApiException notPublished(String organization, String dataset) {
        return new ApiException(404, "not-published",
                "Aucune version du jeu de données « " + dataset + " » de « " + organization + " » n'est publiée.",
                "Un jeu de données est publié après un dépôt valide et l'approbation d'un publieur.");
    }
}
