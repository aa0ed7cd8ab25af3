/* Frontwatch map page: where the data comes from. Embedded (window.FRONTWATCH_DATA, written by `frontwatch map`
 * beside a static page that opens from file://) or the REST API of `frontwatch serve`; both give the same shapes. */
(function () {
  'use strict';

  function staticSource(data) {
    var empty = {type: 'FeatureCollection', features: []};
    return {
      boundaries: function () { return Promise.resolve(data.boundaries); },
      provinces: function () { return Promise.resolve(data.provinces || empty); },
      labels: function () { return Promise.resolve(data.labels || {towns: []}); },
      timelines: function () { return Promise.resolve(data.timelines); },
      events: function () { return Promise.resolve(data.events.features); },
      detail: function (id) {
        var d = data.details[id];
        return d ? Promise.resolve(d) : Promise.reject(new Error('no details for event ' + id));
      },
      unitClaims: function (states) {
        var all = data.claims || {}, out = {};
        states.forEach(function (st) {
          st.claim_ids.concat(st.contradicting_claim_ids).forEach(function (id) { if (all[id]) out[id] = all[id]; });
        });
        return Promise.resolve(out);
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
      provinces: function () { return getJSON('boundaries?level=1'); },
      labels: function () { return getJSON('map/labels'); },
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
      unitClaims: function (states, code) {
        return getJSON('map/units/' + encodeURIComponent(code) + '/claims').then(function (r) { return r.claims; });
      },
      documentLink: function (id) { return 'documents/' + encodeURIComponent(id); }
    };
  }

  FW.sources = {fromData: staticSource, fromApi: apiSource};
})();
