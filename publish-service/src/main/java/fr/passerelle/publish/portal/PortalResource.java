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

/**
 * The embedded public portal: what anyone can read, without an account. Its pages ({@link PortalTemplates}) answer
 * failures with French pages ({@link PortalErrorPages}); its downloads, read by scripts, with the house's JSON.
 */
@Path("/")
public class PortalResource {

    private final Publications publications;
    private final ObjectStore store;
    private final PortalMap map;
    private final OrganisationNames organisations;
    private final RemoteCopies remoteCopies;

    public PortalResource(Publications publications, ObjectStore store, PortalMap map, OrganisationNames organisations,
                          RemoteCopies remoteCopies) {
        this.publications = publications;
        this.store = store;
        this.map = map;
        this.organisations = organisations;
        this.remoteCopies = remoteCopies;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Page d'accueil du portail : les jeux de données publiés, avec recherche")
    public Response home(@QueryParam("q") String query) {
        // Control characters (a NUL in the address…) match no title and PostgreSQL refuses them in text.
        String words = query == null ? "" : query.replaceAll("\\p{Cntrl}", "").strip();
        return PortalErrorPages.render(() -> PortalTemplates.accueil(publications.latestOfEachDataset(words).stream()
                .map(latest -> HomeRow.of(latest, organisations)).toList(), words));
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Page d'un jeu de données : description, conformité, aperçu, carte, téléchargements, versions")
    public Response datasetPage(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return PortalErrorPages.render(() -> {
            List<PublishedVersion> history = publications.history(checked(organization, "l'organisation"),
                    checked(dataset, "jeu de données"));
            if (history.isEmpty()) {
                throw notPublished(organization, dataset);
            }
            List<List<String>> preview;
            try (InputStream csv = open(history.get(0))) {
                preview = PublishedTable.head(csv, PREVIEW_ROWS);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            boolean hasCoordinates = !preview.isEmpty() && PublishedTable.hasCoordinates(preview.get(0));
            return PortalTemplates.jeuDeDonnees(DatasetPage.of(history, preview, hasCoordinates, map, organisations,
                    remoteCopies.of(organization, dataset)));
        });
    }

    @GET
    @PermitAll
    @Path("/mentions-legales")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Mentions légales du portail")
    public Response legalNotice() {
        return PortalErrorPages.render(PortalTemplates::mentionsLegales);
    }

    @GET
    @PermitAll
    @Path("/accessibilite")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Déclaration d'accessibilité du portail")
    public Response accessibility() {
        return PortalErrorPages.render(PortalTemplates::accessibilite);
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}/versions/{version: [0-9]{1,9}}.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger une version publiée d'un jeu de données, ancienne ou non (CSV UTF-8)")
    public Response versionCsv(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                               @PathParam("version") int version) {
        PublishedVersion published = publications.history(checked(organization, "l'organisation"),
                        checked(dataset, "jeu de données")).stream()
                .filter(candidate -> candidate.version() == version).findFirst()
                .orElseThrow(() -> new ApiException(404, "version-not-published", "La version " + version
                        + " du jeu de données « " + dataset + " » de « " + organization + " » n'est pas publiée.",
                        "La page du jeu de données liste ses versions publiées."));
        return csv(published, "-v" + version);
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}/latest.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger la dernière version publiée d'un jeu de données (CSV UTF-8)")
    public Response latestCsv(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return csv(latest(organization, dataset), "");
    }

    private Response csv(PublishedVersion version, String suffix) {
        // Rewritten as it streams: cells a spreadsheet would run as formulas are neutralised.
        StreamingOutput body = out -> {
            try (InputStream csv = open(version)) {
                SpreadsheetSafeCsv.copy(csv, out, SpreadsheetSafeCsv.Dialect.COMMA);
            }
        };
        return download(version, body, "text/csv; charset=utf-8", suffix + ".csv");
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

    private static final int PREVIEW_ROWS = 20;

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
