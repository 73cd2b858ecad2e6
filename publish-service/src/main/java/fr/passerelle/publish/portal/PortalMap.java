package fr.passerelle.publish.portal;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a dataset's points are drawn on its page: Leaflet served by the portal itself, background
 * tiles from a configurable server, and a cap on points so a large dataset keeps a usable page.
 */
@ApplicationScoped
public class PortalMap {

    static final String LEAFLET = "/webjars/leaflet/1.9.4/dist/";

    private final String tilesUrl;
    private final String attribution;
    private final int maxPoints;

    public PortalMap(@ConfigProperty(name = "passerelle.portal.tiles-url", defaultValue = "") String tilesUrl,
                     @ConfigProperty(name = "passerelle.portal.tiles-attribution", defaultValue = "") String attribution,
                     @ConfigProperty(name = "passerelle.portal.map-max-points", defaultValue = "5000") int maxPoints) {
        this.tilesUrl = tilesUrl.strip();
        this.attribution = attribution.strip();
        this.maxPoints = Math.max(1, maxPoints);
    }

    int maxPoints() {
        return maxPoints;
    }

    /** The GeoJSON the map draws: the first {@code maxPoints} points of the newest version. */
    String geoJsonUrl(String datasetBase) {
        return datasetBase + "/latest.geojson?max=" + maxPoints;
    }

    String tilesUrl() {
        return tilesUrl;
    }

    String attribution() {
        return attribution;
    }

    /**
     * Settings travel to the page's script ({@code /portail/carte.js}) in data attributes, HTML-escaped by the
     * template, rather than inside a script, so no value can break out of it; the script builds popups with text
     * nodes only, because the points' properties are whatever the clerk's file held.
     */
    static String leaflet() {
        return LEAFLET;
    }
}
