/* geozones map runtime (time): the calendar time axis, the state of any day, control layers.
 *
 * The page holds, for every change day, the positions of the features (and control rows)
 * in force from that day on, as Python's Timeline.in_force computed them. The state of
 * any day d is the state of the last change day on or before d: none before the first.
 */
(function () {
  "use strict";
  var G = window.geozones;
  var el = G.el;
  G.control = { groups: {}, data: null };

  /* Show exactly the features at the given positions; return how many are drawn and hidden. */
  G.setDate = function (groups, positions) {
    var on = {};
    positions.forEach(function (p) { on[p] = true; });
    var drawn = 0, hidden = 0;
    groups.forEach(function (group) {
      var added = false;
      var visible = G.map ? G.map.hasLayer(group) : true;
      group._gzItems.forEach(function (item) {
        var now = !!on[item.pos];
        if (now) { if (visible) drawn += 1; else hidden += 1; }
        if (now && !group.hasLayer(item.layer)) { group.addLayer(item.layer); added = true; }
        if (!now && group.hasLayer(item.layer)) group.removeLayer(item.layer);
      });
      if (added && visible) restack(group);
    });
    document.documentElement.setAttribute("data-gz-active", String(drawn));
    return { drawn: drawn, hidden: hidden };
  };

  /* Within a layer's panes, draw its features in data order (large areas below). */
  function restack(group) {
    group._gzItems.forEach(function (item) {
      if (group.hasLayer(item.layer)) {
        item.layer.eachLayer(function (part) { if (part.bringToFront) part.bringToFront(); });
      }
    });
  }

  var EVENT_WORDS = { start: "comes into force", end: "no longer in force", signed: "signed" };

  function focusLink(map, name, id) {
    var node = el("span", "gz-event-name", name);
    if (map && G.features[id]) {
      node.classList.add("gz-event-link");
      node.setAttribute("role", "button");
      node.tabIndex = 0;
      node.title = "Show on the map";
      var go = function (ev) {
        if (ev.type === "keydown" && ev.key !== "Enter" && ev.key !== " ") return;
        ev.preventDefault();
        G.focus(map, id);
      };
      node.addEventListener("click", go);
      node.addEventListener("keydown", go);
    }
    return node;
  }

  function eventList(events, d, meta, map) {
    var list = el("ul", "gz-events");
    (events || []).forEach(function (e) {
      var li = el("li", "gz-event gz-event-" + (EVENT_WORDS[e.type] ? e.type : "other"));
      var kind = meta.kinds[e.kind];
      li.appendChild(e.type === "start" ? focusLink(map, e.name, e.id) : el("span", "gz-event-name", e.name));
      var when = e.date && e.date !== d ? " on " + G.formatDate(e.date) : "";
      li.appendChild(document.createTextNode(" " + (EVENT_WORDS[e.type] || e.type) + when +
          (kind ? " (" + kind.label.toLowerCase() + ")" : "")));
      list.appendChild(li);
    });
    return list;
  }

  function inForceList(positions, data, map) {
    var box = el("details", "gz-in-force");
    box.appendChild(el("summary", null, "In force on this day (" + positions.length + ")"));
    var list = el("ul", "gz-in-force-list");
    positions.forEach(function (p) {
      var props = data.features[p].properties;
      var li = el("li");
      li.appendChild(focusLink(map, props.name, props.id));
      li.appendChild(el("span", "gz-in-force-when", " — in force " + G.inForceText(props)));
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  /* The caption of day d: the date (announced), counts, the honest note, events, the list. */
  function fillCaption(parts, d, k, cfg, counts, meta, map, data) {
    parts.date.textContent = G.formatDate(d);
    var shown = counts.drawn + (counts.drawn === 1 ? " feature" : " features") + " in force";
    if (counts.hidden) shown += " (and " + counts.hidden + " in hidden layers)";
    parts.active.textContent = shown;
    var body = parts.body;
    body.textContent = "";
    var days = cfg.days, last = days[days.length - 1];
    if (k < 0) {
      body.appendChild(el("div", "gz-note", "Before the first recorded change (" + G.formatDate(days[0]) +
          "): nothing in force on this map."));
    } else if (d > last && !cfg.fixed) {
      body.appendChild(el("div", "gz-note", "No change recorded after " + G.formatDate(last) +
          ": the state of that day continues."));
    }
    var today = cfg.events[d];
    if (today && today.length) {
      body.appendChild(eventList(today, d, meta, map));
    } else if (k >= 0 && !cfg.fixed) {
      var since = days[k];
      var before = cfg.events[since] || [];
      body.appendChild(el("div", "gz-since", "Unchanged since " + G.formatDate(since) +
          (before.length ? ":" : ".")));
      if (before.length) body.appendChild(eventList(before, since, meta, map));
    }
    var positions = k >= 0 ? cfg.states[k] : [];
    if (positions.length) body.appendChild(inForceList(positions, data, map));
  }

  function button(text, label, className) {
    var b = el("button", "gz-btn " + (className || ""), text);
    b.type = "button";
    b.title = label;
    b.setAttribute("aria-label", label);
    return b;
  }

  /* The ticks under the slider: years labelled, months marked (labelled on short axes),
     change days marked above. Positions are proportional to time. */
  function ticks(start, end, days) {
    var span = Math.max(1, end - start);
    var box = el("div", "gz-ticks");
    box.setAttribute("aria-hidden", "true");
    var first = new Date(start * 86400000);
    var y = first.getUTCFullYear(), m = first.getUTCMonth();
    var everyMonth = span <= 800, quarter = span <= 1100;
    var yearStep = span > 365 * 12 ? 2 : 1;
    for (;;) {
      var iso = y + "-" + (m < 9 ? "0" : "") + (m + 1) + "-01";
      var n = G.dayNum(iso);
      if (n > end) break;
      if (n >= start) {
        var left = (100 * (n - start) / span).toFixed(3) + "%";
        var year = m === 0;
        var t = el("span", "gz-tick " + (year ? "gz-tick-year" : "gz-tick-month"));
        t.style.left = left;
        box.appendChild(t);
        var label = null;
        if (year && y % yearStep === 0) label = String(y);
        else if (!year && (everyMonth || (quarter && m % 3 === 0))) label = G.MONTHS[m];
        if (label) {
          var lab = el("span", "gz-tick-label" + (year ? " gz-tick-label-year" : ""), label);
          lab.style.left = left;
          box.appendChild(lab);
        }
      }
      m += 1;
      if (m === 12) { m = 0; y += 1; }
    }
    days.forEach(function (d) {
      var n = G.dayNum(d);
      var c = el("span", "gz-change-mark");
      c.style.left = (100 * (n - start) / span).toFixed(3) + "%";
      c.title = "Change on " + G.formatDate(d);
      c.setAttribute("data-gz-day", d);
      box.appendChild(c);
    });
    return box;
  }

  /* Area held per party (km²) on the change days; click a point to jump to its day. The
     chart is one tab stop: the arrow keys move between change days (left/right) and parties
     (up/down), Home/End to the first/last day, Enter or Space jumps to the point's day. */
  function chart(control, start, end, jump) {
    var c = control.chart, span = Math.max(1, end - start);
    var box = el("div", "gz-chart");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Area held per party over time (km²); the points are change " +
      "days: arrow keys move between them, Enter shows a point's day");
    var max = 0;
    Object.keys(c.km2).forEach(function (p) { c.km2[p].forEach(function (v) { max = Math.max(max, v); }); });
    if (!max) return box;
    var s = G.svg(1000, 50);
    s.setAttribute("preserveAspectRatio", "none");
    var grid = [];
    control.parties.forEach(function (party, pi) {
      var values = c.km2[party.id] || [], row = [];
      grid.push(row);
      var pts = c.days.map(function (d, i) {
        var x = 1000 * (G.dayNum(d) - start) / span, yv = 48 - 44 * values[i] / max;
        return x.toFixed(1) + "," + yv.toFixed(1);
      });
      if (pts.length) pts.push((1000 * (end - start) / span).toFixed(1) + "," + pts[pts.length - 1].split(",")[1]);
      s.appendChild(G.shape("polyline", { points: pts.join(" "), fill: "none", stroke: party.colour,
        "stroke-width": 2, "vector-effect": "non-scaling-stroke" }));
      c.days.forEach(function (d, i) {
        var dot = el("span", "gz-chart-point");
        dot.style.left = (100 * (G.dayNum(d) - start) / span).toFixed(3) + "%";
        dot.style.top = (100 * (48 - 44 * values[i] / max) / 50).toFixed(2) + "%";
        dot.style.background = party.colour;
        dot.title = party.label + ": " + values[i].toLocaleString("en") + " km² on " + G.formatDate(d);
        dot.setAttribute("data-gz-day", d);
        dot.id = "gz-chart-" + pi + "-" + i;
        dot.setAttribute("role", "img");
        dot.setAttribute("aria-label", dot.title);
        dot.addEventListener("click", function () { jump(d); });
        box.appendChild(dot);
        row.push(dot);
      });
    });
    box.insertBefore(s, box.firstChild);
    if (grid.length && grid[0].length) chartKeys(box, grid, jump);
    return box;
  }

  /* Roving focus over the chart's points (aria-activedescendant on the one tab stop). */
  function chartKeys(box, grid, jump) {
    var at = [0, grid[0].length - 1];
    function show() {
      grid.forEach(function (row) { row.forEach(function (p) { p.classList.remove("gz-chart-active"); }); });
      var p = grid[at[0]][at[1]];
      p.classList.add("gz-chart-active");
      box.setAttribute("aria-activedescendant", p.id);
    }
    box.tabIndex = 0;
    box.addEventListener("focus", show);
    box.addEventListener("blur", function () {
      var p = grid[at[0]][at[1]];
      if (p) p.classList.remove("gz-chart-active");
    });
    box.addEventListener("keydown", function (ev) {
      var last = grid[at[0]].length - 1, moves = {
        ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0],
        Home: [0, -last - 1], End: [0, last + 1]
      };
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        jump(grid[at[0]][at[1]].getAttribute("data-gz-day"));
        return;
      }
      var m = moves[ev.key];
      if (!m) return;
      ev.preventDefault();
      ev.stopPropagation();
      at[0] = Math.max(0, Math.min(grid.length - 1, at[0] + m[0]));
      at[1] = Math.max(0, Math.min(grid[at[0]].length - 1, at[1] + m[1]));
      show();
    });
  }

  function stepFrom(d, unit, days, dir) {
    if (unit === "change") {
      var k = G.lastOnOrBefore(days, d);
      if (dir > 0) return k + 1 < days.length ? days[k + 1] : null;
      if (k >= 0 && days[k] === d) k -= 1;
      return k >= 0 ? days[k] : null;
    }
    if (unit === "day") return G.isoOf(G.dayNum(d) + dir);
    if (unit === "week") return G.isoOf(G.dayNum(d) + 7 * dir);
    var p = d.split("-").map(Number), m = p[1] - 1 + dir, y = p[0] + Math.floor(m / 12);
    m = ((m % 12) + 12) % 12;
    var last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return y + "-" + (m < 9 ? "0" : "") + (m + 1) + "-" + String(Math.min(p[2], last)).padStart(2, "0");
  }

  /* Control paths are large: once drawn they are hidden and shown again (no new
     projection of thousands of points at each step of the axis). */
  function showPart(group, item, on) {
    if (on && !group.hasLayer(item.layer)) { group.addLayer(item.layer); item.shown = true; return; }
    if (!group.hasLayer(item.layer) || item.shown === on) return;
    item.shown = on;
    item.layer.eachLayer(function (p) {
      var node = p.getElement && p.getElement();
      if (node) node.style.display = on ? "" : "none";
    });
  }
  G.controlShown = function (item) { return !!item.shown; };

  function updateControl(k, cfg) {
    var c = G.control, data = c.data;
    if (!data) return;
    var day = k >= 0 ? cfg.days[k] : null;
    Object.keys(c.groups).forEach(function (role) {
      var g = c.groups[role];
      var on = {};
      if (k >= 0 && role === "areas") data.area_states[k].forEach(function (i) { on[i] = true; });
      if (k >= 0 && role === "lines") data.line_states[k].forEach(function (i) { on[i] = true; });
      g._gzItems.forEach(function (item, i) {
        var now = role === "changes" ? item.props.day === day : !!on[i];
        showPart(g, item, now);
      });
    });
  }

  /* A control layer: areas by party, the contact line, or what changed (outlined). */
  G.controlLayer = function (map, control, role, name) {
    G.control.data = control;
    var colours = {};
    control.parties.forEach(function (p) { colours[p.id] = p.colour; });
    var pane = role === "areas" ? G.ensurePane(map, "gz-control", 300, "gz-control-pane")
      : G.ensurePane(map, "gz-control-" + role, role === "lines" ? 399 : 398);
    var group = L.featureGroup();
    group._gzItems = control[role].features.map(function (f) {
      var colour = colours[f.properties.party] || "#111111";
      var style = role === "areas" ? { stroke: false, fillColor: colour, fillOpacity: 1 }
        : role === "lines" ? { color: "#111111", weight: 2.5, fill: false }
        : { color: colour, weight: 2.5, dashArray: "4 3", fill: false };
      style.pane = pane;
      style.interactive = false;
      style.className = "gz-control gz-control-" + role;
      return { layer: L.geoJSON(f, { style: function () { return style; } }), props: f.properties };
    });
    G.control.groups[role] = group;
    return G.register(group, name);
  };

  /* The time control: a calendar axis (or one fixed date) and the caption of the day. */
  G.timeControl = function (map, cfg, meta, control) {
    var data = null;
    var Control = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var root = el("div", "gz-panel gz-time");
        L.DomEvent.disableClickPropagation(root);
        L.DomEvent.disableScrollPropagation(root);
        var caption = el("div", "gz-caption");
        var head = el("div", "gz-caption-head");
        var date = el("div", "gz-date");
        date.setAttribute("role", "status");
        date.setAttribute("aria-live", "polite");
        date.setAttribute("aria-atomic", "true");
        var active = el("div", "gz-active");
        head.appendChild(date);
        head.appendChild(active);
        var body = el("div", "gz-caption-body");
        caption.appendChild(head);
        caption.appendChild(body);
        head.addEventListener("click", function () { root.classList.toggle("gz-open"); });
        root.appendChild(caption);
        var parts = { date: date, active: active, body: body };
        data = G.featureData;
        G.axis = cfg.axis;
        var start = G.dayNum(cfg.axis[0]), end = G.dayNum(cfg.axis[1]);
        var ui = cfg.fixed ? null : axis(root, cfg, start, end, control);
        function show(d, quiet) {
          var k = G.lastOnOrBefore(cfg.days, d);
          G.day = d;
          var counts = G.setDate(G.layers, k >= 0 ? cfg.states[k] : []);
          updateControl(k, cfg);
          fillCaption(parts, d, k, cfg, counts, meta, map, data);
          document.documentElement.setAttribute("data-gz-date", d);
          if (ui) ui.update(d);
          if (!quiet) G.writeAddress();
          G.lastCounts = counts;
        }
        G.setDay = function (d, quiet) { show(d, quiet); };
        map.on("overlayadd overlayremove", function () { if (G.day) show(G.day, true); });
        if (ui) ui.bind(show);
        show(cfg.initial, true);
        return root;
      },
    });
    return new Control().addTo(map);
  };

  function axis(root, cfg, start, end, control) {
    var span = Math.max(1, end - start);
    var bar = el("div", "gz-bar");
    var prev = button("◀", "previous change", "gz-prev");
    var play = button("▶", "play", "gz-play");
    var next = button("▶|", "next change", "gz-next");
    next.textContent = "▶▶";
    prev.textContent = "◀◀";
    var field = el("input", "gz-date-field");
    field.type = "date";
    field.setAttribute("aria-label", "Go to date (any day)");
    field.title = "Type or pick any day";
    var unit = el("select", "gz-step");
    unit.setAttribute("aria-label", "Step and play by");
    [["change", "change days"], ["day", "day"], ["week", "week"], ["month", "month"]].forEach(function (o) {
      var opt = el("option", null, "by " + o[1]);
      opt.value = o[0];
      unit.appendChild(opt);
    });
    [prev, play, next, field, unit].forEach(function (n) { bar.appendChild(n); });
    var track = el("div", "gz-axis");
    var slider = el("input", "gz-slider");
    slider.type = "range";
    slider.min = "0";
    slider.max = String(span);
    slider.step = "1";
    slider.setAttribute("aria-label", "Date");
    track.appendChild(slider);
    track.appendChild(ticks(start, end, cfg.days));
    root.appendChild(bar);
    root.appendChild(track);
    var jump = null;
    if (control && control.chart) {
      root.appendChild(chart(control, start, end, function (d) { if (jump) jump(d); }));
    }
    var timer = null;
    return {
      update: function (d) {
        var n = Math.min(span, Math.max(0, G.dayNum(d) - start));
        slider.value = String(n);
        slider.setAttribute("aria-valuetext", G.formatDate(d));
        if (field.value !== d) field.value = d;
      },
      bind: function (show) {
        jump = function (d) { show(d); };
        slider.addEventListener("input", function () { show(G.isoOf(start + +slider.value)); });
        field.addEventListener("change", function () {
          var d = G.validIso(field.value);
          if (d) show(d);
        });
        function go(dir) {
          var d = stepFrom(G.day, unit.value, cfg.days, dir);
          if (d) show(d);
          return d;
        }
        prev.addEventListener("click", function () { go(-1); });
        next.addEventListener("click", function () { go(1); });
        function stop() {
          if (timer !== null) { clearInterval(timer); timer = null; }
          play.textContent = "▶";
          play.setAttribute("aria-label", "play");
        }
        play.addEventListener("click", function () {
          if (timer !== null) { stop(); return; }
          if (G.day >= G.isoOf(end)) show(G.isoOf(start));
          play.textContent = "❚❚";
          play.setAttribute("aria-label", "pause");
          timer = setInterval(function () {
            var d = stepFrom(G.day, unit.value, cfg.days, 1);
            if (!d || d > G.isoOf(end)) { stop(); return; }
            show(d);
          }, cfg.interval || 900);
        });
      },
    };
  }
})();
