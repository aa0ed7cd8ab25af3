/* Frontwatch map page: districts coloured by control (recoloured client-side as the "as of" slider moves), event
 * markers by type (clustered), filters, and a popup per marker quoting each source's sentence.
 *
 * Data comes either embedded (window.FRONTWATCH_DATA, written by `frontwatch map` beside a static page) or from the
 * REST API of `frontwatch serve`; both have the same JSON shapes.
 * Security: every string from the data is put in the page with textContent or setAttribute, never as HTML.
 */
(function () {
  'use strict';

  var EVENT_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots',
    'Strategic developments'];
  var HOLDER_COLOURS = ['#3182bd', '#31a354', '#756bb1', '#d6616b', '#8c6d31', '#17becf', '#e7ba52', '#636363'];
  var CONTESTED = '#f28e2b';
  var UNKNOWN = '#bdbdbd';
  var NO_INFO = '#ffffff';
  var DAY = 86400000;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function dayNumber(iso) { return Math.round(Date.parse(iso + 'T00:00:00Z') / DAY); }
  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function typeIndex(type) { var i = EVENT_TYPES.indexOf(type); return i < 0 ? 6 : i; }

  function notice(message) {
    var box = document.getElementById('fw-notice');
    box.textContent = message;
    box.hidden = false;
  }

  // --- data sources -------------------------------------------------------------------------------------------

  function staticSource(data) {
    return {
      boundaries: function () { return Promise.resolve(data.boundaries); },
      timelines: function () { return Promise.resolve(data.timelines); },
      events: function () { return Promise.resolve(data.events.features); },
      detail: function (id) {
        var d = data.details[id];
        return d ? Promise.resolve(d) : Promise.reject(new Error('no details for event ' + id));
      },
      documentLink: function () { return null; }
    };
  }

  function getJSON(url) {
    return fetch(url, {headers: {Accept: 'application/json'}}).then(function (r) {
      if (!r.ok) throw new Error('GET ' + url + ' failed: HTTP ' + r.status);
      return r.json();
    });
  }

  function apiSource() {
    var details = {};
    return {
      boundaries: function () { return getJSON('boundaries?level=2'); },
      timelines: function () { return getJSON('control/timeline'); },
      events: function () {
        var all = [];
        function page(url) {
          return getJSON(url).then(function (fc) {
            Array.prototype.push.apply(all, fc.features);
            return fc.next ? page(fc.next) : all;
          });
        }
        return page('events?f=geojson&limit=5000');
      },
      detail: function (id) {
        if (!details[id]) details[id] = getJSON('events/' + encodeURIComponent(id));
        return details[id];
      },
      documentLink: function (id) { return 'documents/' + encodeURIComponent(id); }
    };
  }

  // --- control ------------------------------------------------------------------------------------------------

  // The state in force on `day`: the latest one that began on or before it and had not ended before it.
  function stateAt(states, day) {
    var found = null;
    for (var i = 0; i < states.length; i++) {
      var st = states[i];
      if (dayNumber(st.since) <= day && (!found || dayNumber(st.since) >= dayNumber(found.since))) found = st;
    }
    if (found && found.until && dayNumber(found.until) < day) return null;
    return found;
  }

  function holderName(state) { return state && state.holder ? state.holder.name : null; }

  // --- the page -----------------------------------------------------------------------------------------------

  function start(source) {
    var map = L.map('map', {zoomSnap: 0.5, minZoom: 2, maxZoom: 14, worldCopyJump: true});
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    map.attributionControl.addAttribution(
      'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0) · Boundaries: ' +
      '<a href="https://www.geoboundaries.org/">geoBoundaries</a> · Outlines: Natural Earth (world-atlas)');
    map.setView([34, 66], 5);

    if (window.FW_COUNTRIES && window.topojson) {
      var topo = window.FW_COUNTRIES;
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        interactive: false,
        style: {color: '#9a9a9a', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1}
      }).addTo(map);
    }

    var state = {
      day: null, firstDay: null, lastDay: null, units: {}, holders: [], districts: {},
      features: [], markers: {}, filters: {type: '', status: '', actor: ''}
    };
    var cluster = L.markerClusterGroup({chunkedLoading: true, maxClusterRadius: 40, showCoverageOnHover: false,
      spiderfyOnMaxZoom: true, animate: false});
    var icons = {};
    var panel = buildPanel();
    var legend = L.control({position: 'bottomright'});
    legend.onAdd = function () { return el('div', 'fw-panel fw-legend'); };
    legend.addTo(map);
    panel.addTo(map);

    function holderColour(name) {
      var i = state.holders.indexOf(name);
      return HOLDER_COLOURS[(i < 0 ? state.holders.length : i) % HOLDER_COLOURS.length];
    }

    function unitFill(code) {
      var tl = state.units[code];
      var st = tl ? stateAt(tl.states, state.day) : null;
      if (!st) return {fill: NO_INFO, status: 'none', holder: ''};
      if (st.status === 'contested') return {fill: CONTESTED, status: 'contested', holder: holderName(st) || ''};
      if (st.status === 'held' && holderName(st)) {
        return {fill: holderColour(holderName(st)), status: 'held', holder: holderName(st)};
      }
      return {fill: UNKNOWN, status: 'unknown', holder: ''};
    }

    function recolour() {
      Object.keys(state.districts).forEach(function (code) {
        var layers = state.districts[code];
        var look = unitFill(code);
        layers.forEach(function (layer) {
          layer.setStyle({fillColor: look.fill, fillOpacity: look.status === 'none' ? 0.15 : 0.6});
          var path = layer.getElement && layer.getElement();
          if (path) {
            path.setAttribute('data-status', look.status);
            path.setAttribute('data-holder', look.holder);
          }
        });
      });
    }

    function buildLegend() {
      var box = legend.getContainer();
      box.textContent = '';
      box.appendChild(el('h2', null, 'District control'));
      function row(swatchClass, colour, label) {
        var line = el('div');
        var sw = el('span', swatchClass);
        sw.style.background = colour;
        line.appendChild(sw);
        line.appendChild(document.createTextNode(label));
        box.appendChild(line);
      }
      state.holders.forEach(function (h) { row('fw-swatch', holderColour(h), 'Held by ' + h); });
      row('fw-swatch', CONTESTED, 'Contested');
      row('fw-swatch', UNKNOWN, 'Unknown');
      row('fw-swatch', NO_INFO, 'No information');
      box.appendChild(el('h2', null, 'Events'));
      EVENT_TYPES.forEach(function (t, i) { row('fw-dot fw-type-' + i, '', t); });
    }

    function buildPanel() {
      var control = L.control({position: 'topright'});
      control.onAdd = function () {
        var box = el('div', 'fw-panel');
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        box.appendChild(el('h1', null, 'Frontwatch'));
        var asofLabel = el('label', null, 'As of ');
        asofLabel.setAttribute('for', 'fw-asof');
        var asofValue = el('span', 'fw-asof', '');
        asofValue.id = 'fw-asof-value';
        asofLabel.appendChild(asofValue);
        box.appendChild(asofLabel);
        var slider = el('input');
        slider.type = 'range';
        slider.id = 'fw-asof';
        slider.step = '1';
        box.appendChild(slider);
        [['type', 'Event type'], ['status', 'Status'], ['actor', 'Actor']].forEach(function (f) {
          var label = el('label', null, f[1]);
          label.setAttribute('for', 'fw-filter-' + f[0]);
          var select = el('select');
          select.id = 'fw-filter-' + f[0];
          select.appendChild(option('', 'All'));
          select.addEventListener('change', function () {
            state.filters[f[0]] = select.value;
            refreshMarkers();
          });
          box.appendChild(label);
          box.appendChild(select);
        });
        var count = el('div', 'fw-count', 'Loading…');
        count.id = 'fw-count';
        box.appendChild(count);
        slider.addEventListener('input', function () { setDay(parseInt(slider.value, 10)); });
        return box;
      };
      return control;
    }

    function option(value, label) {
      var o = el('option', null, label);
      o.value = value;
      return o;
    }

    function fillSelect(id, values) {
      var select = document.getElementById(id);
      values.forEach(function (v) { select.appendChild(option(v, v)); });
    }

    function setDay(day) {
      state.day = day;
      document.getElementById('fw-asof').value = String(day);
      document.getElementById('fw-asof-value').textContent = isoOf(day);
      recolour();
      refreshMarkers();
    }

    function visible(p) {
      var f = state.filters;
      if (dayNumber(p.event_date) > state.day) return false;
      if (f.type && p.event_type !== f.type) return false;
      if (f.status && p.status !== f.status) return false;
      if (f.actor && p.actor1 !== f.actor && p.actor2 !== f.actor) return false;
      return true;
    }

    function refreshMarkers() {
      var shown = [];
      state.features.forEach(function (feat) {
        if (feat.geometry && visible(feat.properties)) shown.push(markerFor(feat));
      });
      cluster.clearLayers();
      cluster.addLayers(shown);
      document.getElementById('fw-count').textContent =
        shown.length.toLocaleString('en') + ' of ' + state.features.length.toLocaleString('en') + ' events shown';
    }

    function markerFor(feat) {
      var p = feat.properties;
      if (state.markers[p.event_id]) return state.markers[p.event_id];
      var key = typeIndex(p.event_type) + '|' + p.status;
      if (!icons[key]) {
        icons[key] = L.divIcon({className: 'fw-marker fw-type-' + typeIndex(p.event_type) + ' fw-status-' + p.status,
          iconSize: [14, 14]});
      }
      var c = feat.geometry.coordinates;
      var marker = L.marker([c[1], c[0]], {icon: icons[key], keyboard: true, title: p.sub_event_type});
      marker.bindPopup(el('div', 'fw-popup'), {maxWidth: 380, minWidth: 260});
      marker.on('add', function () {
        var node = marker.getElement();
        if (node) node.setAttribute('data-event-id', p.event_id);
      });
      marker.on('popupopen', function (e) {
        var content = popupContent(p);
        e.popup.setContent(content);
        source.detail(p.event_id).then(function (d) {
          fillEvidence(content, d);
          e.popup.update();
        }).catch(function (err) {
          content.appendChild(el('p', 'fw-error', 'Could not load the sources: ' + err.message));
        });
      });
      state.markers[p.event_id] = marker;
      return marker;
    }

    function popupContent(p) {
      var box = el('div', 'fw-popup');
      box.setAttribute('data-event-id', p.event_id);
      box.appendChild(el('h3', null, p.sub_event_type));
      box.appendChild(el('p', 'fw-sub', p.event_type + ' · ' + p.event_date));
      var dl = el('dl');
      function field(name, value) {
        if (value === null || value === undefined || value === '') return;
        dl.appendChild(el('dt', null, name));
        var dd = el('dd');
        if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
        dl.appendChild(dd);
      }
      var where = [p.place, p.admin2, p.admin1].filter(function (x, i, a) { return x && a.indexOf(x) === i; });
      field('Place', where.join(', '));
      field('Actors', [p.actor1, p.actor2].filter(Boolean).join(' → '));
      var badge = el('span', 'fw-badge fw-badge-' + p.status, p.status);
      field('Status', badge);
      field('Confidence', Number(p.confidence).toFixed(2));
      field('Fatalities', p.fatalities);
      field('Sources', (p.sources || []).join('; '));
      box.appendChild(dl);
      var ev = el('div', 'fw-evidence');
      ev.appendChild(el('p', 'fw-loading', 'Loading the sources…'));
      box.appendChild(ev);
      return box;
    }

    function fillEvidence(box, detail) {
      var ev = box.querySelector('.fw-evidence');
      ev.textContent = '';
      if (!detail.evidence.length) ev.appendChild(el('p', null, 'No quoted sentence stored.'));
      detail.evidence.forEach(function (item) {
        var wrap = el('div', item.stance === 'contradicting' ? 'fw-contradicts' : 'fw-supports');
        wrap.appendChild(el('blockquote', 'fw-quote', item.quote));
        var chains = item.source_chains.map(function (c) { return c.join(' → '); }).join('; ');
        var doc = item.document;
        var origin = doc ? (doc.publisher || doc.title || doc.document_id.slice(0, 8)) : '';
        var cite = el('p', 'fw-cite');
        var said = (item.stance === 'contradicting' ? 'Contradicts — ' : '— ') + (chains || 'the publisher');
        cite.appendChild(document.createTextNode(said + ' (' + item.claim.certainty + ')'));
        if (origin) {
          cite.appendChild(document.createTextNode(', in '));
          var href = doc.url && /^https?:\/\//i.test(doc.url) ? doc.url : source.documentLink(doc.document_id);
          if (href) {
            var a = el('a', null, origin);
            a.setAttribute('href', href);
            a.setAttribute('target', '_blank');
            a.setAttribute('rel', 'noopener noreferrer');
            cite.appendChild(a);
          } else {
            cite.appendChild(document.createTextNode(origin));
          }
          if (doc.published) cite.appendChild(document.createTextNode(', ' + doc.published));
        }
        wrap.appendChild(cite);
        ev.appendChild(wrap);
      });
    }

    function drawDistricts(fc) {
      if (!fc.features.length) {
        notice('No district boundaries loaded: build the gazetteer (frontwatch gazetteer build) to see control.');
        return null;
      }
      var layer = L.geoJSON(fc, {
        style: {color: '#555', weight: 0.6, fillColor: NO_INFO, fillOpacity: 0.15},
        onEachFeature: function (feature, lyr) {
          var code = feature.properties.unit_code;
          (state.districts[code] = state.districts[code] || []).push(lyr);
          lyr.bindTooltip(function () {
            var look = unitFill(code);
            var tip = el('div');
            tip.appendChild(el('strong', null, feature.properties.name || code));
            var tl = state.units[code];
            var st = tl ? stateAt(tl.states, state.day) : null;
            var text = st ? (look.status === 'held' ? 'held by ' + look.holder : look.status) +
              ' since ' + st.since + ', confidence ' + Number(st.confidence).toFixed(2) +
              (st.evidence ? ' (' + st.evidence + ')' : '') : 'no information';
            tip.appendChild(el('div', null, text));
            return tip;
          }, {sticky: true});
        }
      }).addTo(map);
      layer.eachLayer(function (lyr) {
        var path = lyr.getElement();
        if (path) {
          path.setAttribute('data-unit', lyr.feature.properties.unit_code);
          path.classList.add('fw-district');
        }
      });
      return layer;
    }

    Promise.all([source.boundaries(), source.timelines(), source.events()]).then(function (res) {
      var districts = drawDistricts(res[0]);
      var tl = res[1];
      var holders = {};
      var days = [];
      tl.units.forEach(function (u) {
        state.units[u.unit_code] = u;
        u.states.forEach(function (st) {
          if (st.holder) holders[st.holder.name] = true;
          days.push(dayNumber(st.since));
          if (st.until) days.push(dayNumber(st.until));
        });
      });
      state.holders = Object.keys(holders).sort();
      state.features = res[2];
      var types = {}, statuses = {}, actors = {};
      state.features.forEach(function (f) {
        var p = f.properties;
        days.push(dayNumber(p.event_date));
        types[p.event_type] = true;
        statuses[p.status] = true;
        if (p.actor1) actors[p.actor1] = true;
        if (p.actor2) actors[p.actor2] = true;
      });
      fillSelect('fw-filter-type', EVENT_TYPES.filter(function (t) { return types[t]; }));
      fillSelect('fw-filter-status', ['confirmed', 'reported', 'contested', 'denied'].filter(function (s) {
        return statuses[s];
      }));
      fillSelect('fw-filter-actor', Object.keys(actors).sort());
      var today = Math.floor(Date.now() / DAY);
      state.firstDay = days.length ? Math.min.apply(null, days) - 1 : today - 30;
      state.lastDay = days.length ? Math.max.apply(null, days) + 1 : today;
      var slider = document.getElementById('fw-asof');
      slider.min = String(state.firstDay);
      slider.max = String(state.lastDay);
      buildLegend();
      map.addLayer(cluster);
      setDay(state.lastDay);
      var pts = state.features.filter(function (f) { return f.geometry; }).map(function (f) {
        return [f.geometry.coordinates[1], f.geometry.coordinates[0]];
      });
      var bounds = districts ? districts.getBounds() : null;
      if (pts.length) bounds = L.latLngBounds(pts).pad(0.5);
      if (bounds && bounds.isValid()) map.fitBounds(bounds, {maxZoom: 9, animate: false});  // "ready" must mean the view has settled
      window.fw.ready = true;
      document.body.setAttribute('data-ready', 'true');
    }).catch(function (err) {
      notice('Could not load the map data: ' + err.message);
      console.error(err);
    });

    window.fw = {
      map: map,
      cluster: cluster,
      ready: false,
      setDay: setDay,
      dayNumber: dayNumber,
      // Zoom in until the event's marker leaves its cluster, spiderfying when markers share one spot (tests and
      // deep links use it). Synchronous because cluster animations are off: markercluster's own zoomToShowLayer
      // never calls back in some of these cases.
      showEvent: function (id, done) {
        var m = state.markers[id];
        if (!m || !cluster.hasLayer(m)) return false;
        var here = m.getLatLng();
        function samePlace(p) {  // zooming never separates markers on one spot
          return p.getAllChildMarkers().every(function (c) { return c.getLatLng().equals(here); });
        }
        // Jump straight to the first zoom where the marker leaves its cluster (one re-cluster, not one per level):
        // markercluster keeps, on each marker, the cluster it joins at the deepest zoom where it is clustered.
        var z = Math.max(Math.ceil(map.getZoom()), 2);
        var c = m.__parent;
        if (c && c._zoom !== undefined && c._zoom >= map.getMinZoom()) {
          if (samePlace(c)) {
            while (c.__parent && c.__parent._zoom >= map.getMinZoom() && samePlace(c.__parent)) c = c.__parent;
            z = Math.max(z, c._zoom);
          } else {
            z = Math.max(z, Math.min(c._zoom + 1, map.getMaxZoom()));
          }
        }
        map.setView(here, z, {animate: false});
        var parent;
        while ((parent = cluster.getVisibleParent(m)) !== m && z < map.getMaxZoom()) {
          if (parent && samePlace(parent)) break;
          z += 1;
          map.setView(m.getLatLng(), z, {animate: false});
        }
        parent = cluster.getVisibleParent(m);
        if (parent && parent !== m && parent.spiderfy) parent.spiderfy();
        if (done) setTimeout(function () { done(m.getElement() || null); }, 0);
        return true;
      }
    };
  }

  function boot() {
    var source = window.FRONTWATCH_DATA ? staticSource(window.FRONTWATCH_DATA) : apiSource();
    start(source);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot); else boot();
})();
