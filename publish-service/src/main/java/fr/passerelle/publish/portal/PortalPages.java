package fr.passerelle.publish.portal;

import fr.passerelle.publish.publication.Publications.PublishedVersion;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The portal's HTML: French, plain, readable on a phone, with headings and labels for screen readers. */
final class PortalPages {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter
            .ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));
    private static final int PREVIEW_ROWS = 20;

    private PortalPages() {
    }

    static String home(List<PublishedVersion> datasets, String query) {
        StringBuilder html = start("Données publiques");
        html.append("<h1>Données publiques</h1>\n<form role=\"search\" method=\"get\" action=\"/\">")
                .append("<label for=\"q\">Rechercher un jeu de données</label> ")
                .append("<input id=\"q\" name=\"q\" type=\"search\" value=\"").append(Html.escape(query == null ? "" : query))
                .append("\"> <button type=\"submit\">Rechercher</button></form>\n");
        if (datasets.isEmpty()) {
            html.append(query == null || query.isBlank() ? "<p>Aucun jeu de données n'est encore publié.</p>\n"
                    : "<p>Aucun jeu de données ne correspond à « " + Html.escape(query) + " ».</p>\n");
        } else {
            html.append("<table><caption>Jeux de données publiés</caption><thead><tr><th scope=\"col\">Jeu de données</th>")
                    .append("<th scope=\"col\">Organisation</th><th scope=\"col\">Schéma</th><th scope=\"col\">Version</th>")
                    .append("<th scope=\"col\">Publiée le</th><th scope=\"col\">Fichier</th></tr></thead><tbody>\n");
            for (PublishedVersion version : datasets) {
                String page = "/portal/" + version.organization() + "/" + version.dataset();
                html.append("<tr><td><a href=\"").append(Html.escape(page)).append("\">")
                        .append(Html.escape(version.displayTitle())).append("</a></td><td>")
                        .append(Html.escape(version.organization())).append("</td><td>")
                        .append(Html.escape(version.schema())).append("</td><td>").append(version.version())
                        .append("</td><td>").append(FRENCH_DATE.format(version.publishedAt()))
                        .append("</td><td><a href=\"").append(Html.escape(page + "/latest.csv")).append("\">CSV</a></td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        return end(html);
    }

    static String dataset(List<PublishedVersion> history, List<List<String>> preview, boolean hasCoordinates, PortalMap map) {
        PublishedVersion latest = history.get(0);
        String base = "/portal/" + latest.organization() + "/" + latest.dataset();
        StringBuilder html = start(latest.displayTitle());
        html.append("<p><a href=\"/\">← Tous les jeux de données</a></p>\n<h1>").append(Html.escape(latest.displayTitle()))
                .append("</h1>\n");
        if (latest.description() != null) {
            html.append("<p>").append(Html.escape(latest.description())).append("</p>\n");
        }
        html.append("<dl><dt>Organisation</dt><dd>").append(Html.escape(latest.organization()))
                .append("</dd><dt>Schéma</dt><dd>").append(Html.escape(latest.schema()))
                .append("</dd><dt>Licence</dt><dd>").append(Html.escape(latest.licence() == null ? "etalab-2.0" : latest.licence()))
                .append("</dd><dt>Version</dt><dd>").append(latest.version()).append(", publiée le ")
                .append(FRENCH_DATE.format(latest.publishedAt())).append("</dd></dl>\n");
        html.append("<h2>Télécharger</h2>\n<ul><li><a href=\"").append(Html.escape(base)).append("/latest.csv\">CSV</a></li>")
                .append("<li><a href=\"").append(Html.escape(base)).append("/latest.json\">JSON</a></li>");
        if (hasCoordinates) {
            html.append("<li><a href=\"").append(Html.escape(base)).append("/latest.geojson\">GeoJSON</a></li>");
        }
        html.append("</ul>\n<h2>Aperçu</h2>\n");
        if (preview.size() < 2) {
            html.append("<p>Le fichier ne contient aucune ligne.</p>\n");
        } else {
            html.append("<div class=\"scroll\"><table><caption>Les ").append(Math.min(PREVIEW_ROWS, preview.size() - 1))
                    .append(" premières lignes</caption><thead><tr>");
            preview.get(0).forEach(column -> html.append("<th scope=\"col\">").append(Html.escape(column)).append("</th>"));
            html.append("</tr></thead><tbody>\n");
            preview.subList(1, preview.size()).forEach(row -> {
                html.append("<tr>");
                row.forEach(cell -> html.append("<td>").append(Html.escape(cell)).append("</td>"));
                html.append("</tr>\n");
            });
            html.append("</tbody></table></div>\n");
        }
        if (hasCoordinates) {
            html.append(map.section(base));
        }
        html.append("<h2>Historique des versions</h2>\n<ul>");
        history.forEach(version -> html.append("<li>Version ").append(version.version()).append(" — ")
                .append(FRENCH_DATE.format(version.publishedAt())).append("</li>"));
        html.append("</ul>\n");
        return end(html);
    }

    static int previewRows() {
        return PREVIEW_ROWS;
    }

    private static StringBuilder start(String title) {
        return new StringBuilder("""
                <!doctype html>
                <html lang="fr"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>""").append(Html.escape(title)).append("""
                 — Passerelle</title>
                <style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:70rem;padding:0 1rem;color:#1e1e1e}
                a{color:#000091}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}
                caption{text-align:left;font-weight:bold;padding:.4rem 0}.scroll{overflow-x:auto}dt{font-weight:bold}
                input,button{font-size:1rem;padding:.3rem}.carte{height:24rem;width:100%;border:1px solid #ddd}</style>
                </head><body><main>
                """);
    }

    private static String end(StringBuilder html) {
        return html.append("</main></body></html>\n").toString();
    }
}
