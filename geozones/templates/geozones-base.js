/* geozones map runtime (basemap): vector layers, every place labelled on a canvas, search.
 *
 * Place labels are drawn in priority order (seats, large towns, then by importance); a
 * label is drawn only where it overlaps no label already drawn, so labels never collide
 * at any zoom. Search matches every spelling the gazetteer knows, folded like its index.
 */
(function () {
  "use strict";
  var G = window.geozones;
  var el = G.el;

  /* Area (or line) layers: styled, not interactive, in a pane below the features. */
  function areaLayer(map, data, style, pane) {
    function styleOf(f) {
      var s = L.Util.extend({}, style);
      if (f.properties.focus && style.focusFill) s.fillColor = style.focusFill;
      return s;
    }
    return L.geoJSON(data, { style: styleOf, interactive: false,
      pane: G.ensurePane(map, pane, pane === "gz-land" ? 210 : 250) });
  }

  function waterLayer(map, data, styles) {
    var pane = G.ensurePane(map, "gz-water", 240);
    return L.geoJSON(data, {
      interactive: false, pane: pane,
      style: function (f) {
        return /LineString/.test(f.geometry.type) ? styles.river : styles.lake;
      },
    });
  }

  function roadLayer(map, data, style) {
    var pane = G.ensurePane(map, "gz-roads", 350);
    var group = L.featureGroup();
    L.geoJSON(data, { style: { color: "#ffffff", weight: style.weight + 3, opacity: 0.9 },
      interactive: false, pane: pane }).addTo(group);
    L.geoJSON(data, {
      style: style, pane: pane, interactive: false,
      onEachFeature: function (f, layer) {
        layer.bindTooltip(function () { return el("span", null, f.properties.name); },
          { permanent: true, direction: "top", offset: [0, -4], className: "gz-road-label", interactive: false });
      },
    }).addTo(group);
    return group;
  }

  G.basemapLayer = function (map, role, data, style, pane, name) {
    var layer = role === "road" ? roadLayer(map, data, style)
      : role === "water" ? waterLayer(map, data, style)
      : areaLayer(map, data, style, pane);
    return G.register(layer, name);
  };

  /* ------------------------------------------------------------------ place labels */

  var FONTS = {
    1: "700 13px system-ui, sans-serif", 2: "600 12px system-ui, sans-serif",
    3: "600 12px system-ui, sans-serif", 0: "500 11px system-ui, sans-serif",
  };
  /* The zoom from which places of a rank may be labelled (if their label fits). */
  var MIN_ZOOM = { 1: 0, 3: 0, 2: 7.5, 0: 9.25 };

  var PlacesLayer = L.Layer.extend({
    initialize: function (places) {
      this._p = places;
      this._w = {};
    },
    onAdd: function (map) {
      this._map = map;
      var pane = map.getPane(G.ensurePane(map, "gz-places", 450));
      pane.style.pointerEvents = "none";
      this._canvas = L.DomUtil.create("canvas", "gz-places-canvas", pane);
      this._canvas.setAttribute("aria-hidden", "true");
      map.on("moveend zoomend resize viewreset", this._redraw, this);
      map.on("zoomstart", this._hide, this);
      /* labels after the first frame: the features are drawn first */
      var self = this;
      if (window.requestAnimationFrame) requestAnimationFrame(function () { if (self._map) self._redraw(); });
      else this._redraw();
    },
    onRemove: function (map) {
      map.off("moveend zoomend resize viewreset", this._redraw, this);
      map.off("zoomstart", this._hide, this);
      L.DomUtil.remove(this._canvas);
      G.placesDrawn = [];
    },
    _hide: function () { this._canvas.style.visibility = "hidden"; },
    _width: function (ctx, i) {
      var key = this._p.rank[i] + ":" + this._p.name[i];
      if (!(key in this._w)) this._w[key] = ctx.measureText(this._p.name[i]).width;
      return this._w[key];
    },
    _redraw: function () {
      var map = this._map, p = this._p, size = map.getSize();
      var ratio = window.devicePixelRatio || 1, c = this._canvas;
      L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
      c.width = Math.round(size.x * ratio);
      c.height = Math.round(size.y * ratio);
      c.style.width = size.x + "px";
      c.style.height = size.y + "px";
      c.style.visibility = "visible";
      var ctx = c.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      var zoom = map.getZoom(), grid = {}, cell = 64, drawn = [], boxes = [];
      function hits(b) {
        for (var gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++) {
          for (var gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++) {
            var list = grid[gx + ":" + gy];
            if (!list) continue;
            for (var j = 0; j < list.length; j++) {
              var o = list[j];
              if (o[0] < b[2] && b[0] < o[2] && o[1] < b[3] && b[1] < o[3]) return true;
            }
          }
        }
        return false;
      }
      function take(b) {
        for (var gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++) {
          for (var gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++) {
            (grid[gx + ":" + gy] = grid[gx + ":" + gy] || []).push(b);
          }
        }
      }
      var allDots = zoom >= 11;
      ctx.textBaseline = "middle";
      ctx.lineJoin = "round";
      for (var i = 0; i < p.name.length; i++) {
        var rank = p.rank[i];
        var pt = map.latLngToContainerPoint([p.lat[i], p.lon[i]]);
        if (pt.x < -80 || pt.y < -20 || pt.x > size.x + 10 || pt.y > size.y + 20) continue;
        var labelled = false;
        if (zoom >= (MIN_ZOOM[rank] === undefined ? 9.25 : MIN_ZOOM[rank])) {
          ctx.font = FONTS[rank] || FONTS[0];
          var w = this._width(ctx, i), h = rank === 1 ? 15 : 13;
          var box = [pt.x - 4, pt.y - h / 2 - 1, pt.x + 7 + w + 2, pt.y + h / 2 + 1];
          if (!hits(box)) {
            take(box);
            labelled = true;
            ctx.strokeStyle = "rgba(255,255,255,0.92)";
            ctx.lineWidth = 3;
            ctx.strokeText(p.name[i], pt.x + 7, pt.y);
            ctx.fillStyle = rank === 0 ? "#333333" : "#111111";
            ctx.fillText(p.name[i], pt.x + 7, pt.y);
            drawn.push(p.name[i]);
            boxes.push(box);
          }
        }
        if (labelled || allDots) {
          ctx.beginPath();
          ctx.arc(pt.x, pt.y, rank === 1 ? 4 : rank === 0 ? 2.2 : 3, 0, 2 * Math.PI);
          ctx.fillStyle = rank === 1 ? "#222222" : rank === 0 ? "#666666" : "#ffffff";
          ctx.fill();
          ctx.lineWidth = 1.2;
          ctx.strokeStyle = "#222222";
          ctx.stroke();
        }
      }
      G.placesDrawn = drawn;
      G.placesBoxes = boxes;
      c.setAttribute("data-gz-labels", String(drawn.length));
    },
  });

  G.placesLayer = function (map, places, name) {
    G.places = places;
    return G.register(new PlacesLayer(places), name);
  };

  /* ------------------------------------------------------------------ search */

  /* Fold a name like the gazetteer's index: no case, no diacritics, Arabic letter variants. */
  G.fold = function (text) {
    var s = String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    s = s.replace(/[\u064B-\u065F\u0670\u0640]/g, "").replace(/[أإآٱ]/g, "ا").replace(/ة/g, "ه")
      .replace(/ى/g, "ي").replace(/ؤ/g, "و").replace(/ئ/g, "ي");
    s = s.replace(/ı/g, "i").replace(/[\u2018\u2019'`ʿʾ´]/g, "");
    return s.replace(/[^0-9a-z\u0600-\u06ff\u0100-\u024f]+/g, " ").trim();
  };
  /* The folded name without articles and spaces: "Jisr ash-Shughur" → "jisrshughur". */
  G.compact = function (text) {
    return (" " + G.fold(text) + " ").replace(/ (al|el|ash|as|ad|ar|az|an|at|es|ez|ed|er|en|et|ul|il) /g, " ")
      .replace(/ (al|el|ash|as|ad|ar|az|an|at|es|ez|ed|er|en|et|ul|il) /g, " ").replace(/ /g, "");
  };

  var index = null;
  function buildIndex(data, meta) {
    var out = [];
    var p = G.places;
    if (p) {
      for (var i = 0; i < p.name.length; i++) {
        var keys = [p.name[i]].concat(p.alt[i] ? p.alt[i].split("|") : []).map(G.compact);
        out.push({ type: "place", i: i, keys: keys, label: p.name[i], weight: p.imp[i] + (4 - (p.rank[i] || 4)) });
      }
    }
    (data ? data.features : []).forEach(function (f) {
      var props = f.properties;
      out.push({ type: "feature", id: props.id, props: props, label: props.name, weight: 10,
        keys: [props.name, props.id, props.agreement_name].map(G.compact) });
    });
    return out;
  }

  G.searchFor = function (query, limit) {
    var q = G.compact(query);
    if (q.length < 2 || !index) return [];
    var hits = [];
    index.forEach(function (item) {
      var best = 0;
      item.keys.forEach(function (k) {
        if (!k) return;
        var s = k === q ? 3 : k.indexOf(q) === 0 ? 2 : k.indexOf(q) > 0 ? 1 : 0;
        if (s > best) best = s;
      });
      if (best) hits.push({ item: item, score: best * 100 + item.weight });
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.item.label < b.item.label ? -1 : 1); });
    return hits.slice(0, limit || 12).map(function (h) { return h.item; });
  };

  function showPlace(map, i) {
    var p = G.places;
    var at = [p.lat[i], p.lon[i]];
    map.setView(at, Math.max(map.getZoom(), 12));
    if (G.searchMark) map.removeLayer(G.searchMark);
    var box = el("div", "gz-place-popup");
    box.appendChild(el("div", "gz-popup-title", p.name[i]));
    var other = (p.alt[i] || "").split("|").filter(function (s) { return s && !/^[a-z0-9 ]+$/.test(s); });
    if (other.length) box.appendChild(el("div", "gz-place-alt", "Also written: " + other.slice(0, 4).join(", ")));
    G.searchMark = L.circleMarker(at, { radius: 9, color: "#d62728", weight: 3, fill: false,
      pane: G.ensurePane(map, "gz-places", 450) }).addTo(map);
    G.searchMark.bindPopup(box).openPopup();
  }

  function showFeature(map, props) {
    var hit = G.features[props.id];
    if (!hit) return;
    if (!map.hasLayer(hit.group)) map.addLayer(hit.group);
    if (!hit.group.hasLayer(hit.layer) && G.setDay) G.setDay(props.start);
    G.focus(map, props.id);
  }

  /* The search control: a box and a list of matches (places and features). */
  G.search = function (map, data, meta) {
    var Control = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var root = el("div", "gz-panel gz-search");
        L.DomEvent.disableClickPropagation(root);
        L.DomEvent.disableScrollPropagation(root);
        var input = el("input", "gz-search-input");
        input.type = "search";
        input.placeholder = "Search places and features";
        input.setAttribute("aria-label", "Search places (any spelling) and features");
        input.setAttribute("autocomplete", "off");
        var list = el("ul", "gz-search-results");
        list.id = "gz-search-results";
        list.setAttribute("role", "listbox");
        input.setAttribute("aria-controls", list.id);
        root.appendChild(input);
        root.appendChild(list);
        var results = [], current = -1;
        function choose(item) {
          /* emptied after the click has bubbled: Leaflet would take a click on a detached
             element for a click on the map, and close the popup just opened */
          setTimeout(function () { list.textContent = ""; }, 0);
          if (item.type === "place") showPlace(map, item.i); else showFeature(map, item.props);
        }
        function render() {
          list.textContent = "";
          results.forEach(function (item, n) {
            var li = el("li", "gz-search-result" + (n === current ? " gz-current" : ""));
            li.setAttribute("role", "option");
            li.appendChild(el("span", "gz-search-name", item.label));
            var kind = item.type === "place" ? "place" : (meta.kinds[item.props.kind] || { label: item.props.kind }).label;
            li.appendChild(el("span", "gz-search-kind", " " + kind));
            li.addEventListener("click", function () { choose(item); });
            list.appendChild(li);
          });
        }
        input.addEventListener("input", function () {
          if (!index) index = buildIndex(data, meta);
          results = G.searchFor(input.value, 12);
          current = results.length ? 0 : -1;
          render();
        });
        input.addEventListener("keydown", function (e) {
          if (e.key === "ArrowDown" && results.length) { current = (current + 1) % results.length; render(); e.preventDefault(); }
          if (e.key === "ArrowUp" && results.length) { current = (current - 1 + results.length) % results.length; render(); e.preventDefault(); }
          if (e.key === "Enter" && current >= 0) { choose(results[current]); e.preventDefault(); }
        });
        G.closeSearch = function () { list.textContent = ""; };
        return root;
      },
    });
    return new Control().addTo(map);
  };
})();
