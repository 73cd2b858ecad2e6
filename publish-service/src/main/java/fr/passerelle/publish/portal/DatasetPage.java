package fr.passerelle.publish.portal;

import fr.passerelle.publish.publication.Publications.PublishedVersion;
import java.util.List;

/**
 * Everything a dataset's page shows.
 *
 * @param base     the page's path, {@code /portal/org/dataset}, on which the downloads are built
 * @param header   the preview's column names; empty when the file has none
 * @param rows     the preview's first rows
 * @param map      null when the data has no coordinates
 * @param versions every published version, newest first
 */
public record DatasetPage(DatasetDescription about, int version, String publishedAt, String base, List<String> header,
                          List<List<String>> rows, MapView map, List<VersionRow> versions,
                          List<RemoteCopies.RemoteCopy> remoteCopies) {

    /** The map's settings, for the data attributes {@code /portail/carte.js} reads. */
    public record MapView(String geojson, String tiles, String attribution, int max, String leaflet) {
    }

    /** A published version in the history, with its own file to download. */
    public record VersionRow(int version, String publishedAt, String csv, String size) {
    }

    static DatasetPage of(List<PublishedVersion> history, List<List<String>> preview, boolean hasCoordinates,
                          PortalMap map, OrganisationNames organisations, List<RemoteCopies.RemoteCopy> remoteCopies) {
        PublishedVersion latest = history.get(0);
        String base = "/portal/" + latest.organization() + "/" + latest.dataset();
        List<VersionRow> versions = history.stream().map(version -> new VersionRow(version.version(),
                FrenchWords.when(version.publishedAt()), base + "/versions/" + version.version() + ".csv",
                size(version.file().size()))).toList();
        MapView mapView = hasCoordinates ? new MapView(map.geoJsonUrl(base), map.tilesUrl(), map.attribution(),
                map.maxPoints(), PortalMap.leaflet()) : null;
        return new DatasetPage(DatasetDescription.of(latest, organisations), latest.version(),
                FrenchWords.when(latest.publishedAt()), base, preview.isEmpty() ? List.of() : preview.get(0),
                preview.size() < 2 ? List.of() : preview.subList(1, preview.size()), mapView, versions, remoteCopies);
    }

    /** « 12 ko », « 3,4 Mo »: what a person reads before downloading. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " octets";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " ko";
        }
        return String.format(java.util.Locale.FRENCH, "%.1f Mo", bytes / (1024.0 * 1024.0));
    }
}
