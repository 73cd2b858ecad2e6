package fr.passerelle.publish.portal;

import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import fr.passerelle.publish.publication.Publications;
import fr.passerelle.publish.publication.Publications.PublishedVersion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The embedded public portal: what anyone can read, without an account. */
@Path("/")
public class PortalResource {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter
            .ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final Publications publications;
    private final ObjectStore store;

    public PortalResource(Publications publications, ObjectStore store) {
        this.publications = publications;
        this.store = store;
    }

    @GET
    @Path("/portal/{org}/{dataset}/latest.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "Télécharger la dernière version publiée d'un jeu de données (CSV UTF-8)")
    public Response latestCsv(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        Slugs.require(organization, "l'organisation");
        Slugs.require(dataset, "jeu de données");
        PublishedVersion latest = publications.latest(organization, dataset).orElseThrow(() ->
                new ApiException(404, "not-published",
                        "Aucune version du jeu de données « " + dataset + " » de « " + organization
                                + " » n'est publiée.",
                        "Un jeu de données est publié après un dépôt valide et l'approbation d'un publieur."));
        InputStream content = store.open(latest.file().bucket(), latest.file().key());
        return Response.ok(content, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + dataset + ".csv\"")
                .header("X-Passerelle-Version", latest.version())
                .header("ETag", latest.file().sha256() == null ? null : "\"" + latest.file().sha256() + "\"")
                .build();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Page d'accueil du portail : les jeux de données publiés")
    public String home() {
        List<PublishedVersion> all = publications.latestOfEachDataset();
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="fr"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Données publiques — Passerelle</title>
                <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}
                table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}</style>
                </head><body>
                <h1>Données publiques</h1>
                """);
        if (all.isEmpty()) {
            html.append("<p>Aucun jeu de données n'est encore publié.</p>\n");
        } else {
            html.append("<table><thead><tr><th>Organisation</th><th>Jeu de données</th><th>Schéma</th>")
                    .append("<th>Version</th><th>Publiée le</th><th>Fichier</th></tr></thead><tbody>\n");
            for (PublishedVersion version : all) {
                String link = "/portal/" + version.organization() + "/" + version.dataset() + "/latest.csv";
                html.append("<tr><td>").append(Html.escape(version.organization()))
                        .append("</td><td>").append(Html.escape(version.dataset()))
                        .append("</td><td>").append(Html.escape(version.schema()))
                        .append("</td><td>").append(version.version())
                        .append("</td><td>").append(FRENCH_DATE.format(version.publishedAt()))
                        .append("</td><td><a href=\"").append(Html.escape(link)).append("\">CSV</a></td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        return html.append("</body></html>\n").toString();
    }
}
