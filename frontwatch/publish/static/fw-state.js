/* Frontwatch map page: the view in the URL hash (date, date range, filters, zoom, centre, open district), so a link
 * opens the same view. Pure encode/decode plus a writer that replaces the history entry (no back-button spam). */
(function () {
  'use strict';

  var KEYS = ['d', 'from', 'type', 'status', 'actor', 'z', 'c', 'u'];

  function decode(hash) {
    var params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
    var out = {};
    KEYS.forEach(function (k) { if (params.has(k)) out[k] = params.get(k); });
    var view = {};
    if (/^\d{4}-\d{2}-\d{2}$/.test(out.d || '')) view.day = FW.dayNumber(out.d);
    if (/^\d{4}-\d{2}-\d{2}$/.test(out.from || '')) view.from = FW.dayNumber(out.from);
    view.filters = {type: out.type || '', status: out.status || '', actor: out.actor || ''};
    var z = parseFloat(out.z);
    var c = (out.c || '').split(',').map(parseFloat);
    if (isFinite(z) && c.length === 2 && isFinite(c[0]) && isFinite(c[1])) {
      view.zoom = z;
      view.center = [c[0], c[1]];
    }
    if (out.u) view.unit = out.u;
    return view;
  }

  function encode(view) {
    var params = new URLSearchParams();
    if (view.day !== null && view.day !== undefined) params.set('d', FW.isoOf(view.day));
    if (view.from !== null && view.from !== undefined) params.set('from', FW.isoOf(view.from));
    ['type', 'status', 'actor'].forEach(function (k) { if (view.filters && view.filters[k]) params.set(k, view.filters[k]); });
    if (view.zoom !== undefined) {
      params.set('z', String(Math.round(view.zoom * 2) / 2));
      params.set('c', view.center[0].toFixed(4) + ',' + view.center[1].toFixed(4));
    }
    if (view.unit) params.set('u', view.unit);
    return params.toString();
  }

  // Writes at most once per animation frame: a slider drag changes the view many times a second.
  function writer() {
    var pending = null;
    return function (view) {
      if (pending === null) {
        requestAnimationFrame(function () {
          var text = encode(pending);
          pending = null;
          if (location.hash.replace(/^#/, '') !== text) history.replaceState(null, '', '#' + text);
        });
      }
      pending = view;
    };
  }

  FW.state = {decode: decode, encode: encode, writer: writer};
})();
