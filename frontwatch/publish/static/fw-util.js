/* Frontwatch map page: helpers shared by the page's scripts (window.FW). Every string from the data reaches the page
 * through textContent or setAttribute, never as HTML: el() is the only way the scripts make elements. */
(function () {
  'use strict';

  var DAY = 86400000;
  var SVG_NS = 'http://www.w3.org/2000/svg';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function dayNumber(iso) { return Math.round(Date.parse(iso + 'T00:00:00Z') / DAY); }
  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }

  // The state in force on `day`: the latest one that began on or before it and had not ended before it.
  function stateAt(states, day) {
    var found = null;
    for (var i = 0; i < states.length; i++) {
      var st = states[i];
      if (st._since === undefined) st._since = dayNumber(st.since);
      if (st._since <= day && (!found || st._since >= found._since)) found = st;
    }
    if (found && found.until && dayNumber(found.until) < day) return null;
    return found;
  }

  function holderName(state) { return state && state.holder ? state.holder.name : null; }

  // Fusion merges an actor's spellings into one name; the legend and the colours key on that name, folded so that
  // case or spacing never makes two entries of one holder.
  function holderKey(name) { return String(name || '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim(); }

  window.FW = {
    DAY: DAY, el: el, svg: svg, dayNumber: dayNumber, isoOf: isoOf, stateAt: stateAt, holderName: holderName,
    holderKey: holderKey
  };
})();
