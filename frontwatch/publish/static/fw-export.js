/* Frontwatch map page: "download what is shown". The events the map shows (day or range, filters) as CSV with
 * ACLED's columns (the server's CSV order; the page fills what its event features carry) or as GeoJSON. Text cells
 * a spreadsheet would run as a formula get a leading ' (as frontwatch.publish.exports.csv_safe does). */
(function () {
  'use strict';

  var el = FW.el;
  // frontwatch.publish.exports.ACLED_COLUMNS then the extra columns the page knows (tests compare the two lists).
  var ACLED_COLUMNS = [
    'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
    'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
    'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
    'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp'
  ];
  var EXTRA_COLUMNS = ['admin2_code', 'status', 'confidence'];
  var DISORDER = {'Battles': 'Political violence', 'Explosions/Remote violence': 'Political violence',
    'Violence against civilians': 'Political violence', 'Riots': 'Political violence',
    'Protests': 'Demonstrations', 'Strategic developments': 'Strategic developments'};
  var FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r'];

  function csvSafe(value) {
    if (typeof value === 'string' && FORMULA_PREFIXES.some(function (p) { return value.indexOf(p) === 0; })) {
      return "'" + value;
    }
    return value;
  }

  function csvCell(value) {
    if (value === null || value === undefined) return '';
    var text = String(csvSafe(value));
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function acledRow(feat) {
    var p = feat.properties;
    var c = feat.geometry ? feat.geometry.coordinates : [null, null];
    return {
      event_id_cnty: p.event_id, event_date: p.event_date, year: Number(p.event_date.slice(0, 4)),
      time_precision: p.time_precision, disorder_type: DISORDER[p.event_type] || '', event_type: p.event_type,
      sub_event_type: p.sub_event_type, actor1: p.actor1 || '', actor2: p.actor2 || '', admin1: p.admin1 || '',
      admin2: p.admin2 || '', location: p.place, latitude: c[1], longitude: c[0], geo_precision: p.geo_precision,
      source: (p.sources || []).join('; '), fatalities: p.fatalities, tags: 'status=' + p.status,
      admin2_code: p.unit_code || '', status: p.status, confidence: p.confidence
    };
  }

  function toCSV(features) {
    var cols = ACLED_COLUMNS.concat(EXTRA_COLUMNS);
    var lines = [cols.join(',')];
    features.forEach(function (f) {
      var row = acledRow(f);
      lines.push(cols.map(function (k) { return csvCell(row[k]); }).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  }

  function clean(props) {  // the page's own bookkeeping (keys starting with _) stays out of the file
    var out = {};
    Object.keys(props).forEach(function (k) { if (k.charAt(0) !== '_') out[k] = props[k]; });
    return out;
  }

  function toGeoJSON(features) {
    return JSON.stringify({type: 'FeatureCollection', features: features.map(function (f) {
      return {type: 'Feature', id: f.properties.event_id, geometry: f.geometry, properties: clean(f.properties)};
    })});
  }

  function save(text, type, name) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = el('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function fileStem(ctx) {
    var s = ctx.state;
    return 'frontwatch-events-' + (s.from !== null ? FW.isoOf(s.from) + '-to-' : 'to-') + FW.isoOf(s.day);
  }

  function install(ctx, box) {
    box.appendChild(el('span', 'fw-downloads-label', 'Download shown: '));
    [['csv', 'CSV', 'text/csv;charset=utf-8', toCSV], ['geojson', 'GeoJSON', 'application/geo+json', toGeoJSON]]
      .forEach(function (f) {
        var button = el('button', 'fw-button', f[1]);
        button.type = 'button';
        button.id = 'fw-download-' + f[0];
        button.setAttribute('aria-label', 'Download the events shown as ' + f[1]);
        button.addEventListener('click', function () {
          save(f[3](ctx.shownFeatures()), f[2], fileStem(ctx) + '.' + f[0]);
        });
        box.appendChild(button);
      });
  }

  FW.exporter = {install: install, toCSV: toCSV, toGeoJSON: toGeoJSON, csvSafe: csvSafe, ACLED_COLUMNS: ACLED_COLUMNS};
})();
