/* Frontwatch map page: districts and provinces coloured by control (recoloured client-side as the "as of" slider
 * moves), event markers by type (clustered), filters, and a popup per marker quoting each source's sentence.
 * Feature code lives beside this file: fw-labels.js (names on the map), fw-panel.js (a district's history),
 * fw-timeline.js (events per day, brushing), fw-state.js (the view in the URL hash), fw-export.js (downloads).
 *
 * Data comes either embedded (window.FRONTWATCH_DATA, written by `frontwatch map` beside a static page) or from the
 * REST API of `frontwatch serve`; both have the same JSON shapes.
 * Security: every string from the data is put in the page with textContent or setAttribute, never as HTML.
 */
(function () {
  'use strict';

  var el = FW.el, dayNumber = FW.dayNumber, isoOf = FW.isoOf, stateAt = FW.stateAt, holderName = FW.holderName;
  var EVENT_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots',
    'Strategic developments'];
  // Okabe & Ito's colour-blind-safe palette for holders; orange is kept for "contested" alone.
  var HOLDER_COLOURS = ['#0072B2', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  var CONTESTED = '#E69F00';
  var UNKNOWN = '#bdbdbd';
  var NO_INFO = '#ffffff';
  var DAY = FW.DAY;

  function typeIndex(type) { var i = EVENT_TYPES.indexOf(type); return i < 0 ? 6 : i; }

  function notice(message) {
    var box = document.getElementById('fw-notice');
    box.textContent = message;
    box.hidden = false;
  }

  function tileSettings() {
    var meta = document.querySelector('meta[name="fw-tiles"]');
    if (!meta || !/^https?:\/\//i.test(meta.getAttribute('content') || '')) return null;
    return {url: meta.getAttribute('content'), attribution: meta.getAttribute('data-attribution') || ''};
  }

  // Leaflet's attribution control takes HTML: a configured attribution is plain text, so escape it first.
  function escapeText(text) {
    var entities = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
    return String(text).replace(/[&<>"']/g, function (c) { return entities[c]; });
  }

  // --- the page -----------------------------------------------------------------------------------------------

  function start(source) {
    var map = L.map('map', {zoomSnap: 0.5, minZoom: 2, maxZoom: 14, worldCopyJump: true});
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    map.attributionControl.addAttribution(
      'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0) · Boundaries: ' +
      '<a href="https://www.geoboundaries.org/">geoBoundaries</a> · Outlines: Natural Earth (world-atlas)');
    map.setView([34, 66], 5);
    // A province's tint goes under the districts (whose own state then shows on top), its outline above them.
    map.createPane('fw-province-fill').style.zIndex = 390;
    map.createPane('fw-provinces').style.zIndex = 420;
    map.getPane('fw-province-fill').style.pointerEvents = 'none';
    map.getPane('fw-provinces').style.pointerEvents = 'none';

    var tiles = tileSettings();
    if (tiles) {
      L.tileLayer(tiles.url, {attribution: escapeText(tiles.attribution), maxZoom: 18, crossOrigin: false})
        .addTo(map);
      document.body.classList.add('fw-has-tiles');
    }
    if (window.FW_COUNTRIES && window.topojson) {
      var topo = window.FW_COUNTRIES;
      map.createPane('fw-base').style.zIndex = 250;  // above any tiles, under everything Frontwatch draws
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        interactive: false, pane: 'fw-base',
        style: {color: '#9a9a9a', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: tiles ? 0 : 1}
      }).addTo(map);
    }

    var state = {
      day: null, from: null, firstDay: null, lastDay: null, units: {}, holders: [], districts: {}, provinces: {},
      unitProps: {}, features: [], markers: {}, filters: {type: '', status: '', actor: ''}, openUnit: null
    };
    var listeners = [];
    var cluster = L.markerClusterGroup({chunkedLoading: true, maxClusterRadius: 40, showCoverageOnHover: false,
      spiderfyOnMaxZoom: true, animate: false});
    var icons = {};
    var panel = buildPanel();
    var legend = L.control({position: 'bottomright'});
    legend.onAdd = function () { return el('div', 'fw-panel fw-legend'); };
    legend.addTo(map);
    panel.addTo(map);

    function changed(what) { listeners.forEach(function (fn) { fn(what); }); }

    function holderColour(name) {
      var key = FW.holderKey(name);
      var i = state.holders.map(FW.holderKey).indexOf(key);
      return HOLDER_COLOURS[(i < 0 ? state.holders.length : i) % HOLDER_COLOURS.length];
    }

    function lookOf(st) {
      if (!st) return {fill: NO_INFO, status: 'none', holder: ''};
      if (st.status === 'contested') return {fill: CONTESTED, status: 'contested', holder: holderName(st) || ''};
      if (st.status === 'held' && holderName(st)) {
        return {fill: holderColour(holderName(st)), status: 'held', holder: holderName(st)};
      }
      return {fill: UNKNOWN, status: 'unknown', holder: ''};
    }

    function unitState(code, day) {
      var tl = state.units[code];
      return tl ? stateAt(tl.states, day === undefined ? state.day : day) : null;
    }

    function unitFill(code) { return lookOf(unitState(code)); }

    function paint(layers, look, province) {
      layers.forEach(function (layer) {
        if (province) {  // a province is coloured only where it is held or contested as a whole
          var on = look.status === 'held' || look.status === 'contested';
          layer.setStyle({fillColor: look.fill, fillOpacity: on ? 0.45 : 0});
        } else {
          layer.setStyle({fillColor: look.fill, fillOpacity: look.status === 'none' ? 0.15 : 0.75});
        }
        var path = layer.getElement && layer.getElement();
        if (path) {
          path.setAttribute('data-status', look.status);
          path.setAttribute('data-holder', look.holder);
        }
      });
    }

    function recolour() {
      Object.keys(state.districts).forEach(function (code) { paint(state.districts[code], unitFill(code), false); });
      Object.keys(state.provinces).forEach(function (code) { paint(state.provinces[code], unitFill(code), true); });
    }

    function buildLegend() {
      var box = legend.getContainer();
      box.textContent = '';
      box.appendChild(el('h2', null, 'Control'));
      function row(swatchClass, colour, label) {
        var line = el('div', 'fw-legend-row');
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
      row('fw-swatch fw-swatch-province', 'transparent', 'Province (outline; tinted when held as a whole)');
      box.appendChild(el('h2', null, 'Events'));
      EVENT_TYPES.forEach(function (t, i) { row('fw-dot fw-type-' + i, '', t); });
      var asof = el('p', 'fw-legend-asof');
      asof.id = 'fw-legend-asof';
      box.appendChild(asof);
    }

    function buildPanel() {
      var control = L.control({position: 'topright'});
      control.onAdd = function () {
        var box = el('div', 'fw-panel fw-controls');
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
        var range = el('div', 'fw-range');
        range.id = 'fw-range';
        range.hidden = true;
        var rangeText = el('span');
        rangeText.id = 'fw-range-text';
        var clear = el('button', 'fw-button', 'Clear range');
        clear.type = 'button';
        clear.id = 'fw-range-clear';
        clear.addEventListener('click', function () { setRange(null, state.day); });
        range.appendChild(rangeText);
        range.appendChild(clear);
        box.appendChild(range);
        [['type', 'Event type'], ['status', 'Status'], ['actor', 'Actor']].forEach(function (f) {
          var label = el('label', null, f[1]);
          label.setAttribute('for', 'fw-filter-' + f[0]);
          var select = el('select');
          select.id = 'fw-filter-' + f[0];
          select.appendChild(option('', 'All'));
          select.addEventListener('change', function () {
            state.filters[f[0]] = select.value;
            refreshMarkers();
            changed('filters');
          });
          box.appendChild(label);
          box.appendChild(select);
        });
        var unitLabel = el('label', null, 'District or province');
        unitLabel.setAttribute('for', 'fw-unit');
        var unitSelect = el('select');
        unitSelect.id = 'fw-unit';
        unitSelect.appendChild(option('', 'Open a unit’s history…'));
        unitSelect.addEventListener('change', function () {
          if (unitSelect.value && ctx.panel) ctx.panel.open(unitSelect.value);
        });
        box.appendChild(unitLabel);
        box.appendChild(unitSelect);
                var count = el('div', 'fw-count', 'Loading…');
        count.id = 'fw-count';
        count.setAttribute('aria-live', 'polite');
        box.appendChild(count);
        var downloads = el('div', 'fw-downloads');
        downloads.id = 'fw-downloads';
        box.appendChild(downloads);
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

    function showRange() {
      var box = document.getElementById('fw-range');
      box.hidden = state.from === null;
      if (state.from !== null) {
        document.getElementById('fw-range-text').textContent = 'Events ' + isoOf(state.from) + ' to ' +
          isoOf(state.day) + ' ';
      }
    }

    function setDay(day) {
      state.day = day;
      if (state.from !== null && state.from > day) state.from = null;  // a range never ends before it starts
      document.getElementById('fw-asof').value = String(day);
      document.getElementById('fw-asof-value').textContent = isoOf(day);
      var asof = document.getElementById('fw-legend-asof');
      if (asof) asof.textContent = 'As of ' + isoOf(day);
      showRange();
      recolour();
      refreshMarkers();
      document.getElementById('fw-print-head').textContent = 'Frontwatch — control as of ' + isoOf(day) +
        (state.from !== null ? ' · events ' + isoOf(state.from) + ' to ' + isoOf(day) : '') + ' · ' +
        document.getElementById('fw-count').textContent;
      changed('day');
    }

    // A brushed range [from, to]: events in it are shown and control is drawn as of its last day.
    function setRange(from, to) {
      state.from = from === null || from === undefined || from >= to ? null : Math.max(from, state.firstDay);
      setDay(Math.min(Math.max(to, state.firstDay), state.lastDay));
    }

    function passesFilters(p) {
      var f = state.filters;
      if (f.type && p.event_type !== f.type) return false;
      if (f.status && p.status !== f.status) return false;
      if (f.actor && p.actor1 !== f.actor && p.actor2 !== f.actor) return false;
      return true;
    }

    function visible(p) {
      if (p._day === undefined) p._day = dayNumber(p.event_date);
      if (p._day > state.day || (state.from !== null && p._day < state.from)) return false;
      return passesFilters(p);
    }

    function shownFeatures() {
      return state.features.filter(function (feat) { return feat.geometry && visible(feat.properties); });
    }

    function refreshMarkers() {
      var shown = [];
      var total = 0;
      state.features.forEach(function (feat) {
        if (!visible(feat.properties)) return;
        total += 1;
        if (feat.geometry) shown.push(markerFor(feat));
      });
      cluster.clearLayers();
      cluster.addLayers(shown);
      var count = document.getElementById('fw-count');
      count.textContent = shown.length.toLocaleString('en') + ' of ' + state.features.length.toLocaleString('en') +
        ' events shown';
      count.setAttribute('data-shown', String(total));
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
          fillEvidence(content.querySelector('.fw-evidence'), d.evidence);
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

    // One quoted sentence per claim, with who said it and a link to the report it is quoted from.
    function evidenceItem(item, stance) {
      var wrap = el('div', stance === 'contradicting' ? 'fw-contradicts' : 'fw-supports');
      var quote = el('blockquote', 'fw-quote', item.quote);
      quote.setAttribute('dir', 'auto');  // Dari and Pashto sentences read right to left
      if (item.claim) quote.setAttribute('data-claim-id', item.claim.claim_id);
      wrap.appendChild(quote);
      var chains = item.source_chains.map(function (c) { return c.join(' → '); }).join('; ');
      var doc = item.document;
      var origin = doc ? (doc.publisher || doc.title || doc.document_id.slice(0, 8)) : '';
      var cite = el('p', 'fw-cite');
      var said = (stance === 'contradicting' ? 'Contradicts — ' : '— ') + (chains || 'the publisher');
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
      return wrap;
    }

    function fillEvidence(ev, evidence) {
      ev.textContent = '';
      if (!evidence.length) ev.appendChild(el('p', null, 'No quoted sentence stored.'));
      evidence.forEach(function (item) { ev.appendChild(evidenceItem(item, item.stance)); });
    }

    function provinceOf(props) {
      return props.admin1 || (state.unitProps[props.unit_code.split('.').slice(0, 2).join('.')] || {}).name || '';
    }

    function tooltipFor(code) {
      var props = state.unitProps[code] || {unit_code: code};
      var tip = el('div', 'fw-tip');
      tip.appendChild(el('strong', null, props.name || code));
      var province = provinceOf(props);
      if (province && province !== props.name) tip.appendChild(el('div', 'fw-tip-province', province + ' province'));
      var st = unitState(code);
      var look = lookOf(st);
      var text = !st ? 'No information' : look.status === 'held' ? 'Held by ' + look.holder
        : look.status === 'contested' ? 'Contested' + (look.holder ? ' (last held by ' + look.holder + ')' : '')
        : 'Unknown';
      tip.appendChild(el('div', 'fw-tip-holder', text));
      if (st) {
        tip.appendChild(el('div', 'fw-tip-since', 'since ' + st.since + ' · confidence ' +
          Number(st.confidence).toFixed(2) + (st.evidence ? ' · ' + st.evidence : '')));
      }
      return tip;
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
          state.unitProps[code] = feature.properties;
          (state.districts[code] = state.districts[code] || []).push(lyr);
          lyr.bindTooltip(function () { return tooltipFor(code); }, {sticky: true});
          lyr.on('click', function () { if (ctx.panel) ctx.panel.open(code); });
        }
      }).addTo(map);
      layer.eachLayer(function (lyr) {
        var path = lyr.getElement();
        if (path) {
          path.setAttribute('data-unit', lyr.feature.properties.unit_code);
          path.classList.add('fw-district');
          path.setAttribute('tabindex', '-1');  // 400 tab stops would bury the controls: see the unit select
        }
      });
      return layer;
    }

    function drawProvinces(fc) {
      if (!fc.features.length) return null;
      L.geoJSON(fc, {
        pane: 'fw-province-fill', interactive: false, style: {stroke: false, fillColor: NO_INFO, fillOpacity: 0},
        onEachFeature: function (feature, lyr) {
          var code = feature.properties.unit_code;
          state.unitProps[code] = feature.properties;
          (state.provinces[code] = state.provinces[code] || []).push(lyr);
        }
      }).addTo(map).eachLayer(function (lyr) {
        var path = lyr.getElement();
        if (path) {
          path.setAttribute('data-unit', lyr.feature.properties.unit_code);
          path.classList.add('fw-province-fill');
        }
      });
      var layer = L.geoJSON(fc, {
        pane: 'fw-provinces', interactive: false, style: {color: '#222', weight: 1.8, fill: false}
      }).addTo(map);
      layer.eachLayer(function (lyr) {
        var path = lyr.getElement();
        if (path) {
          path.setAttribute('data-unit', lyr.feature.properties.unit_code);
          path.classList.add('fw-province');
        }
      });
      return layer;
    }

    function currentView() {
      var c = map.getCenter();
      return {day: state.day, from: state.from, filters: state.filters, zoom: map.getZoom(), center: [c.lat, c.lng],
        unit: state.openUnit};
    }

    // Puts the page in the view a URL hash describes; parts it lacks keep their defaults.
    function applyView(view, fallbackBounds) {
      ['type', 'status', 'actor'].forEach(function (k) {
        var select = document.getElementById('fw-filter-' + k);
        var value = view.filters[k] || '';
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
        select.value = known ? value : '';
        state.filters[k] = select.value;
      });
      var day = view.day !== undefined ? view.day : state.lastDay;
      state.from = null;
      setRange(view.from !== undefined ? view.from : null, day);
      if (view.zoom !== undefined) {
        map.setView(view.center, view.zoom, {animate: false});
      } else if (fallbackBounds && fallbackBounds.isValid()) {
        map.fitBounds(fallbackBounds, {maxZoom: 9, animate: false});  // "ready" must mean the view has settled
      }
      if (view.unit && ctx.panel) ctx.panel.open(view.unit); else if (ctx.panel) ctx.panel.close();
    }

    var ctx = {
      map: map, state: state, source: source, cluster: cluster, EVENT_TYPES: EVENT_TYPES,
      unitFill: unitFill, unitState: unitState, lookOf: lookOf, holderColour: holderColour, setDay: setDay,
      setRange: setRange, shownFeatures: shownFeatures, passesFilters: passesFilters, typeIndex: typeIndex,
      evidenceItem: evidenceItem, provinceOf: provinceOf, onChange: function (fn) { listeners.push(fn); },
      changed: changed, showEvent: null, openPopup: null, panel: null
    };

    Promise.all([source.boundaries(), source.timelines(), source.events(), source.provinces(), source.labels()])
      .then(function (res) {
        var districts = drawDistricts(res[0]);
        drawProvinces(res[3]);
        var tl = res[1];
        var holders = {};
        var days = [];
        tl.units.forEach(function (u) {
          state.units[u.unit_code] = u;
          u.states.forEach(function (st) {
            days.push(dayNumber(st.since));
            if (st.until) days.push(dayNumber(st.until));
            if (!st.holder) return;
            var key = FW.holderKey(st.holder.name);
            var spellings = holders[key] = holders[key] || {};
            spellings[st.holder.name] = (spellings[st.holder.name] || 0) + 1;
          });
        });
        // One legend entry per holder, named by its most used spelling.
        state.holders = Object.keys(holders).sort().map(function (k) {
          return Object.keys(holders[k]).sort(function (a, b) { return holders[k][b] - holders[k][a]; })[0].trim();
        });
        state.features = res[2];
        var types = {}, statuses = {}, actors = {};
        state.features.forEach(function (f) {
          var p = f.properties;
          p._day = dayNumber(p.event_date);
          days.push(p._day);
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
        // Units someone reported on, for the keyboard's way into a district's panel.
        var unitSelect = document.getElementById('fw-unit');
        tl.units.slice().sort(function (a, b) { return a.unit_name < b.unit_name ? -1 : 1; }).forEach(function (u) {
          unitSelect.appendChild(option(u.unit_code, u.unit_name + (u.level === 1 ? ' (province)' : '')));
        });
        var today = Math.floor(Date.now() / DAY);
        state.firstDay = days.length ? Math.min.apply(null, days) - 1 : today - 30;
        state.lastDay = days.length ? Math.max.apply(null, days) + 1 : today;
        var slider = document.getElementById('fw-asof');
        slider.min = String(state.firstDay);
        slider.max = String(state.lastDay);
        buildLegend();
        map.addLayer(cluster);
        ctx.panel = FW.panel.install(ctx);
        FW.timeline.install(ctx, document.getElementById('fw-timeline'));
        FW.exporter.install(ctx, document.getElementById('fw-downloads'));
        var pts = state.features.filter(function (f) { return f.geometry; }).map(function (f) {
          return [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        });
        var bounds = districts ? districts.getBounds() : null;
        if (pts.length) bounds = L.latLngBounds(pts).pad(0.5);
        map.invalidateSize({animate: false});  // the timeline took its height from the map's box
        applyView(FW.state.decode(location.hash), bounds);
        FW.labels.install(ctx, res[0], res[3], res[4]);
        var write = FW.state.writer();
        ctx.onChange(function () { write(currentView()); });
        map.on('moveend', function () { write(currentView()); });
        window.addEventListener('hashchange', function () {
          if (FW.state.encode(currentView()) !== location.hash.replace(/^#/, '')) {
            applyView(FW.state.decode(location.hash), null);
          }
        });
        window.fw.ready = true;
        document.body.setAttribute('data-ready', 'true');
      }).catch(function (err) {
        notice('Could not load the map data: ' + err.message);
        console.error(err);
      });

    // Zoom in until the event's marker leaves its cluster, spiderfying when markers share one spot (tests and
    // deep links use it). Synchronous because cluster animations are off: markercluster's own zoomToShowLayer
    // never calls back in some of these cases.
    function showEvent(id, done) {
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
    ctx.showEvent = showEvent;
    ctx.openPopup = function (id) {
      return showEvent(id, function () { state.markers[id].openPopup(); });
    };

    window.fw = {
      map: map,
      cluster: cluster,
      ready: false,
      setDay: setDay,
      setRange: setRange,
      dayNumber: dayNumber,
      showEvent: showEvent,
      openUnit: function (code) { if (ctx.panel) ctx.panel.open(code); }
    };
  }

  function boot() {
    var source = window.FRONTWATCH_DATA ? FW.sources.fromData(window.FRONTWATCH_DATA) : FW.sources.fromApi();
    start(source);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot); else boot();
})();
