// The dataset page's map (settings in #carte's data attributes). Popups are built with text nodes only:
// the points' properties are whatever the clerk's file held.
(function () {
  var element = document.getElementById('carte');
  var status = document.getElementById('carte-etat');
  if (typeof L === 'undefined') { status.textContent = 'La carte n\'a pas pu être chargée.'; return; }
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
    status.textContent = count === 0 ? 'Aucune ligne n\'a de coordonnées valides.'
      : count + (count > 1 ? ' points' : ' point') + ' sur la carte'
        + (count >= Number(element.dataset.max) ? ' (les premiers seulement ; le GeoJSON est complet).' : '.');
    element.dataset.points = String(count);
  }).catch(function () {
    status.textContent = 'Les points n\'ont pas pu être chargés : téléchargez le GeoJSON.';
  });
})();

