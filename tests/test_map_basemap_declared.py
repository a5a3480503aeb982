"""The map's basemap comes from what the spec declares (issue #19 item 4): its boundary
layers, roads and places, not Syria's; a spec that declares nothing keeps the bundled one.

Real data (GeoNames via the world extra, the bundled Natural Earth and OCHA layers), real
Chromium with the network off (tests/_browser.py)."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _browser import (
    browser_available,
    failed_requests,
    make_driver,
    open_map,
    quit_driver,
    wait_for,
)

import geozones
from geozones.maps import map_html, render_map

ROOT = Path(__file__).resolve().parent.parent
LIBYA = ROOT / "examples" / "specs" / "libya-sirte-jufra.yaml"
LINE = ROOT / "examples" / "specs" / "libya_sirte_jufra_line.geojson"
DOC = ROOT / "docs" / "another-conflict.md"
COMMITTED = ROOT / "maps" / "north-west-syria.html"

#: Libya's box (a Syrian community is far outside it).
LIBYA_BOX = (9.0, 19.0, 26.0, 34.0)

needs_browser = pytest.mark.skipif(
    not browser_available(), reason="needs /usr/bin/chromium and chromedriver"
)


def _calls(text: str, function: str) -> list[list]:
    """The JSON arguments of every ``geozones.<function>(map, ...)`` call of a page."""
    out = []
    for m in re.finditer(rf"geozones\.{function}\(\w+,(.*?)\);\n", text, flags=re.S):
        out.append(json.loads("[" + m.group(1) + "]"))
    return out


def _meta(text: str) -> dict:
    m = re.search(r'"credit":("(?:[^"\\]|\\.)*")', text)
    assert m, "no credit in the page"
    return {"credit": json.loads(m.group(1))}


def _note(text: str) -> str:
    m = re.search(r'"basemap_note":("(?:[^"\\]|\\.)*")', text)
    assert m, "no basemap note in the page"
    return json.loads(m.group(1))


def _doc_files(folder: Path) -> Path:
    """The files of docs/another-conflict.md written into ``folder``; returns its spec."""
    shutil.copy(LINE, folder / LINE.name)
    text = DOC.read_text(encoding="utf-8")
    for _, body in re.findall(r"```(\w+)\n(.*?)```", text, flags=re.S):
        first, _, rest = body.partition("\n")
        if first.startswith("# file: "):
            (folder / first.removeprefix("# file: ").strip()).write_text(rest, encoding="utf-8")
    return folder / "libya.yaml"


@pytest.fixture(scope="module")
def driver():
    if not browser_available():
        pytest.skip("needs /usr/bin/chromium and chromedriver")
    drv = make_driver()
    yield drv
    quit_driver(drv)


@pytest.fixture(scope="module")
def libya_map(tmp_path_factory):
    return render_map(geozones.load_timeline(LIBYA), tmp_path_factory.mktemp("ly") / "libya.html")


@pytest.fixture(scope="module")
def doc_map(tmp_path_factory):
    folder = tmp_path_factory.mktemp("doc")
    return render_map(geozones.load_timeline(_doc_files(folder)), folder / "libya.html")


def _search(driver, text: str) -> list[str]:
    field = driver.find_element("css selector", ".gz-search-input")
    field.clear()
    field.send_keys(text)
    return [r.text for r in driver.find_elements("css selector", ".gz-search-name")]


def _layers(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('.leaflet-control-layers-overlays label'))"
        ".map(function (e) { return e.textContent.trim(); });"
    )


# --------------------------------------------------------------------------- the Libya example


def test_the_timeline_carries_what_its_spec_declared():
    tl = geozones.load_timeline(LIBYA)
    assert tl.declared["countries"] == ["LY"]
    (road,) = tl.declared["roads"]
    assert Path(road["path"]) == LINE.resolve()  # resolved against the spec, not the cwd
    assert road["name"] == "Sirte–Jufra road"
    assert tl.filter(["jmc-hq-sirte"]).declared == tl.declared
    assert geozones.load_timeline().declared["roads"] == []


def test_the_libya_page_holds_libyan_places_only(libya_map):
    text = libya_map.read_text(encoding="utf-8")
    ((places, label),) = _calls(text, "placesLayer")
    assert label == f"Places ({len(places['name'])})" and len(places["name"]) > 80
    x0, y0, x1, y1 = LIBYA_BOX
    assert all(
        x0 < x < x1 and y0 < y < y1 for x, y in zip(places["lon"], places["lat"], strict=True)
    )
    for name in ("Sirte", "Waddān", "Tripoli"):
        assert name in places["name"]
    assert not {"Idlib", "Aleppo", "Saraqib", "Morek"} & set(places["name"])
    # big towns first: Tripoli (1.3 million) is labelled before Sirte, Sirte before Hun
    order = places["name"]
    assert order.index("Tripoli") < order.index("Sirte") < order.index("Hūn")
    layers = [args[-1] for args in _calls(text, "basemapLayer")]
    # no Syrian district or road; Libya's land and its neighbours' from the world layer
    assert layers == ["Country borders", "Roads (Sirte–Jufra road)"]
    credit = _meta(text)["credit"]
    assert "GeoNames" in credit and "libya_sirte_jufra_line.geojson" not in credit
    assert "schematic line" in credit  # the road's credit: as the spec gives it
    assert "OCHA" not in credit and credit.startswith("Boundaries: Natural Earth · Roads")
    assert "Natural Earth at 1:50m" in _note(text)


def test_the_libya_page_draws_libya_and_its_neighbours_at_1_50m(libya_map):
    import shapely

    text = libya_map.read_text(encoding="utf-8")
    (countries,) = [
        args[1] for args in _calls(text, "basemapLayer") if args[-1] == "Country borders"
    ]
    shapes = {
        f["properties"]["name"]: shapely.geometry.shape(f["geometry"])
        for f in countries["features"]
    }
    assert {"Libya", "Egypt", "Tunisia", "Algeria", "Chad", "Niger", "Sudan"} <= set(shapes)
    assert not {"Syria", "Turkey", "Ukraine"} & set(shapes)  # only what is near
    focus = [f["properties"]["name"] for f in countries["features"] if f["properties"]["focus"]]
    assert focus == ["Libya"]  # the country holding the features is drawn lighter
    libya = shapes["Libya"]
    for lon, lat in ((16.59, 31.19), (15.95, 29.12), (15.94, 29.05)):  # Sirte, Waddan, Hun
        assert libya.contains(shapely.Point(lon, lat))
    assert not libya.contains(shapely.Point(18.5, 31.5))  # the Gulf of Sidra is sea
    # the borders are shared lines (one 1:50m layer): long, with no gap or overlap
    for other, degrees in (("Egypt", 9), ("Tunisia", 4), ("Algeria", 8)):
        assert libya.buffer(0.01).intersection(shapes[other].boundary).length > degrees, other
        assert libya.intersection(shapes[other]).area < 0.01, other


@needs_browser
def test_the_libya_map_labels_libyan_towns_and_finds_them_by_any_spelling(driver, libya_map):
    open_map(driver, libya_map)
    drawn = wait_for(driver, "return geozones.placesDrawn && geozones.placesDrawn.length")
    assert drawn
    labels = driver.execute_script("return geozones.placesDrawn")
    assert {"Sirte", "Hūn", "Waddān"} <= set(labels), labels
    cases = {"Surt": "Sirte", "Hun": "Hūn", "هون": "Hūn", "Socna": "Sūknah", "Uaddan": "Waddān"}
    for spelling, name in cases.items():  # GeoNames' alternate names, folded like the index
        assert name in _search(driver, spelling), spelling
    assert {"Roads (Sirte–Jufra road)", "Country borders"} <= set(_layers(driver))
    assert not {"Governorates", "Districts"} & set(_layers(driver))
    attribution = driver.find_element("css selector", ".leaflet-control-attribution").text
    assert "GeoNames" in attribution and "OCHA" not in attribution
    assert "Natural Earth" in attribution
    assert failed_requests(driver) == []


#: Whether a point (lat, lon) lies in the fill of a country of the page's country layer, as
#: Chromium draws it (SVG path in Leaflet's layer coordinates).
IN_COUNTRY = """
var o = geozones.overlays["country-borders"], map = geozones.map, out = {};
if (!o || !map.hasLayer(o.layer)) return null;
o.layer.eachLayer(function (l) {
  var path = l._path, hits = [];
  if (!path) return;
  arguments[0].forEach(function (pt) {
    var p = map.latLngToLayerPoint(pt);
    hits.push(path.isPointInFill(new DOMPoint(p.x, p.y)));
  });
  out[l.feature.properties.name] = {hits: hits, fill: path.getAttribute("fill"),
    stroke: path.getAttribute("stroke"), d: (path.getAttribute("d") || "").length};
});
return out;
"""


@needs_browser
def test_chromium_draws_libyas_land_coast_and_borders(driver, libya_map):
    open_map(driver, libya_map)
    driver.execute_script("geozones.map.setView([28.5, 18], 5, {animate: false});")
    points = [[29.12, 15.95], [31.5, 18.5], [30.0, 24.5], [30.0, 25.5], [32.0, 10.5]]
    drawn = wait_for(driver, IN_COUNTRY.replace("arguments[0]", json.dumps(points)))
    assert drawn, "no country layer on the map"
    assert {"Libya", "Egypt", "Tunisia", "Algeria"} <= set(drawn)
    libya, egypt, tunisia = drawn["Libya"], drawn["Egypt"], drawn["Tunisia"]
    # Waddan is on land, the Gulf of Sidra is sea (the map's background), the border with
    # Egypt runs between 24.5 and 25.5 E, and southern Tunisia lies west of Libya
    assert libya["hits"] == [True, False, True, False, False]
    assert egypt["hits"] == [False, False, False, True, False]
    assert tunisia["hits"][-1] is True
    assert not any(any(c["hits"][1:2]) for c in drawn.values())  # nobody's land at sea
    assert libya["fill"] == "#faf8f3" and egypt["fill"] == "#ebe7de"  # focus, land
    assert libya["stroke"] == egypt["stroke"] == "#7d7d7d" and libya["d"] > 300
    assert failed_requests(driver) == []


@needs_browser
def test_the_declared_boundaries_places_and_road_are_drawn(driver, doc_map):
    text = doc_map.read_text(encoding="utf-8")
    areas = {args[-1]: args[1] for args in _calls(text, "basemapLayer")}
    boundary = areas["Boundaries, level 2 (libya-adm2.geojson)"]
    assert [f["properties"]["name"] for f in boundary["features"]] == ["Al Jufrah"]
    ((places, _),) = _calls(text, "placesLayer")
    assert "Al-Jufra airbase" in places["name"]  # the places file's, as the spec writes it
    countries = {f["properties"]["name"] for f in areas["Country borders"]["features"]}
    assert {"Libya", "Egypt", "Tunisia"} <= countries  # as docs/another-conflict.md says
    credit = _meta(text)["credit"]
    for part in ("rough box of this page", "libya-places.csv", "GeoNames", "Natural Earth"):
        assert part in credit
    open_map(driver, doc_map)
    assert "Boundaries, level 2 (libya-adm2.geojson)" in _layers(driver)
    assert "Al-Jufra airbase" in _search(driver, "Al Jufra Air Base")
    assert failed_requests(driver) == []


# --------------------------------------------------------------------------- Syria unchanged


def test_a_spec_that_declares_nothing_keeps_the_bundled_basemap():
    from geozones.maps import _basemap, _declared_base, _places
    from geozones.maps._geometry import features_4326

    tl = geozones.load_timeline()
    assert not _declared_base.is_declared(tl.declared)
    frame = features_4326(tl.features)
    drawn = _declared_base.basemap_for(tl, frame, 20.0)
    assert drawn.credit is None and drawn.note == ""
    assert drawn.base == _basemap.basemap_near(frame, 20.0)
    assert drawn.places == _places.place_table(tl, frame)
    text = map_html(tl)
    committed = COMMITTED.read_text(encoding="utf-8")
    # the vector layers and the credit, byte for byte as in the committed map (the place
    # labels follow the timeline's spellings, so they change with the timeline)
    assert _calls(text, "basemapLayer") == _calls(committed, "basemapLayer")
    assert _meta(text) == _meta(committed)
    ((places, label),) = _calls(text, "placesLayer")
    assert places == json.loads(json.dumps(drawn.places)) and label.startswith("Places (5,")


def test_a_syria_spec_with_its_own_places_keeps_syria_and_adds_them(tmp_path):
    (tmp_path / "extra.csv").write_text(
        "name,lat,lon,country,population\nObservation hill,35.85,36.55,SY,0\n", encoding="utf-8"
    )
    spec = tmp_path / "s.yaml"
    spec.write_text(
        "timeline: {id: s, name: S, country: SY}\n"
        "gazetteer: {files: [extra.csv]}\n"
        "agreements:\n  - id: a\n    name: A\n    features:\n"
        "      - {id: f, kind: zone, start: 2020-03-06, confidence: schematic,\n"
        "         geometry: {buffer: {of: Saraqib, distance: 5 km}}}\n",
        encoding="utf-8",
    )
    text = map_html(geozones.load_timeline(spec))
    ((places, _),) = _calls(text, "placesLayer")
    assert "Observation hill" in places["name"] and "Saraqib" in places["name"]
    assert len(places["name"]) > 5000  # every Syrian community, as on the bundled map
    layers = [args[-1] for args in _calls(text, "basemapLayer")]
    assert "Governorates" in layers and "Roads (M4, M5)" in layers
    (countries,) = [a[1] for a in _calls(text, "basemapLayer") if a[-1] == "Country borders"]
    bundled = {"Iraq", "Israel", "Jordan", "Lebanon", "Syria", "Turkey"}
    assert {f["properties"]["name"] for f in countries["features"]} <= bundled  # as before
    assert "1:50m" not in _note(text)
    credit = _meta(text)["credit"]
    assert "OCHA" in credit and "extra.csv" in credit and "Natural Earth" in credit


def test_another_countrys_spec_near_syria_gets_no_syrian_districts_or_communities(tmp_path):
    spec = tmp_path / "t.yaml"
    spec.write_text(
        "timeline: {id: t, name: T, country: TR}\n"
        "gazetteer: {countries: [TR]}\n"
        "agreements:\n  - id: a\n    name: A\n    features:\n"
        "      - {id: f, kind: zone, start: 2020-03-06, confidence: schematic,\n"
        "         geometry: {buffer: {of: Reyhanli, distance: 5 km}}}\n",
        encoding="utf-8",
    )
    text = map_html(geozones.load_timeline(spec))
    layers = [args[-1] for args in _calls(text, "basemapLayer")]
    assert "Country borders" in layers  # Natural Earth reaches here: drawn
    assert not {"Governorates", "Districts", "Roads (M4, M5)"} & set(layers)
    (countries,) = [a[1] for a in _calls(text, "basemapLayer") if a[-1] == "Country borders"]
    names = [f["properties"]["name"] for f in countries["features"]]
    # Turkey's other neighbours from the 1:50m world layer, under the bundled 1:10m ones
    assert {"Greece", "Georgia", "Iran"} <= set(names[:-6])
    assert sorted(names[-6:]) == ["Iraq", "Israel", "Jordan", "Lebanon", "Syria", "Turkey"]
    assert len(names) == len(set(names))  # a bundled country is not drawn twice
    assert "Natural Earth at 1:50m (Syria and its neighbours: 1:10m)" in _note(text)
    ((places, _),) = _calls(text, "placesLayer")
    assert "Reyhanlı" in places["name"] or "Reyhanli" in places["name"]
    assert not {"Idlib", "Sarmada", "Harim"} & set(places["name"])
    assert "OCHA" not in _meta(text)["credit"]


# --------------------------------------------------------------------------- hostile and huge


HOSTILE_FILE = "<img src=x onerror=alert(1)>.geojson"
HOSTILE_NAME = "</script><script>alert(2)</script>"
HOSTILE_CREDIT = "<b onmouseover=alert(3)>credit</b>"
HOSTILE_PLACE = "<img src=y onerror=alert(4)> Qasr"


@needs_browser
def test_names_from_declared_files_are_escaped(driver, tmp_path):
    box = [[[15.0, 28.5], [17.0, 28.5], [17.0, 30.0], [15.0, 30.0], [15.0, 28.5]]]
    (tmp_path / HOSTILE_FILE).write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"shapeName": HOSTILE_NAME},
                        "geometry": {"type": "Polygon", "coordinates": box},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    shutil.copy(LINE, tmp_path / "road.geojson")
    (tmp_path / "p.csv").write_text(
        f'name,lat,lon,country\n"{HOSTILE_PLACE}",29.5,16.2,LY\n', encoding="utf-8"
    )
    spec = tmp_path / "h.yaml"
    spec.write_text(
        "timeline: {id: h, name: H, country: LY}\n"
        "gazetteer: {countries: [LY], files: [p.csv]}\n"
        f"boundaries: [{{path: '{HOSTILE_FILE}', level: 1}}]\n"
        f"roads: [{{path: road.geojson, name: '<i>road</i>', credit: '{HOSTILE_CREDIT}'}}]\n"
        "agreements:\n  - id: a\n    name: A\n    features:\n"
        "      - {id: f, kind: zone, start: 2020-10-23, confidence: schematic,\n"
        "         geometry: {buffer: {of: Hun, distance: 5 km}}}\n",
        encoding="utf-8",
    )
    out = render_map(geozones.load_timeline(spec), tmp_path / "h.html")
    text = out.read_text(encoding="utf-8")
    for raw in ("<img src=", "<script>alert", "<b onmouseover"):
        assert raw not in text
    open_map(driver, out)
    driver.execute_script(
        "window.__alerts = []; window.alert = function (m) { __alerts.push(String(m)); };"
    )
    time.sleep(0.3)
    layers = _layers(driver)
    assert f"Boundaries, level 1 ({HOSTILE_FILE})" in layers  # shown as text
    assert "Roads (<i>road</i>)" in layers
    attribution = driver.find_element("css selector", ".leaflet-control-attribution").text
    assert HOSTILE_CREDIT in attribution
    injected = "return document.querySelectorAll('.leaflet-control img, .leaflet-control b')"
    assert driver.execute_script(injected + ".length") == 0
    assert HOSTILE_PLACE in _search(driver, "Qasr")  # the file's place name, as text
    assert driver.execute_script("return document.querySelectorAll('.gz-search img').length") == 0
    assert driver.execute_script("return window.__alerts") == []


def test_a_huge_places_file_stays_bounded(tmp_path):
    from geozones.maps._places import MAX_DECLARED_PLACES

    rows = 3 * MAX_DECLARED_PLACES
    with (tmp_path / "many.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "lat", "lon", "country", "population"])
        for i in range(rows):  # a grid over the Sirte basin, populations 1 .. rows
            w.writerow(
                [f"Qx{i:06d}", 29.0 + (i % 200) * 0.01, 15.5 + (i // 200) * 0.01, "LY", i + 1]
            )
    shutil.copy(LINE, tmp_path / "road.geojson")
    spec = tmp_path / "big.yaml"
    spec.write_text(
        "timeline: {id: big, name: Big, country: LY}\n"
        "gazetteer: {countries: [LY], files: [many.csv]}\n"
        "agreements:\n  - id: a\n    name: A\n    features:\n"
        "      - {id: f, kind: zone, start: 2020-10-23, confidence: schematic,\n"
        "         geometry: {buffer: {of: Sirte, distance: 5 km}}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "big.html"
    proc = subprocess.run(  # its own process: the shared gazetteer gets none of these places
        [sys.executable, "-m", "geozones", "map", str(spec), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"{MAX_DECLARED_PLACES} of " in proc.stderr and "declared places kept" in proc.stderr
    text = out.read_text(encoding="utf-8")
    ((places, label),) = _calls(text, "placesLayer")
    assert len(places["name"]) == MAX_DECLARED_PLACES
    assert label.startswith(f"Places ({MAX_DECLARED_PLACES:,} largest of ")
    # the most populous were kept: the smallest file place kept outranks every one cut
    kept = sorted(int(n[2:]) for n in places["name"] if re.fullmatch(r"Qx\d{6}", n))
    assert kept[-1] == rows - 1 and kept[0] > rows - MAX_DECLARED_PLACES - 200
    assert "Tripoli" in places["name"] and "Sirte" in places["name"]
    assert "largest of" in text and out.stat().st_size < 6_000_000


def test_a_timeline_country_alone_gives_its_places_and_needs_no_world_extra(tmp_path, monkeypatch):
    spec = tmp_path / "u.yaml"
    spec.write_text(
        "timeline: {id: u, name: U, country: UA}\n"
        "agreements:\n  - id: a\n    name: A\n    features:\n"
        "      - {id: f, kind: zone, start: 2022-03-06, confidence: schematic,\n"
        "         geometry: {buffer: {of: {point: {lat: 47.1, lon: 37.55}}, distance: 5 km}}}\n",
        encoding="utf-8",
    )
    tl = geozones.load_timeline(spec)
    ((places, _),) = _calls(map_html(tl), "placesLayer")
    assert "Mariupol" in places["name"] and len(places["name"]) > 500  # Ukraine's GeoNames towns
    assert not {"Idlib", "Sarmada"} & set(places["name"])

    def no_world(self, cc):  # as without geozones[world]
        raise geozones.errors.InputError("install geozones[world]")

    monkeypatch.setattr(type(geozones.Gazetteer.default()), "load_country", no_world)
    ((fewer, _),) = _calls(map_html(tl), "placesLayer")  # the map still renders
    assert len(fewer["name"]) < len(places["name"]) and "Sarmada" not in fewer["name"]


def test_a_day_with_nothing_in_force_still_opens_on_the_specs_country():
    text = map_html(geozones.load_timeline(LIBYA), date="2019-01-01")
    ((south, west), (north, east)) = json.loads(
        re.search(r"geozones\.fitView\(\w+, (\[\[.*?\]\])\);", text).group(1)
    )
    assert 28 < south < north < 32 and 15 < west < east < 17.5  # Sirte to Hun, not Syria
    layers = {args[-1]: args[1] for args in _calls(text, "basemapLayer")}
    assert list(layers) == ["Country borders", "Roads (Sirte–Jufra road)"]
    names = {f["properties"]["name"] for f in layers["Country borders"]["features"]}
    assert "Libya" in names and not {"Syria", "Turkey", "Lebanon"} & names  # not Syria's region
    assert "Natural Earth" in _meta(text)["credit"]


def test_a_syria_spec_with_its_own_boundaries_draws_them_instead_of_ochas(tmp_path):
    import geopandas as gpd

    from geozones import boundaries

    adm1 = boundaries.load("admin1")
    adm1 = adm1[adm1["pcode"].isin(["SY07", "SY02"])]
    gpd.GeoDataFrame(
        {"shapeName": adm1["name_en"].to_numpy(), "shapeISO": adm1["pcode"].to_numpy()},
        geometry=adm1.geometry.to_numpy(),
        crs=4326,
    ).to_file(tmp_path / "gb-adm1.geojson", driver="GeoJSON")
    spec = tmp_path / "s.yaml"
    spec.write_text(
        "timeline: {id: s, name: S, country: SY}\n"
        "boundaries: [{path: gb-adm1.geojson, level: 1, credit: geoBoundaries (CC BY 4.0)}]\n"
        "agreements:\n  - id: a\n    name: A\n    features:\n"
        "      - {id: f, kind: zone, start: 2020-03-06, confidence: schematic,\n"
        "         geometry: {admin: Idleb}}\n",
        encoding="utf-8",
    )
    text = map_html(geozones.load_timeline(spec))
    layers = {args[-1]: args[1] for args in _calls(text, "basemapLayer")}
    drawn = layers["Boundaries, level 1 (gb-adm1.geojson)"]["features"]
    assert sorted(f["properties"]["name"] for f in drawn) == ["Aleppo", "Idleb"]
    assert not {"Governorates", "Districts"} & set(layers)
    assert {"Country borders", "Roads (M4, M5)"} <= set(layers)
    credit = _meta(text)["credit"]
    assert credit.startswith("Boundaries: geoBoundaries (CC BY 4.0), Natural Earth · Rivers")
    assert "OCHA COD-AB" not in credit and "Places: OCHA, GeoNames" in credit
