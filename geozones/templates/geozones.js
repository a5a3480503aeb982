/* geozones map runtime (core): feature layers, popups, legend, title, panels, address.
 *
 * Every text that comes from a spec or a data file is put into the page as a DOM
 * text node (textContent) and never as HTML; links are made only for http(s) URLs.
 * Which features are in force on a day is decided in Python (Timeline.in_force):
 * the page receives, for every change day, the features in force from it on.
 */
(function () {
  "use strict";
  var G = (window.geozones = {});
  /* The feature groups of the page, in drawing order (for scripts and tests). */
  G.layers = [];
  /* Feature id -> its Leaflet layer, group and position in the data. */
  G.features = {};
  /* Overlay slug -> {layer, name}: the layers the address can switch. */
  G.overlays = {};
  G.map = null;

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

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  G.MONTHS = MONTHS;

  G.formatDate = function (iso) {
    if (!iso) return "open";
    var p = iso.split("-");
    return String(+p[2]) + " " + MONTHS[+p[1] - 1] + " " + p[0];
  };

  /* Days since 1970-01-01 of an ISO date, and back. */
  G.dayNum = function (iso) {
    var p = iso.split("-");
    return Math.round(Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000);
  };
  G.isoOf = function (n) {
    return new Date(n * 86400000).toISOString().slice(0, 10);
  };
  G.validIso = function (text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || "").trim());
    if (!m) return null;
    var iso = m[1] + "-" + m[2] + "-" + m[3];
    return G.isoOf(G.dayNum(iso)) === iso ? iso : null;
  };

  /* The index of the last sorted ISO day on or before d (-1: none). */
  G.lastOnOrBefore = function (days, d) {
    var lo = 0, hi = days.length - 1, at = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (days[mid] <= d) { at = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return at;
  };

  /* Delta-encoded coordinates (geozones.maps._geometry.encode_collection) → GeoJSON, in place. */
  G.decode = function (collection) {
    var scale = collection.scale;
    if (!scale) return collection;
    function line(flat) {
      var out = [], x = 0, y = 0;
      for (var i = 0; i + 1 < flat.length; i += 2) {
        x += flat[i];
        y += flat[i + 1];
        out.push([x / scale, y / scale]);
      }
      return out;
    }
    function nested(e, depth) {
      return depth === 0 ? line(e) : e.map(function (part) { return nested(part, depth - 1); });
    }
    var DEPTH = { LineString: 0, MultiPoint: 0, Polygon: 1, MultiLineString: 1, MultiPolygon: 2 };
    collection.features.forEach(function (f) {
      var g = f.geometry;
      if (!g || !g.e) return;
      if (g.type === "Point") g.coordinates = [g.e[0] / scale, g.e[1] / scale];
      else g.coordinates = nested(g.e, DEPTH[g.type]);
      delete g.e;
    });
    delete collection.scale;
    return collection;
  };

  G.slug = function (name) {
    return String(name).toLowerCase().replace(/&[a-z]+;/g, " ").replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  };

  /* Register an overlay so that the address can keep it on or off. */
  G.register = function (layer, name) {
    /* names arrive HTML-escaped (Leaflet's layer control shows them as HTML) */
    var text = String(name).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
    G.overlays[G.slug(text)] = { layer: layer, name: text };
    return layer;
  };

  /* The style of a feature: kind colour, confidence dash and weight. */
  G.lineStyle = function (meta, props, line) {
    var kind = meta.kinds[props.kind] || { color: "#555555" };
    var conf = meta.confidence[props.confidence] || meta.confidence.schematic;
    return {
      color: kind.color,
      weight: line ? conf.weight + 1 : conf.weight,
      opacity: 0.95,
      dashArray: conf.dash,
      fill: false,
      interactive: false,
      className: "gz-feature gz-outline",
    };
  };

  function row(table, label, value) {
    var tr = el("tr");
    tr.appendChild(el("th", null, label));
    tr.appendChild(el("td", null, value));
    table.appendChild(tr);
  }

  /* "example.org" of a URL; "" when it is none. */
  G.publisher = function (url) {
    var m = /^https?:\/\/(?:www\.)?([^\/?#:]+)/i.exec(String(url || "").trim());
    return m ? m[1].toLowerCase() : "";
  };
  /* Whether a URL is only a site's home page (no path, query or fragment). */
  G.homePageOnly = function (url) {
    return /^https?:\/\/[^\/?#]+\/?$/i.test(String(url || "").trim());
  };

  G.inForceText = function (props) {
    return "from " + G.formatDate(props.start) + " until " +
      (props.end ? G.formatDate(props.end) : "further notice (no end date)");
  };

  function sourceItem(s) {
    var li = el("li", "gz-source");
    var pub = G.publisher(s.url);
    var label = s.title || (pub ? pub : s.url) || "source";
    if (isWebUrl(s.url)) {
      var a = el("a", null, label);
      a.href = s.url.trim();
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      li.appendChild(a);
      if (pub && label !== pub) li.appendChild(el("span", "gz-source-pub", " — " + pub));
      if (G.homePageOnly(s.url)) li.appendChild(el("span", "gz-source-home", " (site home page; no article link given)"));
    } else {
      li.appendChild(el("span", "gz-source-text", label));
      if (s.url && s.url !== label) li.appendChild(el("span", "gz-source-url", " (" + s.url + ")"));
    }
    if (s.quote) li.appendChild(el("q", "gz-quote", s.quote));
    return li;
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
    box.appendChild(el("div", "gz-popup-sources-head", sources.length ? "Sources" : "No source given"));
    if (sources.length) {
      var list = el("ol", "gz-popup-sources");
      sources.forEach(function (s) { list.appendChild(sourceItem(s)); });
      box.appendChild(list);
    }
    return box;
  };

  /* Mark the drawn SVG elements of a feature; keep them out of the tab order. */
  function tag(layer, props) {
    function mark(part) {
      if (part.eachLayer) { part.eachLayer(mark); return; }
      var node = part.getElement && part.getElement();
      if (node) {
        node.setAttribute("data-gz-id", props.id);
        node.setAttribute("data-gz-kind", props.kind);
        node.setAttribute("data-gz-confidence", props.confidence);
        node.setAttribute("tabindex", "-1");
        node.setAttribute("focusable", "false");
      }
    }
    layer.on("add", function () { mark(layer); });
  }

  G.ensurePane = function (map, name, z, className) {
    if (!map.getPane(name)) {
      var pane = map.createPane(name);
      pane.style.zIndex = String(z);
      if (className) pane.classList.add(className);
    }
    return name;
  };

  function popupOptions(map) {
    var w = map.getSize().x;
    return { maxWidth: Math.max(200, Math.min(340, w - 70)), minWidth: Math.min(220, w - 90),
      maxHeight: Math.max(160, Math.min(420, map.getSize().y - 200)), autoPan: false };
  }

  /* One feature: an area is a fill (in the layer's translucent fill pane, so that
     overlapping areas of a layer never stack into a darker colour) and an outline. */
  function featureLayer(map, f, meta, panes) {
    var props = f.properties;
    var type = f.geometry ? f.geometry.type : "";
    var line = /LineString/.test(type), point = /Point/.test(type);
    var kind = meta.kinds[props.kind] || { color: "#555555" };
    var outline = G.lineStyle(meta, props, line);
    outline.pane = panes.line;
    var parts = [], target;
    if (point) {
      target = L.geoJSON(f, { pointToLayer: function (_, latlng) {
        return L.circleMarker(latlng, { radius: 7, color: kind.color, weight: 2, fillColor: kind.color,
          fillOpacity: 0.85, pane: panes.line, className: "gz-feature gz-point" });
      } });
      parts.push(target);
    } else if (line) {
      outline.interactive = true;
      target = L.geoJSON(f, { style: function () { return outline; } });
      parts.push(target);
    } else {
      target = L.geoJSON(f, { style: function () {
        return { stroke: false, fill: true, fillColor: kind.color, fillOpacity: 1, pane: panes.fill,
          className: "gz-feature gz-fill" };
      } });
      /* the outline shares the fill's coordinates (parsed once) */
      var border = L.featureGroup();
      target.eachLayer(function (part) { border.addLayer(L.polygon(part.getLatLngs(), outline)); });
      parts.push(target, border);
    }
    var group = L.featureGroup(parts);
    target.bindPopup(function () { return G.popup(props, meta); }, popupOptions(map));
    target.bindTooltip(function () { return el("span", "gz-tooltip", props.name); }, { sticky: true });
    parts.forEach(function (p) { tag(p, props); });
    var edge = parts[parts.length - 1];
    target.on("mouseover", function () { if (!point) edge.setStyle({ weight: outline.weight + 2 }); });
    target.on("mouseout", function () { if (!point) edge.setStyle({ weight: outline.weight }); });
    group._gzTarget = target;
    return group;
  }

  /* A layer of the layer control: the features of the given kinds, in panes of its own
     (z-order = the legend's order), shown or hidden by G.setDate. */
  G.kindLayer = function (map, data, kinds, meta, index, name) {
    var panes = {
      fill: G.ensurePane(map, "gz-fill-" + index, 400 + 2 * index, "gz-fill-pane"),
      line: G.ensurePane(map, "gz-line-" + index, 401 + 2 * index, "gz-line-pane"),
    };
    var group = L.featureGroup();
    group._gzItems = [];
    group._gzIndex = index;
    G.layers.push(group);
    G.featureData = data;
    data.features.forEach(function (f, pos) {
      if (kinds.indexOf(f.properties.kind) < 0) return;
      var layer = featureLayer(map, f, meta, panes);
      group._gzItems.push({ layer: layer, props: f.properties, pos: pos });
      G.features[f.properties.id] = { layer: layer, group: group, pos: pos };
    });
    return G.register(group, name);
  };

  /* Zoom to a drawn feature and open its popup. */
  G.focus = function (map, id) {
    var hit = G.features[id];
    if (!hit || !hit.group.hasLayer(hit.layer) || !map.hasLayer(hit.group)) return false;
    var b = hit.layer.getBounds();
    if (b.getNorthEast().equals(b.getSouthWest())) {
      map.setView(b.getCenter(), Math.max(map.getZoom(), 11), { animate: false });
    } else {
      map.fitBounds(b, { padding: [40, 40], maxZoom: 11, animate: false });
    }
    hit.layer._gzTarget.openPopup();
    return true;
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
      more.appendChild(el("summary", null, "About this map and its " + (info.agreements || []).length +
          " agreements"));
      root.appendChild(more);
      if (info.description) more.appendChild(el("p", "gz-description", info.description));
      if (info.agreements && info.agreements.length) {
        var list = el("ul", "gz-agreements");
        info.agreements.forEach(function (a) {
          var li = el("li");
          li.appendChild(el("span", "gz-agreement-date", a.signed ? G.formatDate(a.signed) : "undated"));
          li.appendChild(document.createTextNode(" " + a.name));
          list.appendChild(li);
        });
        more.appendChild(list);
      }
    });
  };

  var SVG = "http://www.w3.org/2000/svg";
  function svg(w, h) {
    var s = document.createElementNS(SVG, "svg");
    s.setAttribute("width", w);
    s.setAttribute("height", h);
    s.setAttribute("viewBox", "0 0 " + w + " " + h);
    s.setAttribute("aria-hidden", "true");
    return s;
  }
  function shape(name, attrs) {
    var n = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    return n;
  }
  G.svg = svg;
  G.shape = shape;

  /* Credit the bundled data in the attribution control (static text, set as text). */
  G.credit = function (map, text) {
    if (!map.attributionControl || !text) return;
    map.attributionControl.addAttribution(text);
  };

  function swatch(geometry, color) {
    var s = svg(36, 16);
    if (geometry === "point") {
      s.appendChild(shape("circle", { cx: 18, cy: 8, r: 5, fill: color, stroke: color }));
    } else if (geometry === "line") {
      s.appendChild(shape("line", { x1: 2, y1: 8, x2: 34, y2: 8, stroke: color, "stroke-width": 4 }));
    } else {
      s.appendChild(shape("rect", { x: 2, y: 2, width: 32, height: 12, fill: color,
        "fill-opacity": 0.3, stroke: color, "stroke-width": 2 }));
    }
    return s;
  }

  function legendItem(swatchNode, text, hint) {
    var item = el("div", "gz-legend-item");
    item.appendChild(swatchNode);
    var span = el("span", null, text);
    if (hint) span.appendChild(el("span", "gz-legend-hint", " — " + hint));
    item.appendChild(span);
    return item;
  }

  /* The legend: kinds in drawing order (top of the list = drawn on top), parties, confidence. */
  G.legend = function (map, meta, control) {
    if (meta.land === false) map.getContainer().classList.add("gz-no-land");
    /* on a phone the legend button sits under the layers button, clear of the time axis */
    var corner = map.getSize().x < 640 ? "topright" : "bottomright";
    return G.panel(map, corner, function (panel) {
      panel.classList.add("gz-legend");
      var root = el("details", "gz-legend-box");
      root.open = map.getSize().x >= 700;
      root.appendChild(el("summary", "gz-legend-summary", "Legend"));
      panel.appendChild(root);
      root.appendChild(el("div", "gz-legend-head", "Kinds (top: drawn on top)"));
      meta.legend_kinds.slice().reverse().forEach(function (k) {
        var kind = meta.kinds[k.id];
        var item = legendItem(swatch(k.geometry, kind.color), kind.label);
        item.setAttribute("data-gz-kind", k.id);
        item.setAttribute("data-gz-layer", String(k.layer));
        root.appendChild(item);
      });
      if (control && control.parties.length) {
        root.appendChild(el("div", "gz-legend-head", "Held by"));
        control.parties.forEach(function (p) {
          root.appendChild(legendItem(swatch("area", p.colour), p.label));
        });
        root.appendChild(legendItem(swatch("line", "#111111"), "Contact line of the day"));
      }
      root.appendChild(el("div", "gz-legend-head", "Confidence of the geometry"));
      Object.keys(meta.confidence).forEach(function (c) {
        var conf = meta.confidence[c];
        var s = svg(36, 16);
        var attrs = { x: 2, y: 2, width: 32, height: 12, fill: "#555555", "fill-opacity": 0.15,
          stroke: "#333333", "stroke-width": conf.weight - 1 };
        if (conf.dash) attrs["stroke-dasharray"] = conf.dash;
        s.appendChild(shape("rect", attrs));
        var text = String(conf.label), cut = text.indexOf(":");
        root.appendChild(legendItem(s, cut > 0 ? text.slice(0, cut) : text,
          cut > 0 ? text.slice(cut + 1).trim() : ""));
      });
      if (meta.basemap_note) root.appendChild(el("div", "gz-legend-note", meta.basemap_note));
      window.addEventListener("beforeprint", function () { root.open = true; });
    });
  };

  /* Fit the view to bounds; on wide screens keep the features clear of the side panels. */
  G.fitView = function (map, bounds) {
    var size = map.getSize();
    var wide = size.x >= 900;
    map.fitBounds(bounds, {
      paddingTopLeft: wide ? [Math.min(380, size.x * 0.28), 20] : [10, 60],
      paddingBottomRight: wide ? [Math.min(330, size.x * 0.24), 20] : [10, 130],
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

  /* A popup never opens under a panel: pan the map until it is clear of them (the panels
     at the top stack downwards, so the popup goes below the lowest one over its columns).
     This replaces Leaflet's own auto-pan, which knows nothing of the panels. */
  function clearOfPanels(map, popup) {
    var node = popup.getElement && popup.getElement();
    if (!node) return;
    var box = node.getBoundingClientRect();
    var mapBox = map.getContainer().getBoundingClientRect();
    var dx = 0;
    var top = Math.max(box.top, mapBox.top + 10), height = box.bottom - box.top;
    var panels = Array.prototype.map.call(
      map.getContainer().querySelectorAll(".leaflet-top .leaflet-control"),
      function (p) { return p.getBoundingClientRect(); }
    ).filter(function (r) { return r.width && r.height && r.left < box.right && box.left < r.right; });
    for (var round = 0, moved = true; moved && round < 6; round++) {
      moved = false;
      panels.forEach(function (r) {
        if (r.top < top + height && top < r.bottom) { top = r.bottom + 8; moved = true; }
      });
    }
    var dy = top - box.top;
    if (box.left < mapBox.left + 4) dx = box.left - mapBox.left - 8;
    if (box.right > mapBox.right - 4) dx = box.right - mapBox.right + 8;
    if (dx || dy) map.panBy([dx, -dy], { animate: false });
  }

  /* Behaviour of the whole page: Esc closes popups anywhere, panels stay clear of popups,
     the address keeps date, view and layers. Runs after every other script. */
  G.start = function (map) {
    G.map = map;
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" || e.key === "Esc") {
        map.closePopup();
        if (G.closeSearch) G.closeSearch();
      }
    });
    map.on("popupopen", function (e) {
      var run = function () { clearOfPanels(map, e.popup); };
      if (map._animatingZoom) map.once("zoomend", run); else setTimeout(run, 0);
    });
    G.restoreAddress(map);
    map.on("moveend overlayadd overlayremove", function () { G.writeAddress(); });
    window.addEventListener("hashchange", function () { G.restoreAddress(map); });
    G.ready = true;
    document.documentElement.setAttribute("data-gz-ready", "1");
    /* for the benchmark: milliseconds from navigation to the first frame with the features */
    if (window.requestAnimationFrame && window.performance) {
      requestAnimationFrame(function () { G.firstDrawnMs = performance.now(); });
    }
  };

  /* The address: #date=YYYY-MM-DD&view=lat,lon,zoom&layers=slug,slug (or #YYYY-MM-DD). */
  G.parseAddress = function (hash) {
    var out = {};
    var text = String(hash || "").replace(/^#/, "");
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) { out.date = text; return out; }
    text.split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at < 0) return;
      var key = pair.slice(0, at), value = decodeURIComponent(pair.slice(at + 1));
      if (key === "date") out.date = value;
      if (key === "view") {
        var v = value.split(",").map(Number);
        if (v.length === 3 && v.every(isFinite)) out.view = v;
      }
      if (key === "layers") out.layers = value ? value.split(",") : [];
    });
    return out;
  };

  var writing = false, lastWritten = null;
  G.restoreAddress = function (map) {
    if (window.location.hash === lastWritten) return;
    var a = G.parseAddress(window.location.hash);
    writing = true;
    try {
      if (a.layers) {
        Object.keys(G.overlays).forEach(function (slug) {
          var o = G.overlays[slug], on = a.layers.indexOf(slug) >= 0;
          if (on && !map.hasLayer(o.layer)) map.addLayer(o.layer);
          if (!on && map.hasLayer(o.layer)) map.removeLayer(o.layer);
        });
      }
      if (a.view) map.setView([a.view[0], a.view[1]], a.view[2], { animate: false });
      if (a.date && G.validIso(a.date) && G.setDay) G.setDay(G.validIso(a.date), true);
    } finally {
      writing = false;
    }
  };

  G.writeAddress = function () {
    var map = G.map;
    if (writing || !map || !G.ready) return;
    var c = map.getCenter();
    var parts = [];
    if (G.day) parts.push("date=" + G.day);
    parts.push("view=" + c.lat.toFixed(4) + "," + c.lng.toFixed(4) + "," + (+map.getZoom().toFixed(2)));
    var on = Object.keys(G.overlays).filter(function (s) { return map.hasLayer(G.overlays[s].layer); });
    parts.push("layers=" + on.join(","));
    var hash = "#" + parts.join("&");
    if (hash === window.location.hash) return;
    lastWritten = hash;
    if (window.history && history.replaceState) {
      try { history.replaceState(null, "", hash); } catch (e) { /* a sandboxed page */ }
    }
  };
})();
