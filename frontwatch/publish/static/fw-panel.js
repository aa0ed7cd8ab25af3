/* Frontwatch map page: a district's panel, opened by clicking it. Its control timeline (holder by day, then each
 * state with its status, confidence and the claims and sources behind it, contradicting ones marked), and the events
 * placed in it, each opening its marker's popup. */
(function () {
  'use strict';

  var el = FW.el, svg = FW.svg, isoOf = FW.isoOf, dayNumber = FW.dayNumber;
  var MAX_EVENTS = 200;  // a panel lists the latest ones; the map and the download have them all

  function install(ctx) {
    var box = document.getElementById('fw-district');
    var state = ctx.state;
    var token = 0;

    function close() {
      if (box.hidden && state.openUnit === null) return;
      box.hidden = true;
      box.textContent = '';
      state.openUnit = null;
      ctx.changed('unit');
    }

    function describe(st) {
      var look = ctx.lookOf(st);
      return look.status === 'held' ? 'Held by ' + look.holder
        : look.status === 'contested' ? 'Contested' + (look.holder ? ' (' + look.holder + ')' : '') : 'Unknown';
    }

    // One cell a day from the first state to the last day shown, coloured as the map colours the unit that day.
    function strip(states) {
      var first = dayNumber(states[0].since);
      var last = Math.max(state.lastDay, first);
      var days = Math.min(last - first + 1, 730);
      var width = 300, cell = width / days;
      var chart = svg('svg', {'class': 'fw-strip', viewBox: '0 0 ' + width + ' 16', width: '100%', height: 16,
        role: 'img', 'aria-label': 'Holder by day from ' + isoOf(first) + ' to ' + isoOf(first + days - 1)});
      for (var i = 0; i < days; i++) {
        var st = FW.stateAt(states, first + i);
        var rect = svg('rect', {x: (i * cell).toFixed(2), y: 0, width: (cell + 0.05).toFixed(2), height: 16,
          fill: ctx.lookOf(st).fill, 'data-day': isoOf(first + i)});
        var title = svg('title');
        title.textContent = isoOf(first + i) + ': ' + (st ? describe(st) : 'no information');
        rect.appendChild(title);
        chart.appendChild(rect);
      }
      var cursor = state.day - first;
      if (cursor >= 0 && cursor < days) {
        chart.appendChild(svg('rect', {x: (cursor * cell).toFixed(2), y: 0, width: 1.5, height: 16, fill: '#000'}));
      }
      return chart;
    }

    function changeList(states, claimsBox) {
      var list = el('ol', 'fw-changes');
      states.forEach(function (st) {
        var li = el('li', 'fw-change');
        li.setAttribute('data-since', st.since);
        li.setAttribute('data-status', st.status);
        li.setAttribute('data-holder', st.holder ? st.holder.name : '');
        var head = el('p', 'fw-change-head');
        head.appendChild(el('strong', null, st.since + (st.until ? ' – ' + st.until : ' – ')));
        head.appendChild(document.createTextNode(' ' + describe(st) + ' · confidence ' +
          Number(st.confidence).toFixed(2) + (st.evidence ? ' · ' + st.evidence : '')));
        li.appendChild(head);
        var claims = el('div', 'fw-change-claims');
        claims.setAttribute('data-claims', String(st.claim_ids.length));
        claims.setAttribute('data-contradicting', String(st.contradicting_claim_ids.length));
        if (!st.claim_ids.length && !st.contradicting_claim_ids.length) {
          claims.appendChild(el('p', 'fw-muted', 'No claim behind this state (no report since).'));
        } else {
          claims.appendChild(el('p', 'fw-loading', 'Loading the claims…'));
        }
        claimsBox.push({state: st, box: claims});
        li.appendChild(claims);
        list.appendChild(li);
      });
      return list;
    }

    function fillClaims(entries, claims) {
      entries.forEach(function (entry) {
        var st = entry.state, target = entry.box;
        if (!st.claim_ids.length && !st.contradicting_claim_ids.length) return;
        target.textContent = '';
        [['supporting', st.claim_ids], ['contradicting', st.contradicting_claim_ids]].forEach(function (pair) {
          pair[1].forEach(function (id) {
            var item = claims[id];
            if (!item) {
              target.appendChild(el('p', 'fw-muted', 'Claim ' + id.slice(0, 10) + '… not in the store.'));
              return;
            }
            var node = ctx.evidenceItem(item, pair[0]);
            node.id = 'fw-claim-' + id;
            target.appendChild(node);
          });
        });
      });
    }

    function inUnit(p, code) {
      return p.unit_code === code || (p.unit_code && p.unit_code.indexOf(code + '.') === 0);
    }

    function eventList(code) {
      var found = state.features.filter(function (f) { return inUnit(f.properties, code); });
      found.sort(function (a, b) { return b.properties._day - a.properties._day; });
      var wrap = el('section', 'fw-unit-events');
      wrap.appendChild(el('h3', null, 'Events here (' + found.length + ')'));
      if (!found.length) wrap.appendChild(el('p', 'fw-muted', 'No event placed in this unit.'));
      var list = el('ul', 'fw-event-list');
      found.slice(0, MAX_EVENTS).forEach(function (f) {
        var p = f.properties;
        var li = el('li');
        var button = el('button', 'fw-link', p.event_date + ' · ' + p.sub_event_type + (p.place ? ' · ' + p.place : ''));
        button.type = 'button';
        button.setAttribute('data-event-id', p.event_id);
        button.disabled = !f.geometry;
        button.addEventListener('click', function () {
          if (!ctx.passesFilters(p) || p._day > state.day || (state.from !== null && p._day < state.from)) {
            ctx.setRange(null, Math.max(p._day, state.day));  // bring the event into the shown range first
          }
          ctx.openPopup(p.event_id);
        });
        li.appendChild(button);
        list.appendChild(li);
      });
      wrap.appendChild(list);
      return wrap;
    }

    function open(code) {
      var mine = ++token;
      var props = state.unitProps[code] || {unit_code: code};
      var tl = state.units[code];
      box.textContent = '';
      box.hidden = false;
      box.setAttribute('data-unit', code);
      state.openUnit = code;
      var head = el('div', 'fw-district-head');
      var title = el('h2', null, props.name || (tl && tl.unit_name) || code);
      title.tabIndex = -1;
      head.appendChild(title);
      var shut = el('button', 'fw-close', '×');
      shut.type = 'button';
      shut.setAttribute('aria-label', 'Close the district panel');
      shut.addEventListener('click', close);
      head.appendChild(shut);
      box.appendChild(head);
      var province = ctx.provinceOf(props) || (tl && tl.admin1) || '';
      if (province && province !== title.textContent) box.appendChild(el('p', 'fw-sub', province + ' province'));
      var section = el('section', 'fw-control-timeline');
      section.appendChild(el('h3', null, 'Control timeline'));
      var entries = [];
      if (!tl || !tl.states.length) {
        section.appendChild(el('p', 'fw-muted', 'No report says who holds it.'));
      } else {
        var states = tl.states.slice().sort(function (a, b) { return a.since < b.since ? -1 : a.since > b.since ? 1 : 0; });
        section.appendChild(strip(states));
        section.appendChild(changeList(states, entries));
        ctx.source.unitClaims(states, code).then(function (claims) {
          if (mine === token) fillClaims(entries, claims || {});
        }).catch(function (err) {
          if (mine === token) section.appendChild(el('p', 'fw-error', 'Could not load the claims: ' + err.message));
        });
      }
      box.appendChild(section);
      box.appendChild(eventList(code));
      title.focus({preventScroll: true});
      ctx.changed('unit');
    }

    box.addEventListener('keydown', function (e) { if (e.key === 'Escape') close(); });
    ctx.onChange(function (what) {
      if (what === 'day' && state.openUnit && !box.hidden) {
        var old = box.querySelector('.fw-strip');
        var tl = state.units[state.openUnit];
        if (old && tl) {
          var states = tl.states.slice().sort(function (a, b) { return a.since < b.since ? -1 : 1; });
          old.parentNode.replaceChild(strip(states), old);
        }
      }
    });
    return {open: open, close: close};
  }

  FW.panel = {install: install};
})();
