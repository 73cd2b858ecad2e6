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
import fr.passerelle.platform.consumer.Work;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The embedded public portal: what anyone can read, without an account. Its pages ({@link PortalTemplates}) answer
 * failures with French pages ({@link PortalErrorPages}); its downloads, read by scripts, with the house's JSON.
 *
 * <p>Where each step runs: the reads of the {@code publication} and {@code remote_target} tables on the request's
 * event loop (Hibernate Reactive); the reads of the published file from the object store (the preview, the downloads'
 * conversions into a temporary file) on a worker ({@link Work#blocking}); the temporary file is then sent by Vert.x
 * without blocking, and deleted once the answer ended.
 */
@Path("/")
public class PortalResource {

    private final Publications publications;
    private final ObjectStore store;
    private final PortalMap map;
    private final OrganisationNames organisations;
    private final RemoteCopies remoteCopies;
    private final RoutingContext routing;
    private final Vertx vertx;

    public PortalResource(Publications publications, ObjectStore store, PortalMap map, OrganisationNames organisations,
                          RemoteCopies remoteCopies, RoutingContext routing, Vertx vertx) {
        this.routing = routing;
        this.vertx = vertx;
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
    public Uni<Response> home(@QueryParam("q") String query) {
        // Control characters (a NUL in the address…) match no title and PostgreSQL refuses them in text.
        String words = query == null ? "" : query.replaceAll("\\p{Cntrl}", "").strip();
        return PortalErrorPages.render(Uni.createFrom().deferred(() -> publications.latestOfEachDataset(words))
                .map(latest -> PortalTemplates.accueil(latest.stream().map(row -> HomeRow.of(row, organisations))
                        .toList(), words)));
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Page d'un jeu de données : description, conformité, aperçu, carte, téléchargements, versions")
    public Uni<Response> datasetPage(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return PortalErrorPages.render(Uni.createFrom().deferred(() -> publications.history(
                checked(organization, "l'organisation"), checked(dataset, "jeu de données"))).chain(history -> {
            if (history.isEmpty()) {
                throw notPublished(organization, dataset);
            }
            Uni<List<List<String>>> preview = Work.blocking(() -> {
                try (InputStream csv = open(history.get(0))) {
                    return PublishedTable.head(csv, PREVIEW_ROWS);
                }
            });
            return preview.chain(rows -> remoteCopies.of(organization, dataset).map(copies -> {
                boolean hasCoordinates = !rows.isEmpty() && PublishedTable.hasCoordinates(rows.get(0));
                return PortalTemplates.jeuDeDonnees(DatasetPage.of(history, rows, hasCoordinates, map, organisations,
                        copies));
            }));
        }));
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
    public Uni<Response> versionCsv(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                    @PathParam("version") int version) {
        return Uni.createFrom().deferred(() -> publications.history(checked(organization, "l'organisation"),
                        checked(dataset, "jeu de données")))
                .map(history -> history.stream().filter(candidate -> candidate.version() == version).findFirst()
                        .orElseThrow(() -> new ApiException(404, "version-not-published", "La version " + version
                                + " du jeu de données « " + dataset + " » de « " + organization + " » n'est pas publiée.",
                                "La page du jeu de données liste ses versions publiées.")))
                .chain(published -> csv(published, "-v" + version));
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}/latest.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger la dernière version publiée d'un jeu de données (CSV UTF-8)")
    public Uni<Response> latestCsv(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return latest(organization, dataset).chain(latest -> csv(latest, ""));
    }

    private Uni<Response> csv(PublishedVersion version, String suffix) {
        // Rewritten as it is copied: cells a spreadsheet would run as formulas are neutralised.
        return download(version, "text/csv; charset=utf-8", suffix + ".csv", (csv, out) ->
                SpreadsheetSafeCsv.copy(csv, out, SpreadsheetSafeCsv.Dialect.COMMA));
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}/latest.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Télécharger la dernière version publiée en JSON (un objet par ligne)")
    public Uni<Response> latestJson(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return latest(organization, dataset).chain(latest -> download(latest, "application/json", ".json",
                PublishedTable::writeJson));
    }

    @GET
    @PermitAll
    @Path("/portal/{org}/{dataset}/latest.geojson")
    @Produces("application/geo+json")
    @Operation(summary = "Télécharger la dernière version publiée en GeoJSON, quand les données ont des coordonnées "
            + "(max : au plus ce nombre de points, pour la carte)")
    public Uni<Response> latestGeoJson(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                                       @QueryParam("max") Long max) {
        if (max != null && max < 1) {
            throw new ApiException(400, "invalid-max", "Le paramètre max doit être un nombre entier positif.",
                    "Retirez max pour tout télécharger, ou indiquez par exemple max=1000.");
        }
        return latest(organization, dataset).chain(latest -> Work.blocking(() -> {
            // The header decides whether there is a GeoJSON at all: read it before answering 200.
            try (InputStream csv = open(latest)) {
                return PublishedTable.head(csv, 0);
            }
        }).chain(head -> {
            if (head.isEmpty() || !PublishedTable.hasCoordinates(head.get(0))) {
                throw new ApiException(404, "no-coordinates", "Le jeu de données « " + dataset
                        + " » n'a pas de colonne de coordonnées : il n'existe pas en GeoJSON.",
                        "Téléchargez-le en CSV ou en JSON.");
            }
            return download(latest, "application/geo+json", ".geojson",
                    (csv, out) -> PublishedTable.writeGeoJson(csv, out, max == null ? Long.MAX_VALUE : max));
        }));
    }

    private Uni<PublishedVersion> latest(String organization, String dataset) {
        return Uni.createFrom().deferred(() -> publications.latest(checked(organization, "l'organisation"),
                        checked(dataset, "jeu de données")))
                .map(latest -> latest.orElseThrow(() -> notPublished(organization, dataset)));
    }

    private InputStream open(PublishedVersion version) {
        return store.open(version.file().bucket(), version.file().key());
    }

    private static final int PREVIEW_ROWS = 20;

    /** How a download is written from the published CSV. */
    private interface Conversion {
        void write(InputStream csv, OutputStream out) throws IOException;
    }

    /**
     * The published file read from the object store and converted into a temporary file on a worker (both block),
     * then sent by Vert.x from the file without blocking; the file is deleted once the answer ended.
     */
    private Uni<Response> download(PublishedVersion latest, String mediaType, String extension, Conversion conversion) {
        return Work.blocking(() -> {
            java.nio.file.Path file = Files.createTempFile("passerelle-portal-", extension);
            try (InputStream csv = open(latest);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                conversion.write(csv, out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        }).map(file -> {
            routing.addEndHandler(ended -> vertx.fileSystem().delete(file.toString()));
            return Response.ok(file.toFile(), mediaType)
                    .header("Content-Disposition", "attachment; filename=\"" + latest.dataset() + extension + "\"")
                    .header("X-Passerelle-Version", latest.version())
                    .build();
        });
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
