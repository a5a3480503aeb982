"""The HTML map without a browser: self-contained, small, safe, deterministic, atomic."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import geopandas as gpd
import pytest
import shapely
from _browser import HOSTILE, synthetic_timeline

from geozones import settings
from geozones.errors import GeozonesError, InputError
from geozones.map_elements import inline_assets_html, js_json
from geozones.maps import geojson_collection, map_html, render_map, simplified_geometries

MAX_BYTES = 1_500_000


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


def test_slider_covers_the_timeline_slices_with_their_events(page, timeline):
    config = json.loads(re.search(r"geozones\.timeControl\(\s*\w+,\s*\[[^\]]*\],\s*(\{.*?\}), ",
                                  page, re.S).group(1))
    assert config["slices"] == [d.isoformat() for d in timeline.slices()]
    assert config["fixed"] is None
    assert [(e["type"], e["id"]) for e in config["events"]["2020-03-06"]] == [
        ("start", "m4-corridor"), ("end", "dmz")]
    for day in config["slices"]:  # the same as Timeline.events, computed in one pass
        assert config["events"][day] == timeline.events(day)
    ends = [e for e in config["events"]["2020-02-06"] if e["type"] == "end"]
    assert [e["id"] for e in ends] == ["op-1"]
    # the initial position shows the most features in force (the latest such date)
    counts = [len(timeline.at(d)) for d in config["slices"]]
    assert counts[config["initial"]] == max(counts)


def test_one_kind_layer_per_layer_name_in_the_control(page):
    overlays = re.search(r"overlays :\s*\{(.*?)\}", page, re.S).group(1)
    names = re.findall(r'"([^"]+)" :', overlays)
    assert names == ["Zones", "Demilitarized zone", "Corridors", "Patrol routes",
                     "Observation posts"]


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
    import geozones.map_elements as me

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
    assert kinds == {"zone": "Polygon", "dmz": "Polygon", "m4-corridor": "Polygon",
                     "m4-patrol": "LineString", "op-1": "Point"}


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
    return subprocess.run([sys.executable, "-m", "geozones", "map", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


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

