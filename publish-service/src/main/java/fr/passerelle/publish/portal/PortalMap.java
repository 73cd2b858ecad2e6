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

    /**
     * The map's section. Settings travel in data attributes, HTML-escaped, rather than inside the
     * script, so no value can break out of it; the script builds popups with text nodes only,
     * because the points' properties are whatever the clerk's file held.
     */
    String section(String datasetBase) {
        return "<h2 id=\"carte-titre\">Carte</h2>\n"
                + "<p id=\"carte-etat\" aria-live=\"polite\">Chargement de la carte…</p>\n"
                + "<div id=\"carte\" class=\"carte\" role=\"region\" aria-labelledby=\"carte-titre\" data-geojson=\""
                + Html.escape(datasetBase + "/latest.geojson?max=" + maxPoints) + "\" data-tuiles=\"" + Html.escape(tilesUrl)
                + "\" data-attribution=\"" + Html.escape(attribution) + "\" data-max=\"" + maxPoints + "\"></div>\n"
                + "<link rel=\"stylesheet\" href=\"" + LEAFLET + "leaflet.css\">\n"
                + "<script src=\"" + LEAFLET + "leaflet.js\"></script>\n"
                + "<script>\n" + SCRIPT + "</script>\n";
    }

    private static final String SCRIPT = """
            (function () {
              var element = document.getElementById('carte');
              var status = document.getElementById('carte-etat');
              if (typeof L === 'undefined') { status.textContent = 'La carte n\\'a pas pu être chargée.'; return; }
              var map = L.map(element, { scrollWheelZoom: false });
              if (element.dataset.tuiles) {
                L.tileLayer(element.dataset.tuiles, { maxZoom: 19, attribution: element.dataset.attribution }).addTo(map);
              }
              map.setView([46.6, 2.4], 5);
              function popup(properties) {
                var list = document.createElement('dl');
                Object.keys(properties).slice(0, 6).forEach(function (name) {
                  if (properties[name] === null) { return; }
                  var term = document.createElement('dt'); term.textContent = name;
                  var value = document.createElement('dd'); value.textContent = properties[name];
                  list.appendChild(term); list.appendChild(value);
                });
                return list;
              }
              fetch(element.dataset.geojson).then(function (answer) {
                if (!answer.ok) { throw new Error(answer.status); }
                return answer.json();
              }).then(function (data) {
                var layer = L.geoJSON(data, {
                  pointToLayer: function (feature, point) {
                    return L.circleMarker(point, { radius: 6, color: '#000091', weight: 2, fillOpacity: 0.6 });
                  },
                  onEachFeature: function (feature, marker) { marker.bindPopup(popup(feature.properties || {})); }
                }).addTo(map);
                var count = data.features.length;
                if (count > 0) { map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [20, 20] }); }
                status.textContent = count === 0 ? 'Aucune ligne n\\'a de coordonnées valides.'
                  : count + (count > 1 ? ' points' : ' point') + ' sur la carte'
                    + (count >= Number(element.dataset.max) ? ' (les premiers seulement ; le GeoJSON est complet).' : '.');
                element.dataset.points = String(count);
              }).catch(function () {
                status.textContent = 'Les points n\\'ont pas pu être chargés : téléchargez le GeoJSON.';
              });
            })();
            """;
}
