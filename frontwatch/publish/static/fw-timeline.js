/* Frontwatch map page: the timeline under the map. Events per day stacked by type (bars) and fatalities per day
 * (line, right scale), for the events the filters let through. Dragging across it (or Shift+arrows) picks a date
 * range that the map then shows; a click (or arrows) sets the "as of" day. The slider and the chart share one state,
 * so either moves the other. Drawn as plain SVG: one path per event type keeps 10,000 events to a dozen nodes. */
(function () {
  'use strict';

  var el = FW.el, svg = FW.svg, isoOf = FW.isoOf;
  var TYPE_COLOURS = ['#d62728', '#ff7f0e', '#9467bd', '#2ca02c', '#8c564b', '#1f77b4', '#7f7f7f'];
  var M = {left: 40, right: 44, top: 10, bottom: 20};

  function install(ctx, host) {
    var state = ctx.state;
    var width = 0, height = 0, bins = null;
    var root = svg('svg', {'class': 'fw-chart', tabindex: 0, role: 'slider', 'aria-valuemin': state.firstDay,
      'aria-valuemax': state.lastDay,
      'aria-label': 'Timeline: events per day by type and fatalities. Arrows move the day, Shift+arrows widen ' +
        'the range, Escape clears it; drag to pick a range.'});
    host.textContent = '';
    host.appendChild(root);
    var legend = el('div', 'fw-chart-legend');
    ctx.EVENT_TYPES.forEach(function (t, i) {
      var item = el('span', 'fw-chart-key');
      var sw = el('span', 'fw-chart-swatch');
      sw.style.background = TYPE_COLOURS[i];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(t));
      legend.appendChild(item);
    });
    var fatal = el('span', 'fw-chart-key');
    fatal.appendChild(el('span', 'fw-chart-swatch fw-chart-swatch-line'));
    fatal.appendChild(document.createTextNode('Fatalities'));
    legend.appendChild(fatal);
    host.appendChild(legend);

    var span = function () { return Math.max(state.lastDay - state.firstDay, 1); };
    function xOf(day) { return M.left + (day - state.firstDay) / span() * (width - M.left - M.right); }
    function dayAt(x) {
      var d = state.firstDay + (x - M.left) / (width - M.left - M.right) * span();
      return Math.min(Math.max(Math.round(d), state.firstDay), state.lastDay);
    }

    function count() {
      var n = span() + 1;
      var byType = ctx.EVENT_TYPES.concat(['other']).map(function () { return new Float64Array(n); });
      var dead = new Float64Array(n);
      state.features.forEach(function (f) {
        var p = f.properties;
        if (!ctx.passesFilters(p)) return;
        var i = p._day - state.firstDay;
        if (i < 0 || i >= n) return;
        byType[ctx.typeIndex(p.event_type)][i] += 1;
        dead[i] += p.fatalities || 0;
      });
      var total = new Float64Array(n), maxTotal = 0, maxDead = 0;
      for (var i = 0; i < n; i++) {
        for (var t = 0; t < byType.length; t++) total[i] += byType[t][i];
        maxTotal = Math.max(maxTotal, total[i]);
        maxDead = Math.max(maxDead, dead[i]);
      }
      return {byType: byType, dead: dead, maxTotal: maxTotal, maxDead: maxDead, n: n};
    }

    var cursor, brush, area;
    function draw() {
      width = Math.max(host.clientWidth, 200);
      height = Math.max(root.getBoundingClientRect().height || 0, 80);
      root.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
      root.textContent = '';
      bins = count();
      var plotH = height - M.top - M.bottom;
      var barW = Math.max((width - M.left - M.right) / bins.n - 1, 1);
      var yOf = function (v) { return M.top + plotH - v / Math.max(bins.maxTotal, 1) * plotH; };
      var base = new Float64Array(bins.n);
      bins.byType.forEach(function (series, t) {
        var d = [];
        for (var i = 0; i < bins.n; i++) {
          if (!series[i]) continue;
          var x = xOf(state.firstDay + i) - barW / 2;
          var y0 = yOf(base[i]), y1 = yOf(base[i] + series[i]);
          d.push('M' + x.toFixed(1) + ' ' + y0.toFixed(1) + 'V' + y1.toFixed(1) + 'h' + barW.toFixed(1) +
            'V' + y0.toFixed(1) + 'Z');
          base[i] += series[i];
        }
        if (d.length) {
          root.appendChild(svg('path', {'class': 'fw-bars fw-bars-' + t, d: d.join(''), fill: TYPE_COLOURS[t]}));
        }
      });
      if (bins.maxDead > 0) {
        var pts = [];
        for (var i = 0; i < bins.n; i++) {
          pts.push(xOf(state.firstDay + i).toFixed(1) + ',' +
            (M.top + plotH - bins.dead[i] / bins.maxDead * plotH).toFixed(1));
        }
        root.appendChild(svg('polyline', {'class': 'fw-fatalities', points: pts.join(' '), fill: 'none'}));
      }
      // Axes: the peaks on each side, and a few dates along the bottom.
      var left = svg('text', {x: M.left - 4, y: M.top + 8, 'text-anchor': 'end', 'class': 'fw-axis'});
      left.textContent = String(bins.maxTotal);
      root.appendChild(left);
      var right = svg('text', {x: width - M.right + 4, y: M.top + 8, 'class': 'fw-axis fw-axis-dead'});
      right.textContent = bins.maxDead ? bins.maxDead + ' killed' : '';
      root.appendChild(right);
      var ticks = Math.min(6, span());
      for (var k = 0; k <= ticks; k++) {
        var day = Math.round(state.firstDay + k * span() / ticks);
        var tick = svg('text', {x: xOf(day), y: height - 5, 'text-anchor': k === 0 ? 'start' : k === ticks ? 'end' : 'middle',
          'class': 'fw-axis'});
        tick.textContent = isoOf(day);
        root.appendChild(tick);
      }
      brush = svg('rect', {'class': 'fw-brush', y: M.top, height: plotH, x: 0, width: 0});
      cursor = svg('line', {'class': 'fw-cursor', y1: M.top - 4, y2: M.top + plotH});
      area = svg('rect', {'class': 'fw-brush-area', x: M.left, y: 0, width: width - M.left - M.right, height: height,
        fill: 'transparent', 'data-first-day': state.firstDay, 'data-last-day': state.lastDay});
      root.appendChild(brush);
      root.appendChild(cursor);
      root.appendChild(area);
      sync();
    }

    function showBrush(a, b) {
      if (a === null) {
        brush.setAttribute('width', 0);
        return;
      }
      var x0 = xOf(Math.min(a, b)), x1 = xOf(Math.max(a, b));
      brush.setAttribute('x', x0.toFixed(1));
      brush.setAttribute('width', Math.max(x1 - x0, 1).toFixed(1));
    }

    function sync() {
      if (!cursor) return;
      var x = xOf(state.day).toFixed(1);
      cursor.setAttribute('x1', x);
      cursor.setAttribute('x2', x);
      showBrush(state.from, state.day);
      root.setAttribute('aria-valuenow', state.day);
      root.setAttribute('aria-valuetext', (state.from !== null ? isoOf(state.from) + ' to ' : 'as of ') + isoOf(state.day));
    }

    var dragFrom = null;
    function localX(e) { return e.clientX - root.getBoundingClientRect().left; }
    root.addEventListener('pointerdown', function (e) {
      dragFrom = dayAt(localX(e));
      root.setPointerCapture(e.pointerId);
      showBrush(dragFrom, dragFrom);
    });
    root.addEventListener('pointermove', function (e) { if (dragFrom !== null) showBrush(dragFrom, dayAt(localX(e))); });
    root.addEventListener('pointerup', function (e) {
      if (dragFrom === null) return;
      var to = dayAt(localX(e)), from = dragFrom;
      dragFrom = null;
      if (to === from) ctx.setRange(null, to); else ctx.setRange(Math.min(from, to), Math.max(from, to));
    });
    root.addEventListener('keydown', function (e) {
      var step = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
      if (e.key === 'PageUp' || e.key === 'PageDown') step = e.key === 'PageUp' ? 7 : -7;
      if (step && e.shiftKey) {  // Shift moves the range's start; the day stays
        var from = state.from === null ? state.day : state.from;
        ctx.setRange(Math.min(from + step, state.day - 1), state.day);
      } else if (step) {
        ctx.setRange(state.from, state.day + step);
      } else if (e.key === 'Home' || e.key === 'End') {
        ctx.setRange(null, e.key === 'Home' ? state.firstDay : state.lastDay);
      } else if (e.key === 'Escape') {
        ctx.setRange(null, state.day);
      } else {
        return;
      }
      e.preventDefault();
    });

    ctx.onChange(function (what) { if (what === 'filters') draw(); else if (what === 'day') sync(); });
    var resizing = null;
    window.addEventListener('resize', function () {
      clearTimeout(resizing);
      resizing = setTimeout(draw, 100);
    });
    draw();
    return {draw: draw, xOf: xOf, dayAt: dayAt, bins: function () { return bins; }};
  }

  FW.timeline = {install: install, TYPE_COLOURS: TYPE_COLOURS};
})();
