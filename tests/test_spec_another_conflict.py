"""Specs for another conflict (issue #19 items 2, 3, 5): the data a spec declares
(``gazetteer:``, ``roads:``, ``boundaries:``), the Libya example, and docs/another-conflict.md
run as written."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest

import geozones
from geozones.cli import main
from geozones.compiler import validate

ROOT = Path(__file__).resolve().parent.parent
LIBYA = ROOT / "examples" / "specs" / "libya-sirte-jufra.yaml"
LINE = ROOT / "examples" / "specs" / "libya_sirte_jufra_line.geojson"
DOC = ROOT / "docs" / "another-conflict.md"

HEAD = """\
timeline: {id: other, name: Other, country: LY}
DECLARED
agreements:
  - id: a
    name: A
    features:
"""


def _spec(tmp_path: Path, declared: str, *geometries: str) -> Path:
    text = HEAD.replace("DECLARED", declared)
    for i, geometry in enumerate(geometries):
        text += (
            f"      - {{id: f{i}, kind: zone, start: 2020-10-23, confidence: schematic, "
            f"geometry: {geometry}}}\n"
        )
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _geoboundaries(tmp_path: Path, name: str = "geoBoundaries-SYR-ADM1.geojson") -> Path:
    """A geoBoundaries-style file (shapeName, shapeISO, shapeID) of three real governorates."""
    import geopandas as gpd

    from geozones import boundaries

    adm1 = boundaries.load("admin1")
    adm1 = adm1[adm1["pcode"].isin(["SY07", "SY02", "SY05"])]
    out = gpd.GeoDataFrame(
        {
            "shapeName": adm1["name_en"].to_numpy(),
            "shapeISO": adm1["pcode"].to_numpy(),
            "shapeID": [f"SYR-ADM1-{i}" for i in range(len(adm1))],
        },
        geometry=adm1.geometry.to_numpy(),
        crs=4326,
    )
    path = tmp_path / name
    out.to_file(path)
    return path


# --- gazetteer: countries and the user's places ----------------------------------------------


def test_a_spec_declares_its_country_and_names_resolve_there(tmp_path):
    path = _spec(tmp_path, "gazetteer: {countries: [LY]}", "Hun", "{place: Waddan}")
    _, gdf, errors = validate(path)
    assert errors == []
    hun = gdf.geometry.iloc[0]
    assert 15.8 < hun.x < 16.1 and 29.0 < hun.y < 29.3  # Hun in al-Jufra, not elsewhere


def test_places_from_the_users_csv_relative_to_the_spec(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "places.csv").write_text(
        "name,lat,lon,alternate_names,kind,country\n"
        "Qasr Tajriba,29.31,16.22,Tajriba fort|Tajribah,populated place,LY\n",
        encoding="utf-8",
    )
    path = _spec(tmp_path, "gazetteer: {countries: [LY], files: [data/places.csv]}", "Tajriba fort")
    _, gdf, errors = validate(path)
    assert errors == []
    assert gdf.geometry.iloc[0].equals_exact(__import__("shapely").Point(16.22, 29.31), 1e-9)
    # compiled again (same gazetteer): the file is not added twice (no namesake ambiguity)
    _, _, errors = validate(path)
    assert errors == []


def test_a_missing_places_file_is_one_line_with_its_line(tmp_path, capsys):
    path = _spec(tmp_path, "gazetteer:\n  files:\n    - nope.csv", "Hun")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{path}:4: ") and "nope.csv" in err[0]


def test_bad_declarations_are_refused_with_their_lines(tmp_path, capsys):
    path = _spec(
        tmp_path,
        "gazetteer: {countries: [Libya]}\nboundaries: [{path: b.geojson, level: nine}]\n"
        "roads: [{path: r.geojson}]",
        "Hun",
    )
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2: gazetteer countries must be a list of two-letter ISO codes" in err
    assert f"{path}:3: boundary level must be a whole number" in err
    assert f"{path}:4: a road has no 'name'" in err


# --- roads from any line layer -----------------------------------------------------------------


def test_a_road_from_a_line_file_gives_along_and_corridor(tmp_path):
    from geozones.projection import area_m2, length_m

    shutil.copy(LINE, tmp_path / "road.geojson")
    declared = (
        "gazetteer: {countries: [LY]}\n"
        "roads: [{path: road.geojson, name: Sirte–Jufra road, aliases: [SJ road]}]"
    )
    path = _spec(
        tmp_path,
        declared,
        "{along: {road: SJ road, from: Sirte, to: Hun}}",
        "{corridor: {road: Sirte–Jufra road, from: Sirte, to: Waddan, width: 5 km}}",
    )
    _, gdf, errors = validate(path)
    assert errors == []
    along, corridor = gdf.geometry.iloc[0], gdf.geometry.iloc[1]
    assert 240_000 < length_m(along) < 280_000  # Sirte to Hun along the line
    # 2 x 5 km wide, as long as the stretch to Waddan (about 230 km): about 2,300 km²
    assert 2_000e6 < area_m2(corridor) < 2_600e6


def test_a_vrt_declared_as_a_road_or_boundary_is_refused(tmp_path, capsys):
    (tmp_path / "r.vrt").write_text(
        "<OGRVRTDataSource><OGRVRTLayer name='x'><SrcDataSource>/vsicurl/http://127.0.0.1:9/x"
        "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>",
        encoding="utf-8",
    )
    path = _spec(tmp_path, "roads: [{path: r.vrt, name: R}]", "Hun")
    assert main(["validate", str(path)]) == 2
    assert "vector formats" in capsys.readouterr().err


# --- admin areas from the spec's boundary files --------------------------------------------------


def test_admin_resolves_against_declared_geoboundaries(tmp_path, capsys):
    from geozones import boundaries

    _geoboundaries(tmp_path)
    declared = "boundaries: [{path: geoBoundaries-SYR-ADM1.geojson, level: 1}]"
    path = _spec(tmp_path, declared, "{admin: Idleb}", "{admin: SY02}")
    path.write_text(path.read_text().replace("country: LY", "country: SY"))
    _, gdf, errors = validate(path)
    assert errors == []
    bundled = boundaries.load("admin1").set_index("pcode").geometry
    assert gdf.geometry.iloc[0].symmetric_difference(bundled["SY07"]).area < 1e-6
    # a governorate not in the declared file is unknown there, with the spec's hint
    path = _spec(tmp_path, declared, "{admin: Dar'a}")
    assert main(["validate", str(path)]) == 2
    assert "spec's 'boundaries:'" in capsys.readouterr().err


def test_admin_with_ocha_cod_columns_and_within(tmp_path):
    import geopandas as gpd

    from geozones import boundaries

    adm2 = boundaries.load("admin2")
    adm2 = adm2[adm2["admin1_pcode"].isin(["SY07", "SY02"])]
    cod2 = gpd.GeoDataFrame(
        {
            "ADM2_EN": adm2["name_en"].to_numpy(),
            "ADM2_PCODE": adm2["pcode"].to_numpy(),
            "ADM1_PCODE": adm2["admin1_pcode"].to_numpy(),
        },
        geometry=adm2.geometry.to_numpy(),
        crs=4326,
    )
    cod2.to_file(tmp_path / "syr_admbnda_adm2.gpkg")
    adm1 = boundaries.load("admin1")
    adm1 = adm1[adm1["pcode"].isin(["SY07", "SY02"])]
    gpd.GeoDataFrame(
        {"ADM1_EN": adm1["name_en"].to_numpy(), "ADM1_PCODE": adm1["pcode"].to_numpy()},
        geometry=adm1.geometry.to_numpy(),
        crs=4326,
    ).to_file(tmp_path / "syr_admbnda_adm1.gpkg")
    declared = (
        "boundaries:\n  - {path: syr_admbnda_adm1.gpkg, level: 1}\n"
        "  - {path: syr_admbnda_adm2.gpkg, level: 2}"
    )
    path = _spec(tmp_path, declared, "{admin: {within: SY07, level: 2}}", "{admin: SY0703}")
    _, gdf, errors = validate(path)
    assert errors == []
    idleb = boundaries.load("admin1").set_index("pcode").geometry["SY07"]
    assert abs(gdf.geometry.iloc[0].area - idleb.area) / idleb.area < 0.02


# --- the Libya example: names only, validates, maps and exports ---------------------------------


def test_the_libya_example_is_written_with_names_only():
    text = LIBYA.read_text(encoding="utf-8")
    assert not re.search(r"\b(point|wkt|lat|lon)\s*:", text)
    assert "file:" not in text


def test_the_libya_example_validates_maps_and_exports(tmp_path, capsys):
    assert main(["validate", str(LIBYA)]) == 0
    assert "valid — 4 agreements, 5 features" in capsys.readouterr().out
    assert main(["map", str(LIBYA), "--out", str(tmp_path / "libya.html")]) == 0
    assert (tmp_path / "libya.html").stat().st_size > 10_000
    assert main(["export", str(LIBYA), "--out", str(tmp_path / "libya.geojson")]) == 0
    doc = json.loads((tmp_path / "libya.geojson").read_text(encoding="utf-8"))
    by_id = {f["id"]: f for f in doc["features"]}
    lon, lat = by_id["jmc-subcommittee-hun"]["geometry"]["coordinates"]
    assert 15.8 < lon < 16.1 and 29.0 < lat < 29.3  # Hun, found by name in Libya
    assert by_id["frontline-withdrawal-area"]["geometry"]["type"] in ("Polygon", "MultiPolygon")


# --- docs/another-conflict.md, run as written ----------------------------------------------------


def _blocks(text: str) -> list[tuple[str, str]]:
    return re.findall(r"```(\w+)\n(.*?)```", text, flags=re.S)


def test_the_another_conflict_page_runs_as_written(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(LINE, tmp_path / LINE.name)
    ran = 0
    for lang, body in _blocks(DOC.read_text(encoding="utf-8")):
        first, _, rest = body.partition("\n")
        if first.startswith("# file: "):
            (tmp_path / first.removeprefix("# file: ").strip()).write_text(rest, encoding="utf-8")
            continue
        if lang != "console":
            continue
        for command in re.split(r"^\$ ", body, flags=re.M)[1:]:
            line, _, expected = command.partition("\n")
            argv = shlex.split(line)
            assert argv[0] == "geozones"
            assert main(argv[1:]) == 0, capsys.readouterr().err
            out = capsys.readouterr().out
            if expected.strip():
                assert out.strip() == expected.strip()
            ran += 1
    assert ran == 5
    assert (tmp_path / "libya.html").stat().st_size > 10_000
    tl = geozones.load_timeline(tmp_path / "libya.yaml")
    assert set(tl.features["id"]) == {"withdrawal-corridor", "jufra-district", "jufra-airbase"}


@pytest.mark.parametrize("name", ["another-conflict.md"])
def test_the_page_is_linked_from_the_spec_page(name):
    assert f"({name})" in (ROOT / "docs" / "spec.md").read_text(encoding="utf-8")
