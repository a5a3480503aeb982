/* geozones map runtime: time-sliced feature layers, popups, legend and time control.
 *
 * Every text that comes from a spec or a data file is put into the page as a DOM
 * text node (textContent) and never as HTML; links are made only for http(s) URLs.
 * Features are intervals: a feature is drawn on day d when start <= d and
 * (end is null or d <= end), comparing ISO dates (YYYY-MM-DD) as strings.
 */
(function () {
  "use strict";
  var G = (window.geozones = {});
  /* The time-filtered feature groups of the page (for scripts and tests). */
  G.layers = [];
  /* Feature id -> its Leaflet layer and group. */
  G.features = {};

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  G.el = el;

  function isWebUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url.trim());
  }
  G.isWebUrl = isWebUrl;

  G.isActive = function (props, d) {
    return props.start !== null && props.start <= d && (props.end === null || d <= props.end);
  };

  G.formatDate = function (iso) {
    if (!iso) return "open";
    var p = iso.split("-");
    var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return String(+p[2]) + " " + months[+p[1] - 1] + " " + p[0];
  };

  /* Leaflet path style of a feature: kind colour, confidence dash/weight/fill. */
  G.style = function (meta) {
    return function (feature) {
      var p = feature.properties;
      var kind = meta.kinds[p.kind] || { color: "#555555" };
      var conf = meta.confidence[p.confidence] || meta.confidence.schematic;
      var line = feature.geometry && /LineString/.test(feature.geometry.type);
      return {
        color: kind.color,
        weight: line ? conf.weight + 1 : conf.weight,
        opacity: 0.95,
        dashArray: conf.dash,
        fillColor: kind.color,
        fillOpacity: line ? 0 : conf.fill_opacity,
        className: "gz-feature",
      };
    };
  };

  function row(table, label, value) {
    var tr = el("tr");
    tr.appendChild(el("th", null, label));
    tr.appendChild(el("td", null, value));
    table.appendChild(tr);
  }

  /* The popup of a feature, built from text nodes only. */
  G.popup = function (props, meta) {
    var kind = meta.kinds[props.kind] || { label: props.kind };
    var conf = meta.confidence[props.confidence] || { label: props.confidence };
    var box = el("div", "gz-popup");
    box.appendChild(el("div", "gz-popup-title", props.name));
    box.appendChild(el("div", "gz-popup-kind", kind.label));
    var table = el("table");
    var ag = (meta.agreements || {})[props.agreement] || {};
    row(table, "Agreement", props.agreement_name || ag.name || props.agreement);
    if (ag.signed) row(table, "Signed", G.formatDate(ag.signed));
    if (ag.parties && ag.parties.length) row(table, "Parties", ag.parties.join(", "));
    row(table, "In force", G.formatDate(props.start) + " – " +
        (props.end ? G.formatDate(props.end) : "open (no end date)"));
    row(table, "Confidence", conf.label);
    row(table, "Feature id", props.id);
    box.appendChild(table);
    if (props.notes) box.appendChild(el("p", "gz-popup-notes", props.notes));
    var sources = props.sources || [];
    var head = el("div", "gz-popup-sources-head", sources.length ? "Sources" : "No source given");
    box.appendChild(head);
    if (sources.length) {
      var list = el("ol", "gz-popup-sources");
      sources.forEach(function (s) {
        var li = el("li", "gz-source");
        var label = s.title || s.url || "source";
        if (isWebUrl(s.url)) {
          var a = el("a", null, label);
          a.href = s.url.trim();
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          li.appendChild(a);
        } else {
          li.appendChild(el("span", "gz-source-text", label));
          if (s.url && s.url !== label) li.appendChild(el("span", "gz-source-url", " (" + s.url + ")"));
        }
        if (s.quote) li.appendChild(el("q", "gz-quote", s.quote));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    return box;
  };

  /* Mark the drawn SVG elements of a feature (one, or several for multi-part geometry). */
  function tag(layer, props) {
    function mark(part) {
      var node = part.getElement && part.getElement();
      if (node) {
        node.setAttribute("data-gz-id", props.id);
        node.setAttribute("data-gz-kind", props.kind);
        node.setAttribute("data-gz-confidence", props.confidence);
      }
    }
    layer.on("add", function () {
      if (layer.eachLayer) layer.eachLayer(mark); else mark(layer);
    });
  }

  /* A feature group holding the features of the given kinds; G.setDate adds or
     removes them from it according to their interval. */
  G.kindLayer = function (data, kinds, meta) {
    var group = L.featureGroup();
    var style = G.style(meta);
    group._gzItems = [];
    G.layers.push(group);
    L.geoJSON(data, {
      filter: function (f) { return kinds.indexOf(f.properties.kind) >= 0; },
      style: style,
      pointToLayer: function (f, latlng) {
        var s = style(f);
        s.radius = 7;
        s.fillOpacity = 0.85;
        s.weight = 2;
        return L.circleMarker(latlng, s);
      },
      onEachFeature: function (f, layer) {
        var props = f.properties;
        layer.bindPopup(function () { return G.popup(props, meta); }, { maxWidth: 360, maxHeight: 420 });
        layer.bindTooltip(function () { return el("span", "gz-tooltip", props.name); }, { sticky: true });
        tag(layer, props);
        group._gzItems.push({ layer: layer, props: props });
        G.features[props.id] = { layer: layer, group: group };
        layer.on("mouseover", function () {
          if (layer.setStyle) layer.setStyle({ weight: style(f).weight + 2 });
        });
        layer.on("mouseout", function () { if (layer.setStyle) layer.setStyle(style(f)); });
      },
    });
    return group;
  };

  /* Show exactly the features active on ISO day d; return how many are.
     Drawn features are then restacked in data order (large areas below, points on top),
     whatever order they were added in. */
  G.setDate = function (groups, d) {
    var n = 0;
    groups.forEach(function (group) {
      group._gzItems.forEach(function (item) {
        var on = G.isActive(item.props, d);
        if (on) n += 1;
        if (on && !group.hasLayer(item.layer)) group.addLayer(item.layer);
        if (!on && group.hasLayer(item.layer)) group.removeLayer(item.layer);
      });
    });
    groups.forEach(function (group) {
      group._gzItems.forEach(function (item) {
        if (group.hasLayer(item.layer) && item.layer._map && item.layer.bringToFront) {
          item.layer.bringToFront();
        }
      });
    });
    document.documentElement.setAttribute("data-gz-date", d);
    document.documentElement.setAttribute("data-gz-active", String(n));
    return n;
  };

  var EVENT_WORDS = { start: "comes into force", end: "no longer in force", signed: "signed" };

  /* Zoom to a drawn feature and open its popup (from the event list). */
  G.focus = function (map, id) {
    var hit = G.features[id];
    if (!hit || !hit.group.hasLayer(hit.layer) || !map.hasLayer(hit.group)) return false;
    var layer = hit.layer;
    if (layer.getBounds) {
      map.fitBounds(layer.getBounds(), { padding: [40, 40], maxZoom: 11 });
    } else if (layer.getLatLng) {
      map.setView(layer.getLatLng(), Math.max(map.getZoom(), 10));
    }
    layer.openPopup();
    return true;
  };

  function fillCaption(box, d, events, active, meta, map) {
    box.textContent = "";
    box.appendChild(el("div", "gz-date", G.formatDate(d)));
    box.appendChild(el("div", "gz-active", active + (active === 1 ? " feature" : " features") + " in force"));
    var list = el("ul", "gz-events");
    (events || []).forEach(function (e) {
      var li = el("li", "gz-event gz-event-" + (EVENT_WORDS[e.type] ? e.type : "other"));
      var kind = meta.kinds[e.kind];
      var name = el("span", "gz-event-name", e.name);
      if (e.type === "start" && map && G.features[e.id]) {
        name.classList.add("gz-event-link");
        name.setAttribute("role", "button");
        name.tabIndex = 0;
        name.title = "Show on the map";
        var go = function (ev) {
          if (ev.type === "keydown" && ev.key !== "Enter" && ev.key !== " ") return;
          ev.preventDefault();
          G.focus(map, e.id);
        };
        name.addEventListener("click", go);
        name.addEventListener("keydown", go);
      }
      li.appendChild(name);
      var when = e.date && e.date !== d ? " on " + G.formatDate(e.date) : "";
      li.appendChild(document.createTextNode(" " + (EVENT_WORDS[e.type] || e.type) + when +
          (kind ? " (" + kind.label.toLowerCase() + ")" : "")));
      list.appendChild(li);
    });
    if (list.childNodes.length) box.appendChild(list);
  }

  /* The slider position for a "#YYYY-MM-DD" link: the last slice on or before that day. */
  G.sliceOf = function (slices, hash, fallback) {
    var m = /^#(?:date=)?(\d{4}-\d{2}-\d{2})$/.exec(hash || "");
    if (!m) return fallback;
    var i = 0;
    while (i + 1 < slices.length && slices[i + 1] <= m[1]) i += 1;
    return i;
  };

  /* The time control: a slider and a play button over the slices, or one fixed date. */
  G.timeControl = function (map, groups, cfg, meta) {
    var Control = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var root = el("div", "gz-panel gz-time");
        L.DomEvent.disableClickPropagation(root);
        L.DomEvent.disableScrollPropagation(root);
        var caption = el("div", "gz-caption");
        if (cfg.fixed) {
          var n = G.setDate(groups, cfg.fixed);
          fillCaption(caption, cfg.fixed, cfg.events[cfg.fixed], n, meta, map);
          root.appendChild(caption);
          return root;
        }
        var slices = cfg.slices;
        var bar = el("div", "gz-bar");
        var play = el("button", "gz-play", "▶");
        play.type = "button";
        play.title = "Play through the dates";
        play.setAttribute("aria-label", "play");
        var slider = el("input", "gz-slider");
        slider.type = "range";
        slider.min = "0";
        slider.max = String(Math.max(slices.length - 1, 0));
        slider.step = "1";
        slider.value = String(cfg.initial);
        slider.setAttribute("aria-label", "date");
        var ticks = el("datalist");
        ticks.id = "gz-ticks-" + L.stamp(slider);
        slices.forEach(function (d, i) {
          var option = el("option");
          option.value = String(i);
          option.label = d;
          ticks.appendChild(option);
        });
        slider.setAttribute("list", ticks.id);
        bar.appendChild(play);
        bar.appendChild(slider);
        bar.appendChild(ticks);
        var ends = el("div", "gz-ends");
        ends.appendChild(el("span", null, G.formatDate(slices[0])));
        ends.appendChild(el("span", null, G.formatDate(slices[slices.length - 1])));
        root.appendChild(caption);
        root.appendChild(bar);
        root.appendChild(ends);
        function show(i, quiet) {
          var d = slices[i];
          var n = G.setDate(groups, d);
          fillCaption(caption, d, cfg.events[d], n, meta, map);
          slider.setAttribute("data-gz-date", d);
          if (!quiet && window.history && history.replaceState) {
            try { history.replaceState(null, "", "#" + d); } catch (e) { /* sandboxed page */ }
          }
        }
        slider.addEventListener("input", function () { show(+slider.value); });
        slider.addEventListener("change", function () { show(+slider.value); });
        var timer = null;
        function stop() {
          if (timer !== null) { clearInterval(timer); timer = null; }
          play.textContent = "▶";
          play.setAttribute("aria-label", "play");
        }
        play.addEventListener("click", function () {
          if (timer !== null) { stop(); return; }
          if (+slider.value >= slices.length - 1) { slider.value = "0"; show(0); }
          play.textContent = "❚❚";
          play.setAttribute("aria-label", "pause");
          timer = setInterval(function () {
            var i = +slider.value + 1;
            if (i >= slices.length) { stop(); return; }
            slider.value = String(i);
            show(i);
          }, cfg.interval || 1200);
        });
        var start = G.sliceOf(slices, window.location.hash, cfg.initial);
        slider.value = String(start);
        show(start, true);
        window.addEventListener("hashchange", function () {
          var i = G.sliceOf(slices, window.location.hash, -1);
          if (i >= 0 && i !== +slider.value) { slider.value = String(i); show(i, true); }
        });
        return root;
      },
    });
    return new Control().addTo(map);
  };

  /* A static HTML control (legend, title): content is built by the caller. */
  G.panel = function (map, position, build) {
    var Control = L.Control.extend({
      options: { position: position },
      onAdd: function () {
        var root = el("div", "gz-panel");
        L.DomEvent.disableClickPropagation(root);
        L.DomEvent.disableScrollPropagation(root);
        build(root);
        return root;
      },
    });
    return new Control().addTo(map);
  };

  G.titlePanel = function (map, info) {
    return G.panel(map, "topleft", function (root) {
      root.classList.add("gz-title");
      root.appendChild(el("h1", null, info.title));
      var more = el("details", "gz-about");
      if (info.open) more.open = true;
      more.appendChild(el("summary", null, "About this map and its " + (info.agreements || []).length +
          " agreements"));
      root.appendChild(more);
      root = more;
      if (info.description) root.appendChild(el("p", "gz-description", info.description));
      if (info.agreements && info.agreements.length) {
        var list = el("ul", "gz-agreements");
        info.agreements.forEach(function (a) {
          var li = el("li");
          li.appendChild(el("span", "gz-agreement-date", a.signed ? G.formatDate(a.signed) : "undated"));
          li.appendChild(document.createTextNode(" " + a.name));
          list.appendChild(li);
        });
        root.appendChild(list);
      }
    });
  };

  var SVG = "http://www.w3.org/2000/svg";
  function svg(w, h) {
    var s = document.createElementNS(SVG, "svg");
    s.setAttribute("width", w);
    s.setAttribute("height", h);
    s.setAttribute("viewBox", "0 0 " + w + " " + h);
    return s;
  }
  function shape(name, attrs) {
    var n = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    return n;
  }

  /* Credit the bundled data in the attribution control (static text, set as text). */
  G.credit = function (map, text) {
    if (!map.attributionControl || !text) return;
    map.attributionControl.addAttribution(text);
  };

  G.legend = function (map, meta) {
    if (meta.land === false) map.getContainer().classList.add("gz-no-land");
    return G.panel(map, "bottomright", function (panel) {
      panel.classList.add("gz-legend");
      var root = el("details", "gz-legend-box");
      root.open = map.getSize().x >= 700;
      root.appendChild(el("summary", "gz-legend-summary", "Legend"));
      panel.appendChild(root);
      root.appendChild(el("div", "gz-legend-head", "Kinds"));
      meta.legend_kinds.forEach(function (k) {
        var kind = meta.kinds[k.id];
        var item = el("div", "gz-legend-item");
        var s = svg(36, 16);
        if (k.geometry === "point") {
          s.appendChild(shape("circle", { cx: 18, cy: 8, r: 5, fill: kind.color, stroke: kind.color }));
        } else if (k.geometry === "line") {
          s.appendChild(shape("line", { x1: 2, y1: 8, x2: 34, y2: 8, stroke: kind.color, "stroke-width": 4 }));
        } else {
          s.appendChild(shape("rect", { x: 2, y: 2, width: 32, height: 12, fill: kind.color,
            "fill-opacity": 0.35, stroke: kind.color, "stroke-width": 2 }));
        }
        item.appendChild(s);
        item.appendChild(el("span", null, kind.label));
        root.appendChild(item);
      });
      root.appendChild(el("div", "gz-legend-head", "Confidence of the geometry"));
      Object.keys(meta.confidence).forEach(function (c) {
        var conf = meta.confidence[c];
        var item = el("div", "gz-legend-item");
        var s = svg(36, 16);
        var attrs = { x: 2, y: 2, width: 32, height: 12, fill: "#555555", "fill-opacity": conf.fill_opacity,
          stroke: "#333333", "stroke-width": conf.weight - 1 };
        if (conf.dash) attrs["stroke-dasharray"] = conf.dash;
        s.appendChild(shape("rect", attrs));
        item.appendChild(s);
        var text = String(conf.label);
        var cut = text.indexOf(":");
        var span = el("span", null, cut > 0 ? text.slice(0, cut) : text);
        if (cut > 0) span.appendChild(el("span", "gz-legend-hint", " — " + text.slice(cut + 1).trim()));
        item.appendChild(span);
        root.appendChild(item);
      });
      if (meta.basemap_note) root.appendChild(el("div", "gz-legend-note", meta.basemap_note));
    });
  };

  /* Vector basemap layers: styled, not interactive, in a pane below the features. */
  G.ensurePane = function (map, name, z) {
    if (!map.getPane(name)) {
      var pane = map.createPane(name);
      pane.style.zIndex = String(z);
    }
    return name;
  };

  G.areaLayer = function (map, data, style, pane) {
    function styleOf(f) {
      var s = L.Util.extend({}, style);
      if (f.properties.focus && style.focusFill) s.fillColor = style.focusFill;
      return s;
    }
    return L.geoJSON(data, { style: styleOf, interactive: false,
      pane: G.ensurePane(map, pane, pane === "gz-land" ? 210 : 250) });
  };

  G.roadLayer = function (map, data, style) {
    var pane = G.ensurePane(map, "gz-roads", 350);
    var group = L.featureGroup();
    L.geoJSON(data, { style: { color: "#ffffff", weight: style.weight + 3, opacity: 0.9 },
      interactive: false, pane: pane }).addTo(group);
    L.geoJSON(data, {
      style: style, pane: pane,
      onEachFeature: function (f, layer) {
        layer.bindTooltip(function () { return el("span", null, f.properties.name); },
          { permanent: true, direction: "top", offset: [0, -4], className: "gz-road-label", interactive: false });
      },
    }).addTo(group);
    return group;
  };

  /* Towns: governorate seats (rank 1) and large towns (rank 3) always labelled,
     district seats (rank 2) from zoom 8.5. */
  G.townLayer = function (map, data) {
    var pane = G.ensurePane(map, "gz-towns", 450);
    function zoomClass() {
      map.getContainer().classList.toggle("gz-zoomed-out", map.getZoom() < 8.5);
    }
    map.on("zoomend", zoomClass);
    map.whenReady(zoomClass);
    return L.geoJSON(data, {
      pointToLayer: function (f, latlng) {
        var rank = [1, 2, 3].indexOf(f.properties.rank) >= 0 ? f.properties.rank : 2;
        return L.circleMarker(latlng, { radius: rank === 2 ? 3 : 4, color: "#222222", weight: 1.5,
          fillColor: rank === 2 ? "#ffffff" : rank === 1 ? "#222222" : "#777777", fillOpacity: 1,
          pane: pane, interactive: false, className: "gz-town gz-town-" + rank });
      },
      onEachFeature: function (f, layer) {
        var rank = [1, 2, 3].indexOf(f.properties.rank) >= 0 ? f.properties.rank : 2;
        layer.bindTooltip(function () { return el("span", null, f.properties.name); },
          { permanent: true, direction: "right", offset: [4, 0], pane: pane,
            className: "gz-town-label gz-town-label-" + rank });
      },
    });
  };

  /* Fit the view to bounds; on wide screens keep the features clear of the side panels. */
  G.fitView = function (map, bounds) {
    var size = map.getSize();
    var wide = size.x >= 900;
    map.fitBounds(bounds, {
      paddingTopLeft: wide ? [Math.min(380, size.x * 0.28), 20] : [10, 10],
      paddingBottomRight: wide ? [Math.min(330, size.x * 0.24), 20] : [10, 10],
    });
  };

  /* Country fills hide web tiles: make them transparent while a tile layer is the base. */
  G.tileAware = function (map, countries, offlineName) {
    map.on("baselayerchange", function (e) {
      var tiles = e.name !== offlineName;
      countries.setStyle({ fillOpacity: tiles ? 0 : 1 });
      map.getContainer().classList.toggle("gz-with-tiles", tiles);
    });
  };
})();
