"""Exports: every file is read back (GDAL via pyogrio, or parsed independently) and
compared with the timeline it came from: same features, ids, dates and geometry."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

import geozones
from geozones import settings
from geozones.cli import main
from geozones.errors import ExportError, InputError
from geozones.kinds import KINDS
from geozones.place import Place
from geozones.timeline import Timeline

KML = "{http://www.opengis.net/kml/2.2}"
HOSTILE = 'Idlib <zone> & "friends" ʿAyn — \u0645\u0646\u0637\u0642\u0629'


def _synthetic() -> Timeline:
    # exterior clockwise and hole counter-clockwise on purpose: the writer must flip both
    polygon = shapely.Polygon(
        [(36.0, 35.0), (36.0, 36.0), (37.0, 36.0), (37.0, 35.0)],
        [[(36.2, 35.2), (36.4, 35.2), (36.4, 35.4), (36.2, 35.4)]],
    )
    multi = shapely.MultiPolygon(
        [
            shapely.Polygon(
                [(36.1234567, 35.5), (36.3, 35.5), (36.3, 35.7), (36.1234567, 35.7)],
                [[(36.15, 35.55), (36.15, 35.6), (36.2, 35.6), (36.2, 35.55)]],
            ),
            shapely.box(36.5, 35.5, 36.7, 35.7, ccw=False),
        ]
    )
    line = shapely.LineString([(36.1, 35.1), (36.55555555, 35.66666666), (37.0, 35.9)])
    point = shapely.Point(36.7123456789, 35.9876543219)
    features = gpd.GeoDataFrame(
        {
            "id": ["zone-1", "dmz-1", "route-1", "op-1"],
            "name": [HOSTILE, "منطقة خفض التصعيد", "M4 patrol", "Post ʿAin"],
            "kind": ["zone", "demilitarized-zone", "patrol-route", "observation-post"],
            "agreement": ["astana", "sochi", "moscow", "astana"],
            "agreement_name": ["Astana & <co>", "Sochi", "Moscow protocol", "Astana & <co>"],
            "start_date": pd.to_datetime(["2017-05-04", "2018-09-17", "2020-03-15", "2017-10-12"]),
            "end_date": pd.to_datetime([None, "2020-03-05", None, "2019-12-31"]),
            "confidence": ["approximate", "schematic", "surveyed", "approximate"],
            "notes": ["<script>alert(1)</script> ]]> x\x01y", "", "عربي", "ok"],
            "sources": [
                [
                    {
                        "url": "https://example.org/a?x=1&y=2",
                        "quote": 'he said "<stop>"',
                        "title": "A & B",
                    }
                ],
                [],
                [{"url": "javascript:alert(1)", "quote": "q", "title": "evil"}],
                [{"url": "https://example.org/b", "quote": "قال", "title": "Arabic"}],
            ],
        },
        geometry=[polygon, multi, line, point],
        crs="EPSG:4326",
    )
    places = [
        Place("Saraqib", 35.8641, 36.8054, source="ocha-cod", source_id="C4179"),
        Place(
            "Jisr al-Shughur",
            35.8123456789,
            36.3191,
            source="geonames",
            source_id="170063",
            admin=("Syria", "Idleb"),
            country="SY",
        ),
        Place("Saraqib", 35.8641, 36.8054, source="ocha-cod", source_id="C4179"),  # repeated
    ]
    return Timeline(features, name="Synthetic <test>", id="synth", places=places)


@pytest.fixture
def tl() -> Timeline:
    return _synthetic()


def _real_timeline() -> Timeline:
    try:
        return geozones.load_timeline()
    except (ImportError, geozones.GeozonesError, FileNotFoundError) as exc:
        if os.environ.get("CI"):  # in CI the bundled timeline must compile: fail, never skip
            raise
        pytest.skip(f"bundled timeline not available yet: {exc}")


# --- helpers that do not trust the writer ---------------------------------------------


def _shoelace(ring: list[list[float]]) -> float:
    """Signed area of a closed ring: > 0 counter-clockwise."""
    xs = np.array([c[0] for c in ring])
    ys = np.array([c[1] for c in ring])
    return 0.5 * float(np.sum(xs[:-1] * ys[1:] - xs[1:] * ys[:-1]))


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def _numbers(obj) -> list[float]:
    if isinstance(obj, (int, float)) and not isinstance(obj, bool):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [n for item in obj for n in _numbers(item)]
    return []


def _same_geometry(a, b, tol: float = 2e-6, spikes: bool = False) -> bool:
    """Equal within the rounding: Hausdorff distance and area of the difference tiny.

    With ``spikes``, a polygon may have lost zero-width spikes that rounding
    would have folded into self-intersections: then only the area of the
    difference is compared (a spike has none).
    """
    a, b = shapely.normalize(a), shapely.normalize(b)
    if a.geom_type.removeprefix("Multi") != b.geom_type.removeprefix("Multi"):
        return False
    area_ok = shapely.symmetric_difference(a, b).area <= tol * max(a.length, b.length)
    if spikes and a.area > 0:
        return area_ok
    return area_ok and shapely.hausdorff_distance(a, b) <= tol


def _assert_matches(frame: pd.DataFrame, expected: gpd.GeoDataFrame, spikes: bool = False) -> None:
    """Read-back frame vs timeline features: ids, dates (by value), geometry."""
    got = frame.set_index("id").sort_index()
    exp = expected.set_index("id").sort_index()
    assert list(got.index) == list(exp.index)
    for col in ("start_date", "end_date"):
        g = pd.to_datetime(got[col].replace("", None)).dt.normalize()
        e = exp[col]
        assert g.isna().tolist() == e.isna().tolist(), col
        assert (g[e.notna()] == e[e.notna()]).all(), col
    for fid in exp.index:
        ok = _same_geometry(got.loc[fid, "geometry"], exp.loc[fid, "geometry"], spikes=spikes)
        assert ok, fid


# --- format choice and bad input -------------------------------------------------------


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("a.geojson", "geojson"),
        ("a.JSON", "geojson"),
        ("a.gpkg", "gpkg"),
        ("a.kml", "kml"),
        ("a.fgb", "fgb"),
        ("a.csv", "csv"),
    ],
)
def test_format_is_inferred_from_the_extension(tl, tmp_path, name, fmt):
    path = geozones.export(tl, tmp_path / name)
    assert path.exists() and path.stat().st_size > 0
    if fmt == "geojson":
        assert json.loads(path.read_text("utf-8"))["type"] == "FeatureCollection"
    elif fmt == "csv":
        assert path.read_text("utf-8").startswith("name,lat,lon")
    else:
        driver = {"gpkg": "GPKG", "kml": "LIBKML", "fgb": "FlatGeobuf"}[fmt]
        assert pyogrio.read_info(path, layer=0)["driver"] in (driver, "KML")


def test_bad_format_date_and_path_are_clear_errors(tl, tmp_path):
    with pytest.raises(ExportError, match="extension '.txt'"):
        geozones.export(tl, tmp_path / "zones.txt")
    with pytest.raises(ExportError, match="unknown export format 'shp'"):
        geozones.export(tl, tmp_path / "zones.shp", format="shp")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        geozones.export(tl, tmp_path / "zones.geojson", date="15/03/2020")
    with pytest.raises(InputError, match="without a date"):
        geozones.export(tl, tmp_path / "places.csv", date="2020-03-15")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot write geojson"):
        geozones.export(tl, blocker / "zones.geojson")  # parent is a file
    with pytest.raises(ExportError, match="folder"):
        geozones.export(tl, tmp_path, format="gpkg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


# --- GeoJSON ---------------------------------------------------------------------------


def test_geojson_follows_rfc7946_checked_independently(tl, tmp_path):
    path = geozones.export(tl, tmp_path / "z.geojson")
    text = path.read_text("utf-8")
    doc = json.loads(text)
    assert "crs" not in doc and all("crs" not in f for f in doc["features"])
    assert doc["type"] == "FeatureCollection"
    # at most 6 decimals, checked on the text itself
    assert not re.search(r"\d\.\d{7,}", text)
    coords = [n for f in doc["features"] for n in _numbers(f["geometry"]["coordinates"])]
    assert all(round(n, 6) == n for n in coords)
    assert any(n == 36.123457 for n in coords) and any(n == 36.555556 for n in coords)
    # winding: exteriors counter-clockwise, holes clockwise (our own shoelace)
    rings = 0
    for f in doc["features"]:
        for poly in _polygons(f["geometry"]):
            assert _shoelace(poly[0]) > 0, f["id"]
            for hole in poly[1:]:
                assert _shoelace(hole) < 0, f["id"]
                rings += 1
    assert rings == 2  # the polygon's hole and the multipolygon's hole
    # bbox: [w, s, e, n] enclosing every coordinate
    xs, ys = coords[0::2], coords[1::2]
    assert doc["bbox"] == [min(xs), min(ys), max(xs), max(ys)]
    for f in doc["features"]:
        fx = _numbers(f["geometry"]["coordinates"])
        assert f["bbox"] == [min(fx[0::2]), min(fx[1::2]), max(fx[0::2]), max(fx[1::2])]


def test_geojson_features_carry_ids_dates_and_sources(tl, tmp_path):
    doc = json.loads(geozones.export(tl, tmp_path / "z.geojson").read_text("utf-8"))
    by_id = {f["id"]: f for f in doc["features"]}
    assert list(by_id) == tl.features["id"].tolist()
    zone = by_id["zone-1"]["properties"]
    assert zone["name"] == HOSTILE
    assert zone["end_date"] is None and zone["start_date"] == "2017-05-04"
    assert zone["sources"] == [
        {"url": "https://example.org/a?x=1&y=2", "quote": 'he said "<stop>"', "title": "A & B"}
    ]
    assert set(zone) == {
        "name",
        "kind",
        "agreement",
        "agreement_name",
        "start_date",
        "end_date",
        "confidence",
        "sources",
        "notes",
    }
    assert by_id["dmz-1"]["properties"]["end_date"] == "2020-03-05"
    assert by_id["route-1"]["geometry"]["type"] == "LineString"
    assert by_id["op-1"]["geometry"] == {"type": "Point", "coordinates": [36.712346, 35.987654]}


def test_geojson_reads_back_with_gdal(tl, tmp_path):
    path = geozones.export(tl, tmp_path / "z.geojson")
    back = pyogrio.read_dataframe(path)
    assert back.crs.equals("EPSG:4326")
    assert len(back) == len(tl.features)
    _assert_matches(back, tl.features)


def test_geojson_is_deterministic_and_follows_precision_setting(tl, tmp_path, monkeypatch):
    a = geozones.export(tl, tmp_path / "a.geojson").read_bytes()
    b = geozones.export(_synthetic(), tmp_path / "b.geojson").read_bytes()
    assert a == b
    monkeypatch.setattr(settings, "coordinate_precision", 3)
    text = geozones.export(tl, tmp_path / "c.geojson").read_text("utf-8")
    assert not re.search(r"\d\.\d{4,}", text)
    assert "36.123" in text


def test_geojson_to_stdout(tl, capsys):
    assert geozones.export(tl, "-") == Path("-")
    doc = json.loads(capsys.readouterr().out)
    assert [f["id"] for f in doc["features"]] == tl.features["id"].tolist()
    with pytest.raises(ExportError, match="standard output"):
        geozones.export(tl, "-", format="kml")


# --- GeoPackage ------------------------------------------------------------------------


def test_gpkg_layers_date_fields_and_geometry(tl, tmp_path):
    path = geozones.export(tl, tmp_path / "z.gpkg")
    layers = dict(pyogrio.list_layers(path))
    assert layers["areas"] == "MultiPolygon"
    assert layers["lines"] == "MultiLineString"
    assert layers["points"] == "MultiPoint"
    con = sqlite3.connect(path)
    try:
        for layer in ("areas", "lines", "points"):
            cols = {r[1]: r[2] for r in con.execute(f'PRAGMA table_info("{layer}")')}
            assert cols["start_date"] == "DATETIME" and cols["end_date"] == "DATETIME"
        # in force from the first instant of the start day to the last second of the end day
        rows = dict(con.execute('SELECT id, start_date || "|" || end_date FROM areas'))
        assert rows["dmz-1"] == "2018-09-17T00:00:00.000|2020-03-05T23:59:59.000"
        assert con.execute("PRAGMA user_version").fetchone()[0] == 10200  # GeoPackage 1.2
    finally:
        con.close()
    frames = []
    for layer in ("areas", "lines", "points"):
        info = pyogrio.read_info(path, layer=layer)
        dtypes = dict(zip(info["fields"], info["dtypes"], strict=True))
        assert dtypes["start_date"].startswith("datetime64")  # OFTDateTime
        frames.append(pyogrio.read_dataframe(path, layer=layer))
    back = pd.concat(frames, ignore_index=True)
    assert len(back) == len(tl.features)
    _assert_matches(back, tl.features)
    zone = back.set_index("id").loc["zone-1"]
    assert zone["name"] == HOSTILE and zone["kind"] == "zone"
    assert json.loads(zone["sources"])[0]["title"] == "A & B"
    assert sorted(frames[0]["kind"]) == ["demilitarized-zone", "zone"]


def test_gpkg_default_qgis_style_turns_on_temporal_and_colours_kinds(tl, tmp_path):
    path = geozones.export(tl, tmp_path / "z.gpkg")
    styles = pyogrio.read_dataframe(path, layer="layer_styles")
    assert sorted(styles["f_table_name"]) == ["areas", "lines", "points"]
    assert styles["useAsDefault"].all()
    for _, row in styles.iterrows():
        qml = ET.fromstring(row["styleQML"].split("\n", 1)[1])
        temporal = qml.find("temporal")
        # what QGIS guesses by itself from the fields (Separate Fields), switched on
        assert temporal.get("enabled") == "1" and temporal.get("mode") == "2"
        assert temporal.get("startField") == "start_date"
        assert temporal.get("endField") == "end_date"
        assert temporal.get("limitMode") == "0"  # QGIS's default limits
        renderer = qml.find("renderer-v2")
        assert renderer.get("attr") == "kind"
        cats = {c.get("value"): c.get("symbol") for c in renderer.iter("category")}
        assert set(KINDS) <= set(cats)
        symbol = renderer.find(f"symbols/symbol[@name='{cats['zone']}']")
        colours = [
            o.get("value")
            for o in symbol.iter("Option")
            if o.get("name") in ("color", "line_color", "outline_color")
        ]
        assert "31,120,180,255" in colours  # #1f78b4


# --- KML -------------------------------------------------------------------------------


def test_kml_timespans_styles_and_escaped_sources(tl, tmp_path):
    path = geozones.export(tl, tmp_path / "z.kml")
    root = ET.parse(path).getroot()  # well-formed despite control characters in the notes
    placemarks = list(root.iter(f"{KML}Placemark"))
    assert len(placemarks) == len(tl.features)
    by_id = {}
    for pm in placemarks:
        data = {d.get("name"): d.findtext(f"{KML}value") for d in pm.iter(f"{KML}Data")}
        by_id[data["id"]] = (pm, data)
    zone, zdata = by_id["zone-1"]
    assert zone.findtext(f"{KML}name") == HOSTILE
    assert zone.findtext(f"{KML}TimeSpan/{KML}begin") == "2017-05-04"
    assert zone.find(f"{KML}TimeSpan/{KML}end") is None  # open: no end
    dmz, ddata = by_id["dmz-1"]
    # day resolution: <end>2020-03-05</end> covers that whole day, the last in force
    assert dmz.findtext(f"{KML}TimeSpan/{KML}end") == "2020-03-05"
    assert ddata["end_date"] == "2020-03-05"
    desc = zone.findtext(f"{KML}description")
    assert '<a href="https://example.org/a?x=1&amp;y=2">A &amp; B</a>' in desc
    assert "&lt;script&gt;" in desc and "<script>" not in desc
    assert "javascript:" not in by_id["route-1"][0].findtext(f"{KML}description")
    assert json.loads(zdata["sources"])[0]["quote"] == 'he said "<stop>"'
    # one style per kind, colour in aabbggrr order
    styles = {s.get("id"): s for s in root.iter(f"{KML}Style")}
    assert styles["kind-zone"].findtext(f"{KML}LineStyle/{KML}color") == "ffb4781f"
    assert styles["kind-demilitarized-zone"].findtext(f"{KML}LineStyle/{KML}color") == "ff1c1ae3"
    assert zone.findtext(f"{KML}styleUrl") == "#kind-zone"
    # the hole of the polygon is an innerBoundaryIs
    assert zone.find(f".//{KML}innerBoundaryIs") is not None
    # children in the order the KML 2.2 schema requires
    order = [c.tag.removeprefix(KML) for c in zone]
    assert order == ["name", "description", "TimeSpan", "styleUrl", "ExtendedData", "Polygon"]
    document = root.find(f"{KML}Document")
    tags = [c.tag.removeprefix(KML) for c in document]
    assert tags[:2] == ["name", "open"] and tags.index("Style") < tags.index("Folder")


def test_kml_reads_back_with_gdal(tl, tmp_path):
    path = geozones.export(tl, tmp_path / "z.kml")
    frames = [pyogrio.read_dataframe(path, layer=name) for name, _ in pyogrio.list_layers(path)]
    back = pd.concat(frames, ignore_index=True)
    assert len(back) == len(tl.features)
    _assert_matches(back, tl.features)
    span = back.set_index("id")[["begin", "end"]]
    assert span.loc["dmz-1"].tolist() == [pd.Timestamp("2018-09-17"), pd.Timestamp("2020-03-05")]
    assert pd.isna(span.loc["zone-1", "end"])
    names = dict(zip(back["id"], back["Name"], strict=True))
    assert names["zone-1"] == HOSTILE


# --- FlatGeobuf and CSV ----------------------------------------------------------------


def test_fgb_reads_back_with_gdal(tl, tmp_path):
    path = geozones.export(tl, tmp_path / "z.fgb")
    info = pyogrio.read_info(path)
    assert info["driver"] == "FlatGeobuf" and info["crs"].endswith("4326")
    back = gpd.read_file(path)
    assert len(back) == len(tl.features)
    _assert_matches(back, tl.features)
    assert back.set_index("id").loc["dmz-1", "name"] == "منطقة خفض التصعيد"


def test_places_csv(tl, tmp_path):
    path = geozones.export(tl, tmp_path / "places.csv")
    rows = list(csv.DictReader(path.read_text("utf-8").splitlines()))
    assert [r["name"] for r in rows] == ["Saraqib", "Jisr al-Shughur"]  # repeat dropped
    assert rows[1]["lat"] == "35.812346" and rows[1]["source"] == "geonames"
    assert rows[1]["source_id"] == "170063" and rows[1]["admin"] == "Syria > Idleb"
    assert list(rows[0]) == [
        "name",
        "lat",
        "lon",
        "kind",
        "source",
        "source_id",
        "admin",
        "country",
    ]


# --- one date, empty selections, atomicity -----------------------------------------------


@pytest.mark.parametrize("ext", ["geojson", "gpkg", "fgb", "kml"])
def test_date_exports_what_is_in_force_that_day(tl, tmp_path, ext):
    # 2020-03-05 is the last day of dmz-1 (inclusive); op-1 ended 2019-12-31; route-1 not begun
    path = geozones.export(tl, tmp_path / f"d.{ext}", date="2020-03-05")
    layers = [n for n, _ in pyogrio.list_layers(path) if n != "layer_styles"]
    ids = sorted(i for n in layers for i in pyogrio.read_dataframe(path, layer=n)["id"])
    assert ids == sorted(tl.at("2020-03-05")["id"]) == ["dmz-1", "zone-1"]


def test_date_with_nothing_in_force_writes_valid_empty_files(tl, tmp_path):
    doc = json.loads(geozones.export(tl, tmp_path / "e.geojson", date="2001-01-01").read_text())
    assert doc["features"] == [] and "bbox" not in doc
    gpkg = geozones.export(tl, tmp_path / "e.gpkg", date="2001-01-01")
    assert len(pyogrio.read_dataframe(gpkg, layer="areas")) == 0
    fgb = geozones.export(tl, tmp_path / "e.fgb", date="2001-01-01")
    assert len(pyogrio.read_dataframe(fgb)) == 0
    kml = geozones.export(tl, tmp_path / "e.kml", date="2001-01-01")
    assert not list(ET.parse(kml).getroot().iter(f"{KML}Placemark"))


@pytest.mark.parametrize(
    "ext, target",
    [
        ("gpkg", "pyogrio.write_dataframe"),
        ("kml", "geozones.exports._kml._kml_geometry"),
        ("geojson", "geozones.exports._geojson.records"),
        ("fgb", "pyogrio.write_dataframe"),
    ],
)
def test_failure_mid_way_leaves_old_file_and_no_temporary(tl, tmp_path, monkeypatch, ext, target):
    out = tmp_path / f"z.{ext}"
    out.write_bytes(b"previous export")
    module, _, name = target.rpartition(".")
    real = getattr(__import__(module, fromlist=[name]), name)
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:  # let the first call write something, then fail
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(target, flaky)
    if ext in ("geojson", "fgb"):  # a single call: fail on the first
        calls.append(1)
    with pytest.raises(ExportError, match="disk on fire"):
        geozones.export(tl, out)
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


# --- command line ----------------------------------------------------------------------


@pytest.fixture
def cli_timeline(monkeypatch):
    tl = _synthetic()
    monkeypatch.setattr("geozones.compiler.load_timeline", lambda path=None, **kw: tl)
    return tl


def test_cli_writes_each_format(cli_timeline, tmp_path, capsys):
    out = tmp_path / "z.gpkg"
    assert main(["export", "--out", str(out)]) == 0
    assert "wrote 4 features" in capsys.readouterr().out
    assert len(pyogrio.read_dataframe(out, layer="areas")) == 2
    assert (
        main(
            [
                "export",
                "--format",
                "kml",
                "--out",
                str(tmp_path / "k.xml"),
                "--date",
                "2020-03-05",
                "--json",
            ]
        )
        == 0
    )
    info = json.loads(capsys.readouterr().out)
    assert info == {
        "path": str(tmp_path / "k.xml"),
        "format": "kml",
        "features": 2,
        "date": "2020-03-05",
    }
    assert main(["export", "--out", str(tmp_path / "p.csv")]) == 0
    assert "wrote 2 places" in capsys.readouterr().out


def test_cli_stdout_geojson(cli_timeline, capsys):
    assert main(["export", "--out", "-", "--date", "2020-03-16"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert sorted(f["id"] for f in doc["features"]) == ["route-1", "zone-1"]


def test_cli_default_name_from_timeline_id(cli_timeline, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "fgb", "--date", "2020-03-16"]) == 0
    assert (tmp_path / "synth-2020-03-16.fgb").exists()
    assert main(["export"]) == 0  # no arguments at all: <timeline id>.geojson
    assert (tmp_path / "synth.geojson").exists()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["export", "--out", "x.txt"], "extension"),
        (["export", "--out", "x.geojson", "--date", "2020-13-01"], "YYYY-MM-DD"),
        (["export", "--out", "-", "--format", "gpkg"], "standard output"),
        (["export", "--format", "shp", "--out", "x.shp"], "invalid choice"),
    ],
)
def test_cli_bad_input_exits_2_with_one_line(
    cli_timeline, tmp_path, monkeypatch, capsys, argv, message
):
    monkeypatch.chdir(tmp_path)
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


# --- the bundled timeline ----------------------------------------------------------------


def test_bundled_timeline_round_trips_through_every_format(tmp_path):
    tl = _real_timeline()
    feats = tl.features
    doc = json.loads(geozones.export(tl, tmp_path / "nw.geojson").read_text("utf-8"))
    assert [f["id"] for f in doc["features"]] == feats["id"].tolist()
    for f in doc["features"]:
        for poly in _polygons(f["geometry"]):
            assert _shoelace(poly[0]) > 0 and all(_shoelace(h) < 0 for h in poly[1:])
    back = pyogrio.read_dataframe(tmp_path / "nw.geojson")
    assert shapely.is_valid(back.geometry.array).all()
    _assert_matches(back, feats, spikes=True)
    gpkg = geozones.export(tl, tmp_path / "nw.gpkg")
    layers = [n for n, _ in pyogrio.list_layers(gpkg) if n != "layer_styles"]
    back = pd.concat([pyogrio.read_dataframe(gpkg, layer=n) for n in layers], ignore_index=True)
    assert sorted(back["id"]) == sorted(feats["id"])
    fgb = geozones.export(tl, tmp_path / "nw.fgb")
    _assert_matches(pyogrio.read_dataframe(fgb), feats, spikes=True)
    kml = geozones.export(tl, tmp_path / "nw.kml")
    assert len(list(ET.parse(kml).getroot().iter(f"{KML}Placemark"))) == len(feats)
    places = geozones.export(tl, tmp_path / "p.csv").read_text("utf-8")
    rows = list(csv.DictReader(places.splitlines()))
    assert {r["name"] for r in rows} == {p.name for p in tl.places}
    day = tl.slices()[len(tl.slices()) // 2]
    one = json.loads(geozones.export(tl, tmp_path / "d.geojson", date=day).read_text("utf-8"))
    assert sorted(f["id"] for f in one["features"]) == sorted(tl.at(day)["id"])
    assert isinstance(day, dt.date)


def test_projected_features_and_json_sources_are_normalised(tmp_path):
    tl = _synthetic()
    feats = tl.features.to_crs(3857)
    feats["sources"] = [json.dumps(s) for s in tl.features["sources"]]
    projected = Timeline(feats, name="p", id="p")
    doc = json.loads(geozones.export(projected, tmp_path / "p.geojson").read_text("utf-8"))
    point = next(f for f in doc["features"] if f["id"] == "op-1")
    assert point["geometry"]["coordinates"] == [36.712346, 35.987654]
    zone = next(f for f in doc["features"] if f["id"] == "zone-1")
    assert zone["properties"]["sources"][0]["title"] == "A & B"


def test_rounding_that_would_break_a_polygon_is_repaired(tmp_path):
    # a notch whose tip rounds onto the bottom edge: plain rounding self-intersects
    notch = shapely.Polygon(
        [
            (36.0, 35.0),
            (36.01, 35.0),
            (36.01, 35.01),
            (36.005002, 35.01),
            (36.005, 35.0000004),
            (36.004998, 35.01),
            (36.0, 35.01),
        ]
    )
    assert notch.is_valid
    assert not shapely.transform(notch, lambda c: np.round(c, 6)).is_valid
    feats = _synthetic().features.copy()
    feats.loc[0, "geometry"] = notch
    doc = json.loads(geozones.export(Timeline(feats, id="n"), tmp_path / "n.geojson").read_text())
    geometry = doc["features"][0]["geometry"]
    out = shapely.geometry.shape(geometry)
    assert out.is_valid
    assert shapely.hausdorff_distance(out, notch) < 2e-6
    for poly in _polygons(geometry):
        assert _shoelace(poly[0]) > 0


def test_any_valid_polygon_comes_out_valid_rounded_and_wound(tmp_path_factory):
    """Property: whatever valid polygon the compiler makes, the GeoJSON keeps it valid,
    within the rounding, with at most 6 decimals and RFC 7946 winding."""
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hsettings
    from hypothesis import strategies as st

    # coordinates finer than the grid: whole micro-degrees plus a random fraction of one
    coord = st.builds(
        lambda i, f: (i + f) * 1e-6,
        st.integers(-50_000, 50_000),
        st.floats(min_value=0, max_value=1),
    )
    pts = st.lists(st.tuples(coord, coord), min_size=3, max_size=25, unique=True)
    out_dir = tmp_path_factory.mktemp("prop")
    base = _synthetic().features.iloc[:1]

    @hsettings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(outer=pts, cw=st.booleans())
    def check(outer, cw):
        shell = shapely.concave_hull(shapely.multipoints(outer), ratio=0.3)
        shell = shapely.affinity.translate(shell, 36.1234567, 35.7654321)
        if shell.geom_type != "Polygon" or shell.area < 1e-9:
            return
        hole = shapely.affinity.scale(shell, 0.3, 0.3)
        poly = shapely.difference(shell, hole)
        if cw:
            poly = shapely.orient_polygons(poly, exterior_cw=True)
        feats = base.copy()
        feats["geometry"] = [poly]
        path = geozones.export(Timeline(feats, id="p"), out_dir / "p.geojson")
        geometry = json.loads(path.read_text("utf-8"))["features"][0]["geometry"]
        assert all(round(n, 6) == n for n in _numbers(geometry["coordinates"]))
        for part in _polygons(geometry):
            assert _shoelace(part[0]) > 0
            assert all(_shoelace(h) < 0 for h in part[1:])
        back = shapely.geometry.shape(geometry)
        assert back.is_valid
        assert shapely.symmetric_difference(back, poly).area <= 2e-6 * poly.length

    check()


def test_geometry_engine_failure_is_an_export_error(tl, tmp_path, monkeypatch):
    from shapely.errors import GEOSException

    def broken(*args, **kwargs):
        raise GEOSException("TopologyException: side location conflict")

    monkeypatch.setattr("geozones.exports._tables.clean_geometries", broken)
    with pytest.raises(ExportError, match="side location conflict"):
        geozones.export(tl, tmp_path / "z.gpkg")
    assert list(tmp_path.iterdir()) == []


def test_cli_bad_spec_exits_2_and_writes_nothing(tmp_path, capsys):
    spec = Path(__file__).parent / "specs" / "unknown_kind.yaml"
    code = main(["export", str(spec), "--out", str(tmp_path / "z.gpkg")])
    err = capsys.readouterr().err
    assert code == 2
    assert "unknown_kind.yaml:" in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_cli_exports_a_user_spec(tmp_path, capsys):
    spec = tmp_path / "mini.yaml"
    spec.write_text(
        "timeline: {id: mini, name: Mini & <test>}\n"
        "agreements:\n"
        "  - id: a1\n"
        "    name: Test agreement\n"
        "    signed: 2020-03-05\n"
        '    sources: [{url: "https://example.org/a1", quote: "a quote"}]\n'
        "    features:\n"
        "      - id: box\n"
        "        kind: zone\n"
        "        start: 2020-03-06\n"
        "        end: 2020-03-10\n"
        "        confidence: approximate\n"
        '        geometry: {wkt: "POLYGON ((36 35, 36 35.1, 36.1 35.1, 36.1 35, 36 35))"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "mini.geojson"
    assert main(["export", str(spec), "--out", str(out)]) == 0
    doc = json.loads(out.read_text("utf-8"))
    (feature,) = doc["features"]
    assert feature["id"] == "box"
    assert feature["properties"]["end_date"] == "2020-03-10"
    assert _shoelace(feature["geometry"]["coordinates"][0]) > 0  # written clockwise above


def test_exports_page_shows_the_real_output(tmp_path):
    """docs/exports.md is generated: every command on it, run again (in a fresh folder,
    top to bottom, pipes and `head` included), prints exactly what the page shows."""
    import difflib
    import importlib.util

    _real_timeline()  # skips until the bundled timeline compiles
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "refresh_doc_outputs", root / "scripts" / "refresh_doc_outputs.py"
    )
    refresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(refresh)
    page = root / "docs" / "exports.md"
    from test_examples import _guard_dir  # the loopback-only socket guard, as sitecustomize

    env = refresh.shim_env()
    env["GEOZONES_CACHE_DIR"] = str(settings.cache_dir)
    env["PYTHONPATH"] = str(_guard_dir(tmp_path))
    (tmp_path / "work").mkdir()
    got = refresh.refresh(page, env=env, cwd=tmp_path / "work")
    diff = "\n".join(
        difflib.unified_diff(page.read_text("utf-8").splitlines(), got.splitlines(), lineterm="")
    )
    assert not diff, f"docs/exports.md is stale (python scripts/refresh_doc_outputs.py):\n{diff}"
    assert (tmp_path / "work" / "nw-syria.gpkg").exists()


# --- one rule for feature values (geozones.feature_values), hostile values ---------------


def test_feature_values_rule_empty_text_is_blank_and_empty_date_is_none():
    from geozones import feature_values as fv

    frame = pd.DataFrame(
        {
            "id": ["a", None],
            "name": [float("nan"), "N\x00am\x1be"],
            "kind": ["zone", pd.NA],
            "agreement": ["x", "y"],
            "agreement_name": [None, ""],
            "start_date": pd.to_datetime(["2020-03-05 13:00", None]),
            "end_date": [None, "2021-01-02"],
            "confidence": ["approximate", None],
            "notes": ["tab\tand\nnewline kept", "\ufffe"],
            "sources": [
                [{"url": " https://e.org/x ", "title": None}, {"quote": None}],
                '[{"url": "https://e.org/y", "quote": "q"}]',
            ],
        }
    )
    first, second = fv.records(frame)
    assert list(first) == list(fv.COLUMNS)
    assert first["name"] == "" and first["agreement_name"] == ""
    assert second["id"] == "" and second["kind"] == "" and second["confidence"] == ""
    assert second["name"] == "Name"  # NUL and ESC removed, not cut at
    assert first["notes"] == "tab\tand\nnewline kept" and second["notes"] == ""
    assert first["start_date"] == "2020-03-05" and second["start_date"] is None
    assert first["end_date"] is None and second["end_date"] == "2021-01-02"
    assert first["sources"] == [{"url": "https://e.org/x", "title": "", "quote": ""}]
    assert second["sources"] == [{"url": "https://e.org/y", "title": "", "quote": "q"}]
    assert all(isinstance(v, str) for r in (first, second) for c in fv.TEXT_COLUMNS for v in [r[c]])


@pytest.mark.parametrize("ext", ["gpkg", "fgb", "geojson", "kml"])
def test_control_characters_do_not_truncate_names(tmp_path, ext):
    tl = _synthetic()
    tl.features.loc[0, "name"] = "Idlib\x00 de-escalation\x07 zone"
    tl.features.loc[1, "notes"] = "before\x00after"
    out = geozones.export(tl, tmp_path / f"n.{ext}")
    if ext in ("gpkg", "fgb"):
        layers = ["areas"] if ext == "gpkg" else [None]
        back = pyogrio.read_dataframe(out, layer=layers[0]).set_index("id")
        assert back.loc["zone-1", "name"] == "Idlib de-escalation zone"
        assert back.loc["dmz-1", "notes"] == "beforeafter"
    elif ext == "geojson":
        props = {f["id"]: f["properties"] for f in json.loads(out.read_text())["features"]}
        assert props["zone-1"]["name"] == "Idlib de-escalation zone"
    else:
        names = [e.text for e in ET.parse(out).getroot().iter(f"{KML}name")]
        assert "Idlib de-escalation zone" in names


@pytest.mark.parametrize("ext", ["gpkg", "fgb", "kml", "geojson"])
@pytest.mark.parametrize(
    "bad", [(float("inf"), 35.0), (500.0, 35.0), (36.0, -91.0), (1e308, 1e308)]
)
def test_coordinates_off_the_globe_are_never_written(tmp_path, ext, bad):
    tl = _synthetic()
    tl.features.loc[2, "geometry"] = shapely.LineString([(36.1, 35.1), bad])
    out = tmp_path / f"z.{ext}"
    with pytest.raises(InputError, match=r"'route-1' has a coordinate off the globe"):
        geozones.export(tl, out)
    assert list(tmp_path.iterdir()) == []


def test_cli_coordinates_off_the_globe_exit_2_one_line(cli_timeline, tmp_path, capsys):
    cli_timeline.features.loc[3, "geometry"] = shapely.Point(36.0, float("inf"))
    code = main(["export", "--out", str(tmp_path / "z.kml")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "'op-1'" in err
    assert list(tmp_path.iterdir()) == []


def test_sources_keep_summary_publisher_and_date_where_given(tmp_path):
    tl = _synthetic()
    tl.features.at[1, "sources"] = [
        {
            "url": "https://pax.example/2273",
            "quote": "",
            "summary": "signed 2020-03-05; fighting stops",
            "publisher": "PA-X",
            "published": dt.date(2020, 3, 6),
        }
    ]
    doc = json.loads(geozones.export(tl, tmp_path / "s.geojson").read_text("utf-8"))
    src = next(f for f in doc["features"] if f["id"] == "dmz-1")["properties"]["sources"]
    assert src == [
        {
            "url": "https://pax.example/2273",
            "title": "",
            "quote": "",
            "summary": "signed 2020-03-05; fighting stops",
            "publisher": "PA-X",
            "published": "2020-03-06",
        }
    ]
    zone = next(f for f in doc["features"] if f["id"] == "zone-1")["properties"]["sources"]
    assert set(zone[0]) == {"url", "title", "quote"}  # optional fields only when given
    kml = geozones.export(tl, tmp_path / "s.kml").read_text("utf-8")
    assert "(PA-X, 2020-03-06) — signed 2020-03-05; fighting stops" in kml
