"""The HTML map without a browser: self-contained, small, safe, deterministic, atomic."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import geopandas as gpd
import hypothesis
import hypothesis.strategies as st
import pytest
import shapely
from _browser import HOSTILE, synthetic_timeline
from _files import digest

from geozones import settings
from geozones.errors import GeozonesError, InputError
from geozones.kinds import KINDS
from geozones.maps import geojson_collection, js_json, map_html, render_map, simplified_geometries
from geozones.maps._assets import inline_assets_html

MAX_BYTES = 2_000_000  # issue #15: the bundled map under 2 MB


class _Resources(HTMLParser):
    """Collect every reference an HTML page would load from elsewhere."""

    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.scripts = 0
        self.styles = 0
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
            if a.get("src"):
                self.external.append(f"script {a['src']}")
        if tag == "link" and a.get("href"):
            self.external.append(f"link {a['href']}")
        if tag in ("img", "iframe", "embed", "source", "audio", "video") and a.get("src"):
            self.external.append(f"{tag} {a['src']}")
        if tag == "style":
            self.styles += 1
            self._in_style = True
        if "style" in a:
            self._check_css(a["style"])

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self._check_css(data)

    def _check_css(self, css):
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]*)", css):
            if not ref.startswith("data:"):
                self.external.append(f"url({ref})")
        for ref in re.findall(r"@import\s+['\"]?([^'\";]+)", css):
            self.external.append(f"@import {ref}")


def _resources(text: str) -> _Resources:
    parser = _Resources()
    parser.feed(text)
    return parser


def _embedded(text: str, var: str) -> dict:
    """The JSON object assigned to ``var <prefix>_N = {...};`` in the page."""
    match = re.search(rf"var ({var}_\d+) = (\{{.*?\}});\n", text)
    assert match, f"no {var} in the page"
    return json.loads(match.group(2))


@pytest.fixture(scope="module")
def timeline():
    return synthetic_timeline()


@pytest.fixture(scope="module")
def page(timeline, tmp_path_factory):
    path = render_map(timeline, tmp_path_factory.mktemp("map") / "synthetic.html", basemap=False)
    return path.read_text(encoding="utf-8")


def test_page_loads_nothing_from_elsewhere(page):
    res = _resources(page)
    assert res.external == []
    assert res.scripts >= 3 and res.styles >= 2  # Leaflet + runtime + map script; their CSS
    assert "L.version" in page or '"1.9.4"' in page  # Leaflet itself is inlined
    assert "cdn." not in page and "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_leaflet_assets_come_from_the_pinned_package():
    from importlib.metadata import version

    assert version("django-js-lib-leaflet") == "1.9.4.1"
    assets = inline_assets_html()
    assert 't.version="1.9.4"' in assets
    assert "sourceMappingURL" not in assets
    assert assets.count("data:image/png;base64,") == 3  # the layer-control and marker images


def test_hostile_text_never_appears_as_markup(page):
    assert HOSTILE not in page
    assert "<script>alert(2)" not in page
    assert "<b>4</b>" not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page  # kept, as JSON-escaped text
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert title.startswith("Synthetic &lt;img src=x onerror=alert(1)&gt;")
    # no page text outside <script>/<style> carries feature names: the runtime builds text nodes
    body = re.search(r"<body>(.*?)</body>", page, re.S).group(1)
    assert "Idlib" not in body


def test_title_option_replaces_the_timeline_name_escaped(timeline):
    text = map_html(timeline, basemap=False, title="Idlib & the M4 <2020>")
    assert "<title>Idlib &amp; the M4 &lt;2020&gt; — geozones map</title>" in text
    assert '"title":"Idlib \\u0026 the M4 \\u003c2020\\u003e"' in text


def test_js_json_cannot_close_a_script():
    text = js_json({"a": "</script><script>alert(1)</script>", "b": "x\u2028y", "c": "<!--"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text)["a"] == "</script><script>alert(1)</script>"


def test_features_embedded_once_with_intervals(page, timeline):
    data = _embedded(page, "gz_features")
    props = {f["properties"]["id"]: f["properties"] for f in data["features"]}
    assert set(props) == set(timeline.features["id"])
    assert props["zone"]["start"] == "2017-05-06" and props["zone"]["end"] is None
    assert props["dmz"]["end"] == "2020-03-05"  # the last day in force
    assert page.count('"type":"LineString"') == 1  # geometry embedded once, not per slice
    assert props["zone"]["sources"][0]["url"] == "https://example.org/report?a=1&b=2"


def _time_config(page: str) -> dict:
    match = re.search(r"geozones\.timeControl\(\s*\w+,\s*(\{.*?\}), \w+_meta", page, re.S)
    assert match, "no time control in the page"
    return json.loads(match.group(1))


def test_time_axis_holds_the_state_of_every_change_day(page, timeline):
    config = _time_config(page)
    data = _embedded(page, "gz_features")
    ids = [f["properties"]["id"] for f in data["features"]]
    assert config["fixed"] is None
    assert config["days"] == [d.isoformat() for d in timeline.change_days()]
    assert config["days"] == [d.isoformat() for d in timeline.slices()]  # no control table here
    for day, on in zip(config["days"], config["states"], strict=True):
        assert sorted(ids[i] for i in on) == sorted(timeline.at(day)["id"])  # Timeline's rule
    # the axis starts before the first change (an honest empty state) and ends after the last
    assert config["axis"][0] < config["days"][0] and config["axis"][1] > config["days"][-1]
    assert config["events"] == timeline.events_by_day()
    assert [(e["type"], e["id"]) for e in config["events"]["2020-03-06"]] == [
        ("start", "m4-corridor"),
        ("end", "dmz"),
    ]
    assert [e["id"] for e in config["events"]["2020-03-05"]] == ["moscow"]  # its own day
    assert [e["id"] for e in config["events"]["2017-05-04"]] == ["astana"]  # before any change
    counts = [len(on) for on in config["states"]]
    assert config["initial"] == config["days"][len(counts) - 1 - counts[::-1].index(max(counts))]


def test_timeline_events_by_day_agrees_with_events(timeline):
    by_day = timeline.events_by_day()
    for day in [*by_day, "2019-01-01", "2016-01-01"]:
        assert timeline.events(day) == by_day.get(day, [])
    # with positions: a signing between two of them is reported on the next one, dated
    days = [d.isoformat() for d in timeline.slices()]
    signed = {
        e["id"]: (day, e["date"])
        for day, evs in timeline.events_by_day(days).items()
        for e in evs
        if e["type"] == "signed"
    }
    assert signed == {"sochi": ("2018-09-17", "2018-09-17"), "moscow": ("2020-03-06", "2020-03-05")}


def test_in_force_matrix_is_in_force_of_each_day(timeline):
    days = ["2015-01-01", "2017-05-06", "2018-09-17", "2020-03-05", "2020-03-06", "2030-01-01"]
    matrix = timeline.in_force_matrix(days)
    for day, row in zip(days, matrix, strict=True):
        assert row.tolist() == timeline.in_force(day).tolist()
        assert timeline.active_mask(day).tolist() == row.tolist()
    assert not matrix[0].any()


def test_one_kind_layer_per_layer_name_in_the_control(page):
    overlays = re.search(r"overlays :\s*\{(.*?)\}", page, re.S).group(1)
    names = re.findall(r'"([^"]+)" :', overlays)
    assert names == [
        "Zones",
        "Demilitarized zone",
        "Corridors",
        "Patrol routes",
        "Observation posts",
    ]


def test_date_renders_one_date_without_slider(timeline, tmp_path):
    path = render_map(timeline, tmp_path / "one.html", date="2020-03-06", basemap=False)
    text = path.read_text(encoding="utf-8")
    data = _embedded(text, "gz_features")
    ids = sorted(f["properties"]["id"] for f in data["features"])
    assert ids == sorted(timeline.at("2020-03-06")["id"])
    assert "dmz" not in ids and "m4-corridor" in ids
    assert '"fixed":"2020-03-06"' in text


def test_same_input_gives_the_same_bytes(timeline, tmp_path):
    a = render_map(timeline, tmp_path / "a.html", basemap=False).read_bytes()
    b = render_map(synthetic_timeline(), tmp_path / "b.html", basemap=False).read_bytes()
    assert a == b
    assert not re.search(r"[0-9a-f]{32}", a.decode("utf-8"))  # no folium uuid ids left


def test_failed_render_leaves_no_file_and_keeps_the_old_one(timeline, tmp_path, monkeypatch):
    import geozones.maps._elements as me

    target = tmp_path / "out.html"
    target.write_text("previous map")

    def boom(self, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(me.Legend, "render", boom)
    with pytest.raises(RuntimeError):
        render_map(timeline, target, basemap=False)
    assert target.read_text() == "previous map"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]
    with pytest.raises(RuntimeError):
        render_map(timeline, tmp_path / "new.html", basemap=False)
    assert not (tmp_path / "new.html").exists()


def test_unwritable_targets_are_clear_errors(timeline, tmp_path):
    from geozones.errors import ExportError

    with pytest.raises(ExportError, match="is a folder"):
        render_map(timeline, tmp_path, basemap=False)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="cannot write the map"):
        render_map(timeline, blocker / "map.html", basemap=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_geometry_rounded_and_simplified_within_tolerance(timeline):
    frame = timeline.features
    geoms = simplified_geometries(frame, 50.0)
    decimals = settings.coordinate_precision
    coords = re.findall(r"-?\d+\.(\d+)", json.dumps(geoms))
    assert coords and max(len(c) for c in coords) <= decimals
    utm = frame.estimate_utm_crs()
    simple = gpd.GeoSeries([shapely.geometry.shape(g) for g in geoms], crs=4326).to_crs(utm)
    original = frame.geometry.to_crs(utm)
    distances = shapely.hausdorff_distance(original.to_numpy(), simple.to_numpy())
    assert distances.max() <= 50.0 + 0.5
    vertices = shapely.get_num_coordinates(simple.to_numpy()).sum()
    assert vertices < shapely.get_num_coordinates(original.to_numpy()).sum()


def test_collection_drops_nothing_and_keeps_points(timeline):
    fc = geojson_collection(timeline.features, simplify_m=0)
    kinds = {f["properties"]["id"]: f["geometry"]["type"] for f in fc["features"]}
    assert kinds == {
        "zone": "Polygon",
        "dmz": "Polygon",
        "m4-corridor": "Polygon",
        "m4-patrol": "LineString",
        "op-1": "Point",
        "op-pair": "MultiPoint",
    }


def test_tiles_are_optional_base_layers_never_shown_by_default(timeline):
    offline = map_html(timeline, basemap=False)
    assert "tile.openstreetmap" not in offline and "L.tileLayer" not in offline
    online = map_html(timeline, basemap=False, tiles="OpenTopoMap")
    assert "tile.opentopomap.org" in online
    layer = re.search(r"var (tile_layer_\d+) = L\.tileLayer", online).group(1)
    assert f"{layer}.addTo(" not in online  # offered in the control, not drawn
    assert _resources(online).external == []  # tile URLs are templates, not loads
    both = map_html(timeline, basemap=False, offline=False)
    assert "tile.openstreetmap.org" in both and "arcgisonline.com" in both
    with pytest.raises(InputError, match="API key"):
        map_html(timeline, basemap=False, tiles="Thunderforest.OpenCycleMap")


def test_bad_tiles_date_and_tolerance_are_clear_errors(timeline, tmp_path):
    with pytest.raises(InputError, match="unknown tile provider 'OpenStreetMapp'.*OpenStreetMap"):
        render_map(timeline, tmp_path / "x.html", tiles="OpenStreetMapp", basemap=False)
    with pytest.raises(InputError, match="2020-13-01"):
        render_map(timeline, tmp_path / "x.html", date="2020-13-01", basemap=False)
    with pytest.raises(InputError, match="simplify_m"):
        render_map(timeline, tmp_path / "x.html", simplify_m=-1, basemap=False)
    with pytest.raises(GeozonesError, match="Timeline"):
        render_map("not a timeline", tmp_path / "x.html")
    assert list(tmp_path.iterdir()) == []


def test_synthetic_map_with_basemap_is_small(timeline, tmp_path):
    path = render_map(timeline, tmp_path / "m.html")
    assert path.stat().st_size < MAX_BYTES


# --------------------------------------------------------------------------- CLI


def _cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "geozones", "map", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_cli_bad_date_exits_2_with_one_line(tmp_path):
    res = _cli("--date", "06/03/2020", "--out", str(tmp_path / "x.html"))
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "YYYY-MM-DD" in res.stderr
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "x.html").exists()


def test_cli_bad_spec_exits_2_with_one_line(tmp_path):
    spec = tmp_path / "bad.yaml"
    spec.write_text("agreements: [1, 2\n")
    res = _cli(str(spec), "--out", str(tmp_path / "x.html"))
    assert res.returncode == 2, res.stderr
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    assert not (tmp_path / "x.html").exists()
    missing = _cli(str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "x.html"))
    assert missing.returncode == 2 and "nope.yaml" in missing.stderr


def test_cli_help_lists_the_options():
    res = _cli("--help")
    assert res.returncode == 0
    for option in ("--out", "--date", "--tiles", "--json"):
        assert option in res.stdout


# --------------------------------------------------------------------------- the bundled map


@pytest.fixture(scope="module")
def bundled():
    import geozones

    return geozones.load_timeline()


@pytest.fixture(scope="module")
def bundled_page(bundled, tmp_path_factory):
    path = render_map(bundled, tmp_path_factory.mktemp("bundled") / "nw.html")
    return path.read_bytes()


def test_bundled_map_is_small_self_contained_and_complete(bundled, bundled_page):
    assert len(bundled_page) < MAX_BYTES
    text = bundled_page.decode("utf-8")
    assert _resources(text).external == []
    data = _embedded(text, "gz_features")
    assert sorted(f["properties"]["id"] for f in data["features"]) == sorted(bundled.features["id"])
    overlays = re.search(r"overlays :\s*\{(.*?)\}", text, re.S).group(1)
    names = re.findall(r'"([^"]+)" :', overlays)
    for layer in {k.layer for k in map(KINDS.get, bundled.features["kind"])}:
        assert layer in names
    for layer in ("Country borders", "Governorates", "Districts", "Rivers and lakes"):
        assert layer in names
    assert "Golan line (1974)" in names
    assert any(n.startswith("Roads (M4") for n in names)
    assert any(n.startswith("Places (5,") for n in names)


def test_bundled_map_renders_the_same_bytes_twice(bundled, bundled_page, tmp_path):
    assert digest(render_map(bundled, tmp_path / "again.html")) == digest(bundled_page)


def test_committed_bundled_map_is_self_contained():
    root = Path(__file__).resolve().parent.parent / "maps"
    page = (root / "north-west-syria.html").read_bytes()
    assert len(page) < MAX_BYTES
    assert _resources(page.decode("utf-8")).external == []
    png = (root / "north-west-syria.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000


def test_basemap_has_borders_roads_water_and_the_golan_line():
    from geozones.maps import basemap_collections

    base = basemap_collections()
    assert len(base["admin1"]["features"]) == 14
    assert len(base["admin2"]["features"]) == 61
    roads = {f["properties"]["name"]: f["geometry"]["type"] for f in base["roads"]["features"]}
    assert set(roads) == {"M4", "M5"} and set(roads.values()) <= {"LineString", "MultiLineString"}
    rivers = {f["properties"]["name"] for f in base["rivers"]["features"]}
    assert {"Euphrates", "Al Furat", "Jordan"} <= rivers
    assert any("Assad" in f["properties"]["name"] for f in base["lakes"]["features"])
    (golan,) = base["golan-line"]["features"]
    assert golan["geometry"]["type"] in ("LineString", "MultiLineString")
    xy = shapely.get_coordinates(shapely.geometry.shape(golan["geometry"]))
    lon, lat = xy[:, 0], xy[:, 1]
    assert 35.6 < min(lon) and max(lon) < 36.1 and 32.6 < min(lat) and max(lat) < 33.5


def test_every_bundled_community_is_a_place_with_one_display_name(bundled):
    from geozones.maps._geometry import features_4326
    from geozones.maps._places import place_table

    places = place_table(bundled, features_4326(bundled.features))
    ranks: dict[str, int] = {}
    for name, rank in zip(places["name"], places["rank"], strict=True):
        ranks[name] = rank if rank in (1, 2) else ranks.get(name, rank)
    assert sum(1 for r in places["rank"] if r != 3) >= 5251 - 10  # every OCHA community
    assert ranks["Aleppo"] == 1 and ranks["Afrin"] == 2 and ranks["Azaz"] == 2
    # a place the spec names is shown by the spec's spelling (as in the popups)
    written = {p.matched for p in bundled.places}
    assert "Morek" in written and "Morek" in ranks and "Murak" not in ranks
    i = places["name"].index("Morek")
    assert "Murak" in places["alt"][i].split("|")  # the other spellings stay searchable
    assert places["rank"][:13] == [1] * 13  # seats first: they are labelled first
    # a place the timeline's texts write in another known spelling is shown as they write it
    assert "Idlib" in ranks and "Idleb" not in ranks and "Saraqib" in ranks


def test_cli_default_writes_maps_timeline_id_html(tmp_path):
    res = _cli("--json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    out = tmp_path / "maps" / "north-west-syria.html"
    assert Path(info["path"]) == Path("maps/north-west-syria.html") and out.exists()
    assert info["bytes"] == out.stat().st_size < MAX_BYTES
    assert info["slices"] > 10 and info["features"] > 10


def test_cli_date_and_tiles(tmp_path):
    out = tmp_path / "day.html"
    res = _cli("--date", "2020-03-06", "--tiles", "OpenTopoMap", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "on 2020-03-06" in res.stdout
    text = out.read_text(encoding="utf-8")
    assert '"fixed":"2020-03-06"' in text and "tile.opentopomap.org" in text
    bad = _cli("--tiles", "NoSuchTiles", "--out", str(tmp_path / "x.html"))
    assert bad.returncode == 2 and "unknown tile provider" in bad.stderr
    assert not (tmp_path / "x.html").exists()


def test_cli_renders_a_hostile_spec_as_text(tmp_path):
    spec = tmp_path / "hostile.yaml"
    spec.write_text(
        f"""timeline:
  id: hostile
  name: "Hostile {HOSTILE}"
agreements:
  - id: a1
    name: "Agreement </script><script>alert(1)</script>"
    signed: 2020-03-05
    sources:
      - url: "https://example.org/a?b=1&c=%3Cscript%3E"
        title: "{HOSTILE}"
        quote: "<script>alert(2)</script>"
    features:
      - id: f1
        name: "Zone {HOSTILE}"
        kind: zone
        start: 2020-03-06
        confidence: schematic
        notes: "<svg onload=alert(3)>"
        geometry:
          buffer: {{of: {{place: Idlib}}, distance: 5 km}}
""",
        encoding="utf-8",
    )
    res = _cli(str(spec), "--out", str(tmp_path / "h.html"))
    assert res.returncode == 0, res.stderr
    text = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert HOSTILE not in text and "<svg onload" not in text and "<script>alert(2)" not in text
    assert text.count("</script>") == text.count("<script>")
    assert "alert(1)</script>" not in text


@hypothesis.given(st.text())
@hypothesis.settings(max_examples=300, deadline=None)
def test_js_json_keeps_any_text_and_never_emits_markup(text):
    out = js_json({"name": text, "list": [text]})
    assert not set(out) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(out) == {"name": text, "list": [text]}


def test_cli_output_does_not_depend_on_the_process(tmp_path):
    import os

    pages = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = tmp_path / f"seed{seed}.html"
        res = subprocess.run(
            [sys.executable, "-m", "geozones", "map", "--out", str(out)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert res.returncode == 0, res.stderr
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


def test_map_elsewhere_keeps_only_the_basemap_near_its_features(tmp_path):
    import pandas as pd

    from geozones.timeline import Timeline

    frame = gpd.GeoDataFrame(
        {
            "id": ["line"],
            "name": ["Sirte–Jufra line"],
            "kind": ["contact-line"],
            "agreement": ["a"],
            "agreement_name": ["A"],
            "start_date": pd.to_datetime(["2020-06-20"]),
            "end_date": pd.to_datetime([None]),
            "confidence": ["schematic"],
            "notes": [""],
            "sources": [[]],
        },
        geometry=[shapely.LineString([(16.6, 31.2), (16.0, 29.1)])],
        crs=4326,
    )
    text = render_map(Timeline(frame, name="Libya", id="libya"), tmp_path / "l.html").read_text(
        encoding="utf-8"
    )
    overlays = re.findall(r'"([^"]+)" :', re.search(r"overlays :\s*\{(.*?)\}", text, re.S).group(1))
    assert overlays[0] == "Contact lines" and overlays[1].startswith("Places (")
    assert len(overlays) == 2  # no Syrian borders, districts, roads or communities
    assert "Idleb" not in text and "Sirte" in text  # a large town near the line is labelled
    assert '"land":false' in text and "No bundled basemap covers this area" in text
    assert len(text.encode()) < 450_000


def test_legend_labels_come_from_the_timelines_own_kinds(timeline):
    from geozones.maps._legend import meta

    labels = {k: v["label"] for k, v in meta(timeline, timeline.features)["kinds"].items()}
    assert labels["zone"] == "Zone" and labels["patrol-route"] == "Patrol route"
    assert "De-escalation" not in " ".join(labels.values())  # no Syria wording for any spec
    timeline.kind_labels = {"zone": "Buffer zone <b>"}
    try:
        page = map_html(timeline, basemap=False)
    finally:
        del timeline.kind_labels
    assert _embedded(page, "gz_features")  # still well formed
    assert '"label":"Buffer zone \\u003cb\\u003e"' in page


def test_line_kinds_get_a_line_swatch_and_each_layer_its_place_in_the_drawing_order(page):
    legend = json.loads(re.search(r'"legend_kinds":(\[.*?\])', page).group(1))
    kinds = {e["id"]: e["geometry"] for e in legend}
    assert kinds["patrol-route"] == "line" and kinds["observation-post"] == "point"
    assert kinds["zone"] == "area"
    layers = [e["layer"] for e in legend]
    assert layers == sorted(layers)  # areas, then lines, then points
