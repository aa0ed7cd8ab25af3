/* Frontwatch map page: names on the map, offline, from the project's own data. Provinces at low zoom; districts and
 * the gazetteer's towns (most populous first) as the user zooms in. Labels that would overlap a more important one
 * are left out (provinces, then towns by population, then districts), re-decided after each move. */
(function () {
  'use strict';

  var el = FW.el;
  // Zoom bands: provinces until districts take over; towns appear by size.
  var PROVINCE_MAX_ZOOM = 7.5;
  var DISTRICT_MIN_ZOOM = 8;

  function townMinZoom(population) {
    if (population >= 500000) return 5;
    if (population >= 100000) return 7;
    if (population >= 20000) return 8;
    if (population > 0) return 9;
    return 10;
  }

  // Where a polygon's name goes: the area-weighted centroid of its largest ring (a multipolygon's islands and
  // exclaves would pull a plain average off the land that matters).
  function labelPoint(geometry) {
    if (!geometry) return null;
    var polys = geometry.type === 'Polygon' ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    var best = null;
    polys.forEach(function (poly) {
      var ring = poly[0], a = 0, cx = 0, cy = 0;
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        var f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
        a += f;
        cx += (ring[j][0] + ring[i][0]) * f;
        cy += (ring[j][1] + ring[i][1]) * f;
      }
      if (a === 0) return;
      if (!best || Math.abs(a) > best.area) best = {area: Math.abs(a), lat: cy / (3 * a), lon: cx / (3 * a)};
    });
    return best ? [best.lat, best.lon] : null;
  }

  function install(ctx, districts, provinces, labels) {
    var map = ctx.map;
    map.createPane('fw-labels').style.zIndex = 640;  // above markers: a name must stay readable
    map.getPane('fw-labels').style.pointerEvents = 'none';
    var items = [];

    function add(kind, name, latlng, priority, minZoom, maxZoom, extra) {
      if (!name || !latlng) return;
      items.push({kind: kind, name: String(name), latlng: L.latLng(latlng[0], latlng[1]), priority: priority,
        minZoom: minZoom, maxZoom: maxZoom, extra: extra || {}, marker: null});
    }
    (provinces.features || []).forEach(function (f) {
      add('province', f.properties.name, labelPoint(f.geometry), 3e9, 0, PROVINCE_MAX_ZOOM,
        {unit: f.properties.unit_code});
    });
    ((labels && labels.towns) || []).forEach(function (t) {
      add('town', t.name, [t.lat, t.lon], 1e9 + t.population, townMinZoom(t.population), 99,
        {population: t.population});
    });
    (districts.features || []).forEach(function (f) {
      add('district', f.properties.name, labelPoint(f.geometry), 0, DISTRICT_MIN_ZOOM, 99,
        {unit: f.properties.unit_code});
    });
    items.sort(function (a, b) { return b.priority - a.priority; });

    function markerOf(item) {
      if (item.marker) return item.marker;
      var box = el('div', 'fw-label-text', item.name);
      var icon = L.divIcon({className: 'fw-label fw-label-' + item.kind, html: box, iconSize: null});
      item.marker = L.marker(item.latlng, {icon: icon, pane: 'fw-labels', interactive: false, keyboard: false});
      item.marker.on('add', function () {
        var node = item.marker.getElement();
        node.setAttribute('data-kind', item.kind);
        if (item.extra.unit) node.setAttribute('data-unit', item.extra.unit);
        if (item.kind === 'town') node.setAttribute('data-population', String(item.extra.population));
      });
      return item.marker;
    }

    // Greedy placement in screen space: a label is drawn when its box meets no box already placed.
    function place() {
      var zoom = map.getZoom();
      var bounds = map.getBounds().pad(0.1);
      var taken = [];
      items.forEach(function (item) {
        var want = zoom >= item.minZoom && zoom <= item.maxZoom && bounds.contains(item.latlng);
        if (want) {
          var pt = map.latLngToContainerPoint(item.latlng);
          var w = item.name.length * (item.kind === 'province' ? 8 : 6.5) + 8, h = item.kind === 'province' ? 18 : 15;
          var box = {x0: pt.x - w / 2, x1: pt.x + w / 2, y0: pt.y - h / 2, y1: pt.y + h / 2};
          want = !taken.some(function (o) { return box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1; });
          if (want) taken.push(box);
        }
        var on = item.marker && map.hasLayer(item.marker);
        if (want && !on) markerOf(item).addTo(map);
        else if (!want && on) map.removeLayer(item.marker);
      });
      document.body.setAttribute('data-label-zoom', String(zoom));
    }

    map.on('zoomend moveend', place);
    place();
    return {place: place, items: items};
  }

  FW.labels = {install: install, labelPoint: labelPoint, townMinZoom: townMinZoom};
})();
