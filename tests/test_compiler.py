"""The compiler: each geometry expression, metric accuracy, validity, the cache."""

from __future__ import annotations

import os
import textwrap

import numpy as np
import pytest
import shapely
from pyproj import Geod

from geozones.compiler import compile_timeline
from geozones.errors import SpecError
from geozones.projection import area_m2, buffer, fit, length_m

GEOD = Geod(ellps="WGS84")
#: a 110 km west-east line across the UTM 36/37 boundary (36°E), near the M4
CROSSING = "LINESTRING (35.4 35.75, 36.0 35.8, 36.6 35.85)"


def _spec(tmp_path, features: str, name: str = "t.yaml"):
    text = textwrap.dedent("""\
        timeline: {id: t, name: Test}
        agreements:
          - id: a
            name: Agreement A
            signed: 2020-03-05
            sources: [{url: "https://example.org/a", quote: "q"}]
            features:
        """) + textwrap.indent(textwrap.dedent(features), "      ")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _compile(tmp_path, features: str):
    tl = compile_timeline(_spec(tmp_path, features), use_cache=False)
    return {r.id: r.geometry for r in tl.features.itertuples()}, tl


def _feature(fid: str, geometry: str, kind: str = "zone", extra: str = "") -> str:
    return (
        f"- id: {fid}\n  kind: {kind}\n  start: 2020-03-06\n  confidence: approximate\n"
        f"{extra}  geometry: {geometry}\n"
    )


def _geodesic_distance_to_line(points: np.ndarray, line: shapely.LineString) -> np.ndarray:
    """Geodesic distance (m) from each point to a lon/lat line densified every ~50 m."""
    dense = np.asarray(shapely.segmentize(line, 0.0005).coords)
    px, dx = np.meshgrid(points[:, 0], dense[:, 0], indexing="ij")
    py, dy = np.meshgrid(points[:, 1], dense[:, 1], indexing="ij")
    _, _, d = GEOD.inv(px.ravel(), py.ravel(), dx.ravel(), dy.ravel())
    return d.reshape(px.shape).min(axis=1)


# --- metric accuracy ---------------------------------------------------------------------------


def test_a_6_km_point_buffer_is_6_km_geodesically():
    ring = np.asarray(buffer(shapely.Point(36.0, 35.8), 6000).exterior.coords)
    _, _, d = GEOD.inv(np.full(len(ring), 36.0), np.full(len(ring), 35.8), ring[:, 0], ring[:, 1])
    assert np.all(np.abs(d - 6000) <= 0.005 * 6000)


def test_a_6_km_buffer_of_a_line_across_36E_is_6_km_all_along(tmp_path):
    geoms, _ = _compile(
        tmp_path, _feature("b", f'{{buffer: {{of: {{wkt: "{CROSSING}"}}, distance: 6 km}}}}')
    )
    ring = np.asarray(geoms["b"].exterior.coords)
    d = _geodesic_distance_to_line(ring, shapely.from_wkt(CROSSING))
    assert len(ring) > 100
    assert np.all(np.abs(d - 6000) <= 0.005 * 6000), (d.min(), d.max())


def test_the_local_projection_does_not_bend_a_line_at_a_utm_zone_change(tmp_path):
    line = shapely.from_wkt(CROSSING)
    geoms, _ = _compile(
        tmp_path,
        _feature(
            "r",
            f'{{along: {{road: {{wkt: "{CROSSING}"}}, from: {{point: {{lat: 35.75, lon: 35.4}}}}, '
            "to: {point: {lat: 35.85, lon: 36.6}}}}",
            kind="patrol-route",
        ),
    )
    got = geoms["r"]
    # same line: every vertex of the result lies on the input, and the lengths agree
    assert shapely.hausdorff_distance(got, line) < 1e-6
    assert length_m(got) == pytest.approx(length_m(line), rel=1e-5)


def test_fit_centres_on_the_bounding_box():
    proj = fit(shapely.from_wkt(CROSSING))
    assert (proj.lat0, proj.lon0) == (35.8, 36.0)
    back = proj.inverse(proj.forward(shapely.Point(36.6, 35.85)))
    assert back.distance(shapely.Point(36.6, 35.85)) < 1e-9


# --- each expression -------------------------------------------------------------------------


def test_point_wkt_and_buffer_caps(tmp_path):
    geoms, _ = _compile(
        tmp_path,
        (
            _feature("p", "{point: {lat: 35.8, lon: 36.5}}", kind="observation-post")
            + _feature(
                "round", '{buffer: {of: {wkt: "LINESTRING (36 35.8, 36.2 35.8)"}, distance: 1 km}}'
            )
            + _feature(
                "flat",
                '{buffer: {of: {wkt: "LINESTRING (36 35.8, 36.2 35.8)"}, '
                "distance: 1 km, cap: flat}}",
            )
        ),
    )
    assert geoms["p"].equals(shapely.Point(36.5, 35.8))
    length = length_m(shapely.from_wkt("LINESTRING (36 35.8, 36.2 35.8)"))
    assert area_m2(geoms["flat"]) == pytest.approx(2000 * length, rel=0.003)
    assert area_m2(geoms["round"]) == pytest.approx(2000 * length + np.pi * 1e6, rel=0.003)


def test_corridor_is_flat_ended_at_the_two_places_and_width_each_side(tmp_path):
    geoms, _ = _compile(
        tmp_path,
        _feature(
            "c",
            (
                f'{{corridor: {{road: {{wkt: "{CROSSING}"}}, '
                "from: {point: {lat: 35.78, lon: 35.7}}, "
                "to: {point: {lat: 35.83, lon: 36.3}}, width: 6 km}}"
            ),
            kind="security-corridor",
        ),
    )
    c = geoms["c"]
    section = shapely.from_wkt(CROSSING).intersection(c)
    # 12 km wide × the road's length between the two ends, within 0.5 %
    assert area_m2(c) == pytest.approx(12000 * length_m(section), rel=0.005)
    # the ends are flat: nothing of the corridor lies west of the 'from' point by > 1 km
    assert c.bounds[0] > 35.7 - 0.01 * 6 and c.bounds[2] < 36.3 + 0.01 * 6
    assert c.is_valid and c.geom_type == "Polygon"


def test_along_is_oriented_from_to(tmp_path):
    geoms, _ = _compile(
        tmp_path,
        _feature(
            "r",
            f'{{along: {{road: {{wkt: "{CROSSING}"}}, from: {{point: {{lat: 35.83, lon: 36.3}}}}, '
            "to: {point: {lat: 35.78, lon: 35.7}}}}",
            kind="patrol-route",
        ),
    )
    xs = np.asarray(geoms["r"].coords)[:, 0]
    assert xs[0] == pytest.approx(36.3, abs=0.01) and xs[-1] == pytest.approx(35.7, abs=0.01)


def test_an_end_far_from_the_road_is_refused(tmp_path):
    path = _spec(
        tmp_path,
        _feature(
            "r",
            f'{{along: {{road: {{wkt: "{CROSSING}"}}, from: {{point: {{lat: 36.5, lon: 36.0}}}}, '
            "to: {point: {lat: 35.78, lon: 35.7}}}}",
            kind="patrol-route",
        ),
    )
    with pytest.raises(SpecError, match=r"lies 7\d\.\d km from the road"):
        compile_timeline(path, use_cache=False)


SQUARE = "POLYGON ((36 35, 37 35, 37 36, 36 36, 36 35))"


def test_band_is_inside_the_polygon_along_its_boundary(tmp_path):
    geoms, _ = _compile(
        tmp_path,
        _feature(
            "b", f'{{band: {{of: {{wkt: "{SQUARE}"}}, width: 10 km}}}}', kind="demilitarized-zone"
        ),
    )
    band, square = geoms["b"], shapely.from_wkt(SQUARE)
    assert band.difference(square).area < 1e-9  # inside only
    centre = shapely.Point(36.5, 35.5)
    assert not band.contains(centre)
    inner = buffer(square.boundary, 10_000).intersection(square)
    assert area_m2(band) == pytest.approx(area_m2(inner), rel=0.002)


def test_band_leaves_out_an_excluded_stretch_and_records_a_width_range(tmp_path):
    # a square whose north edge is a border to be left out; width a range (15–20 km)
    geoms, tl = _compile(
        tmp_path,
        _feature(
            "b",
            (
                f'{{band: {{of: {{wkt: "{SQUARE}"}}, width: 15-20 km, '
                'exclude: {wkt: "LINESTRING (35.5 36, 37.5 36)"}, tolerance: 1 km}}'
            ),
            kind="demilitarized-zone",
        ),
    )
    band = geoms["b"]
    near_north_middle = shapely.Point(36.5, 35.99)  # 1 km inside the excluded border
    near_south_middle = shapely.Point(36.5, 35.01)
    assert not band.contains(near_north_middle)
    assert band.contains(near_south_middle)
    # drawn at the mean width, 17.5 km: a point 17 km inside is in, 18 km is out
    lat17 = GEOD.fwd(36.5, 35.0, 0, 17_000)[1]
    lat18 = GEOD.fwd(36.5, 35.0, 0, 18_000)[1]
    assert band.contains(shapely.Point(36.5, lat17))
    assert not band.contains(shapely.Point(36.5, lat18))
    notes = tl.features.set_index("id").loc["b", "notes"]
    assert "15 km–20 km" in notes and "17.5 km" in notes


def test_band_along_keeps_only_that_part_of_the_boundary(tmp_path):
    geoms, _ = _compile(
        tmp_path,
        _feature(
            "b",
            (
                f'{{band: {{of: {{wkt: "{SQUARE}"}}, width: 5 km, inside: false, '
                'along: {wkt: "LINESTRING (35.9 35, 37.1 35)"}}}'
            ),
        ),
    )
    band = geoms["b"]
    assert band.intersection(shapely.from_wkt(SQUARE)).area < 1e-9  # outside only
    assert band.bounds[1] < 35 and band.bounds[3] < 35.1  # only the south side


def test_hull_union_difference_intersection_and_ref(tmp_path):
    a = "{buffer: {of: {point: {lat: 35.5, lon: 36.0}}, distance: 20 km}}"
    b = "{buffer: {of: {point: {lat: 35.5, lon: 36.2}}, distance: 20 km}}"
    geoms, _ = _compile(
        tmp_path,
        (
            _feature("a", a)
            + _feature("b", b)
            + _feature("u", "{union: [{ref: a}, {ref: b}]}")
            + _feature("i", "{intersection: [{ref: a}, {ref: b}]}")
            + _feature("d", "{difference: [{ref: a}, {ref: b}]}")
            + _feature(
                "h",
                "{hull: [{point: {lat: 35, lon: 36}}, {point: {lat: 35, lon: 36.1}}, "
                "{point: {lat: 35.1, lon: 36}}]}",
            )
        ),
    )
    area = {k: area_m2(g) for k, g in geoms.items()}
    assert area["u"] + area["i"] == pytest.approx(area["a"] + area["b"], rel=1e-6)
    assert area["d"] == pytest.approx(area["a"] - area["i"], rel=1e-6)
    assert geoms["h"].geom_type == "Polygon" and 50e6 < area["h"] < 56e6
    assert all(g.is_valid for g in geoms.values())


def test_forward_refs_and_notes_stay_with_their_feature(tmp_path):
    _, tl = _compile(
        tmp_path,
        (
            _feature("late", "{buffer: {of: {ref: early}, distance: 1 km}}")
            + _feature("early", "{buffer: {of: {point: {lat: 35, lon: 36}}, distance: 1-3 km}}")
        ),
    )
    notes = tl.features.set_index("id")["notes"]
    assert "2 km" in notes["early"] and "range" not in notes["late"]


def test_file_expression_reads_relative_to_the_spec(tmp_path):
    (tmp_path / "line.geojson").write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
        '{"name": "x"}, "geometry": {"type": "LineString", "coordinates": '
        '[[36, 35], [36.1, 35.1]]}}, {"type": "Feature", "properties": {"name": "y"}, '
        '"geometry": {"type": "Point", "coordinates": [30, 30]}}]}',
        encoding="utf-8",
    )
    expr = "{file: {path: line.geojson, where: \"name = 'x'\"}}"
    geoms, _ = _compile(tmp_path, _feature("f", expr, kind="contact-line"))
    assert geoms["f"].equals(shapely.LineString([(36, 35), (36.1, 35.1)]))
    path = _spec(tmp_path, _feature("f", "{file: {path: missing.geojson}}"), "m.yaml")
    with pytest.raises(SpecError, match="not found"):
        compile_timeline(path, use_cache=False)


def test_bad_expressions_have_lines_and_hints(tmp_path):
    cases = {
        "{point: {lat: 135, lon: 36}}": "off the globe",
        "{buffer: {of: {point: {lat: 35, lon: 36}}, distanse: 5 km}}": "did you mean 'distance'",
        "{union: {point: {lat: 35, lon: 36}}}": "takes a list",
        "{band: {of: {point: {lat: 35, lon: 36}}, width: 5 km}}": "must be an area",
        "{wkt: 'POLYGON ((36 35, 37'}": "bad WKT",
        "{}": "one operator",
    }
    for i, (expr, message) in enumerate(cases.items()):
        path = _spec(tmp_path, _feature("f", expr), f"bad{i}.yaml")
        with pytest.raises(SpecError, match=message) as info:
            compile_timeline(path, use_cache=False)
        assert info.value.line is not None and info.value.line >= 8


# --- the features frame and the cache ---------------------------------------------------------


def test_features_frame_follows_the_contract(tmp_path):
    _, tl = _compile(
        tmp_path,
        _feature(
            "p",
            "{point: {lat: 35.8, lon: 36.5}}",
            kind="observation-post",
            extra="  end: 2020-10\n",
        ),
    )
    f = tl.features
    assert f.crs.to_epsg() == 4326
    assert str(f["start_date"].dtype) == "datetime64[ns]" == str(f["end_date"].dtype)
    row = f.iloc[0]
    assert row["agreement"] == "a" and row["agreement_name"] == "Agreement A"
    assert row["end_date"].date().isoformat() == "2020-10-31"
    assert "month only" in row["notes"]
    assert row["sources"] == [{"url": "https://example.org/a", "quote": "q", "title": ""}]
    assert tl.agreements[0]["signed"].isoformat() == "2020-03-05"


def test_cache_round_trip_and_invalidation(tmp_path, monkeypatch):
    import geozones.compiler._api as api

    path = _spec(
        tmp_path, _feature("b", "{buffer: {of: {point: {lat: 35.8, lon: 36.5}}, distance: 6 km}}")
    )
    first = compile_timeline(path, use_cache=True)
    calls = []
    real = api.compile_spec
    monkeypatch.setattr(api, "compile_spec", lambda *a, **k: calls.append(1) or real(*a, **k))
    second = compile_timeline(path, use_cache=True)
    assert calls == []  # served from the cache
    assert second.features.geometry.iloc[0].equals(first.features.geometry.iloc[0])
    assert second.features["sources"].iloc[0] == first.features["sources"].iloc[0]
    assert second.agreements == first.agreements
    path.write_text(path.read_text().replace("6 km", "7 km"))
    third = compile_timeline(path, use_cache=True)
    assert calls == [1]  # the spec changed: recompiled
    assert area_m2(third.features.geometry.iloc[0]) > area_m2(first.features.geometry.iloc[0])


@pytest.mark.parametrize(
    "expr",
    [
        "{buffer: 5}",
        "{along: M4}",
        "{hull: 5}",
        "{countries: 5}",
        "{point: [35, 36]}",
        "{wkt: 5}",
        "{file: 5}",
        "{ref: 5}",
        "{admin: {names: 5}}",
        "{band: {of: {wkt: 'POINT (36 35)'}, width: 5 km}}",
        "{corridor: {road: {wkt: 'POINT (36 35)'}, from: x, to: y, width: 1 km}}",
        "{buffer: {of: {point: {lat: 35, lon: 36}}, distance: [1, 2]}}",
        "{union: [{point: {lat: 35, lon: 36}}, 7]}",
        "[1, 2]",
        "7",
    ],
)
def test_malformed_expressions_are_spec_errors_never_tracebacks(tmp_path, expr):
    path = _spec(tmp_path, _feature("f", expr))
    with pytest.raises(SpecError) as info:
        compile_timeline(path, use_cache=False)
    assert info.value.path == str(path) and info.value.line is not None


def test_the_cache_keeps_only_the_most_recent_timelines(tmp_path, monkeypatch):
    import geozones.compiler._cache as cache
    from geozones import settings

    monkeypatch.setattr(settings, "cache_dir", tmp_path / "cache")
    monkeypatch.setattr(cache, "CACHE_KEEP", 2)
    for km in (1, 2, 3):
        path = _spec(
            tmp_path,
            _feature(
                "b", f"{{buffer: {{of: {{point: {{lat: 35, lon: 36}}}}, distance: {km} km}}}}"
            ),
            f"s{km}.yaml",
        )
        compile_timeline(path, use_cache=True)
    assert len(list((tmp_path / "cache" / "timelines").iterdir())) == 2


@pytest.mark.parametrize(
    "module",
    [
        "geozones.spec._yaml",
        "geozones.spec._values",
        "geozones.spec._sources",
        "geozones.spec._model",
        "geozones.spec._check",
        "geozones.projection",
        "geozones.boundaries",
        "geozones.compiler._api",
        "geozones.compiler._cache",
        "geozones.compiler._declared",
        "geozones.compiler._evaluator",
        "geozones.compiler._features",
        "geozones.compiler._ops_admin",
    ],
)
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_compile_expression_outside_a_spec():
    from geozones.compiler import compile_expression

    g = compile_expression("buffer: {of: {point: {lat: 35.8, lon: 36.6}}, distance: 2 km}")
    assert area_m2(g) == pytest.approx(np.pi * 4e6, rel=0.003)
    with pytest.raises(SpecError, match="did you mean 'distance'"):
        compile_expression("buffer: {of: {point: {lat: 35.8, lon: 36.6}}, distanse: 2 km}")


# --- named things: the gazetteer and the bundled boundaries ----------------------------------


def _one(expr: str, **kw):
    from geozones.compiler import compile_expression

    return compile_expression(expr, **kw)


def test_place_places_and_codes():
    ariha = _one("place: Ariha", country="SY")
    assert ariha.geom_type == "Point" and ariha.distance(shapely.Point(36.611, 35.812)) < 0.01
    assert _one("place: C3908").equals(_one("place: Trumba", country="SY"))  # P-code = name
    assert _one("place: {name: Tronba, country: SY}").equals(_one("place: C3908"))
    two = _one("places: [Ariha, Saraqib]", country="SY")
    assert two.geom_type == "MultiPoint" and len(two.geoms) == 2
    with pytest.raises(SpecError, match="no exact match .* closest is 'Saraqab'"):
        _one("place: Saraqibbb", country="SY")


def test_admin_by_code_name_level_and_within():
    from geozones import boundaries

    idleb = _one("admin: SY07")
    assert 5_000e6 < area_m2(idleb) < 6_500e6
    assert idleb.covers(_one("place: Ariha", country="SY"))
    subs = _one("admin: {within: SY07, level: 3}")
    assert area_m2(subs) == pytest.approx(area_m2(idleb), rel=0.02)  # two sources, one area
    assert len(getattr(subs, "interiors", [])) == 0  # gaps between sources filled
    hama_suran = _one("admin: {name: Suran, within: Hama, level: 3}")
    a3 = boundaries.load("admin3").set_index("pcode")
    assert hama_suran.equals_exact(a3.loc["SY050101", "geometry"], 1e-9) or (
        hama_suran.symmetric_difference(a3.loc["SY050101", "geometry"]).area < 1e-9
    )
    with pytest.raises(SpecError, match=r"'Suran' is ambiguous: .*SY020405.*SY050101"):
        _one("admin: Suran")
    with pytest.raises(SpecError, match="ambiguous"):
        _one("admin: Idleb")  # governorate, district and subdistrict share the name
    with pytest.raises(SpecError, match="did you mean one of: .*Ariha"):
        _one("admin: {name: Arihaa, level: 3}")
    with pytest.raises(SpecError, match="level 4 is not 1, 2 or 3"):
        _one("admin: {name: Ariha, level: 4}")


def test_countries_and_layer_areas():
    turkey = _one("countries: Turkey")
    assert turkey.covers(shapely.Point(36.16, 36.20))  # Antakya
    shield = _one("area: {layer: operation-areas, name: Euphrates Shield}")
    assert shield.covers(_one("place: Al-Bab", country="SY"))
    assert not shield.covers(_one("place: Afrin", country="SY"))
    with pytest.raises(SpecError, match="no 'Narnia' in the 'countries' layer"):
        _one("countries: Narnia")
    with pytest.raises(SpecError, match="unknown layer 'operation-area'"):
        _one("area: {layer: operation-area, name: Euphrates Shield}")


def test_a_named_road_and_a_stretch_of_it():
    m4 = _one("road: M4")
    assert m4.geom_type == "LineString"
    assert m4.distance(_one("place: Ariha", country="SY")) < 0.01
    stretch = _one("along: {road: M4, from: Trumba, to: Ain al-Havr}", country="SY")
    assert 60_000 < length_m(stretch) < length_m(m4)
    assert shapely.Point(stretch.coords[0]).distance(_one("place: Trumba", country="SY")) < 0.01
    with pytest.raises(SpecError, match="unknown place 'Ariha' .*M4"):
        _one("road: Ariha", country="SY")  # only roads are looked up
    with pytest.raises(SpecError, match="is not a line"):
        _one("road: {place: Ariha}", country="SY")


def test_band_drops_short_leftovers_of_an_excluded_border(tmp_path):
    # the excluded border has a 3 km gap: by default (min_part = 2 x tolerance) the 1 km of
    # outline left in the gap is noise, not a front line; min_part 500 m keeps it
    gap = "MULTILINESTRING ((35.9 36, 36.4833 36), (36.5167 36, 37.1 36))"
    north_middle = shapely.Point(36.5, 35.99)
    band = (
        "{{band: {{of: {{wkt: '{sq}'}}, width: 5 km, exclude: {{wkt: '{gap}'}}, "
        "tolerance: 1 km{extra}}}}}"
    )
    geoms, _ = _compile(
        tmp_path,
        _feature("a", band.format(sq=SQUARE, gap=gap, extra=""))
        + _feature("b", band.format(sq=SQUARE, gap=gap, extra=", min_part: 500 m"))
        + _feature("c", f"{{boundary: {{of: {{wkt: '{SQUARE}'}}, exclude: {{wkt: '{gap}'}}}}}}"),
    )
    assert not geoms["a"].covers(north_middle)
    assert geoms["b"].covers(north_middle)
    # the outline less the border: the three other sides, in one piece
    assert geoms["c"].geom_type == "LineString"
    assert length_m(geoms["c"]) == pytest.approx(
        length_m(shapely.from_wkt(SQUARE).exterior)
        - length_m(shapely.from_wkt("LINESTRING (36 36, 37 36)")),
        rel=0.01,
    )


def test_a_name_shared_by_several_places_must_be_settled():
    with pytest.raises(SpecError, match=r"'Zaytuneh' names several places: .*C3552.*C1499"):
        _one("place: Zaytuneh", country="SY")
    assert _one("place: C1499").geom_type == "Point"  # the code settles it
    # a town of ~49,000 is not ambiguous with a hamlet of the same name
    assert _one("place: Afrin", country="SY").distance(shapely.Point(36.864, 36.513)) < 0.01


def test_the_ends_of_a_road_stretch_are_the_namesakes_on_the_road():
    # 'Ein Elhur' is also 'Ein Hur' near Damascus: alone it is ambiguous, on the M4 it is not
    with pytest.raises(SpecError, match="names several places"):
        _one("place: Ein Elhur", country="SY")
    stretch = _one("along: {road: M4, from: Tromba, to: Ein Elhur}", country="SY")
    assert shapely.Point(stretch.coords[-1]).distance(_one("place: C3728")) < 0.01


def test_buffers_are_metres_on_the_ground_anywhere_on_earth():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=40, deadline=None)
    @given(
        lat=st.floats(-80, 80),
        lon=st.floats(-179, 179),
        metres=st.floats(100, 50_000),
    )
    def check(lat, lon, metres):
        ring = np.asarray(buffer(shapely.Point(lon, lat), metres).exterior.coords)
        n = len(ring)
        d = GEOD.inv(np.full(n, lon), np.full(n, lat), ring[:, 0], ring[:, 1])[2]
        assert np.all(np.abs(d - metres) <= 0.005 * metres)

    check()


def _shifted_m4(gz, tmp_path, dlat: float = 0.01):
    """A GeoJSON file of the M4's line moved ``dlat`` degrees north (about 1.1 km)."""
    import json

    line = gz.road_geometry(gz.find_id("M4", "roads"))
    coords = [[x, y + dlat] for x, y in line.coords]
    path = tmp_path / "m4_surveyed.geojson"
    feature = {"type": "Feature", "properties": {"name": "M4"}}
    feature["geometry"] = {"type": "LineString", "coordinates": coords}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


def test_load_road_then_load_timeline_gives_the_new_geometry_not_the_cached_one(
    tmp_path, monkeypatch
):
    """Issue #13: the compile cache key holds the gazetteer's state (loaded roads too)."""
    import geozones
    from geozones import Gazetteer, settings
    from geozones.gazetteer import load_road

    gz = Gazetteer()  # a fresh default for this test: load_road changes it
    monkeypatch.setattr(Gazetteer, "default", classmethod(lambda cls: gz))
    monkeypatch.setattr(settings, "cache_dir", tmp_path / "cache")
    path = _spec(tmp_path, _feature("c", "{along: {road: M4, from: Trumba, to: Ain al-Havr}}"))
    before = geozones.load_timeline(path, use_cache=True).features.geometry.iloc[0]
    cached = geozones.load_timeline(path, use_cache=True).features.geometry.iloc[0]
    assert cached.equals(before)
    fingerprint = gz.fingerprint()
    load_road(_shifted_m4(gz, tmp_path), "M4")
    assert gz.fingerprint() != fingerprint
    after = geozones.load_timeline(path, use_cache=True).features.geometry.iloc[0]
    shift_km = (after.centroid.y - before.centroid.y) * 111.2
    assert 0.9 < shift_km < 1.3, shift_km  # the surveyed line, not the cached schematic one


def test_load_road_then_the_bundled_load_timeline_follows_the_new_m4(tmp_path, monkeypatch):
    """The README's order: load_timeline(), load_road(...), load_timeline() again."""
    import geozones
    from geozones import Gazetteer, settings
    from geozones.gazetteer import load_road

    gz = Gazetteer()
    monkeypatch.setattr(Gazetteer, "default", classmethod(lambda cls: gz))
    monkeypatch.setattr(settings, "cache_dir", tmp_path / "cache")

    def corridor():
        features = geozones.load_timeline(use_cache=True).features.set_index("id")
        return features.geometry["m4-corridor"]

    before = corridor()
    assert corridor().equals(before)  # served from the cache
    load_road(_shifted_m4(gz, tmp_path), "M4")
    shift_km = (corridor().centroid.y - before.centroid.y) * 111.2
    assert 0.9 < shift_km < 1.3, shift_km


def test_the_gazetteer_is_passed_in_and_the_default_is_left_alone(tmp_path):
    from geozones import Gazetteer
    from geozones.compiler import compile_spec
    from geozones.spec import read_spec

    mine = Gazetteer()
    mine.load_road(_shifted_m4(mine, tmp_path, dlat=0.02), "M4")
    spec, _ = read_spec(_spec(tmp_path, _feature("c", "{road: M4}")))
    own, _, _ = compile_spec(spec, gazetteer=mine)
    bundled, _, _ = compile_spec(spec)
    dy = own.geometry.iloc[0].centroid.y - bundled.geometry.iloc[0].centroid.y
    assert dy == pytest.approx(0.02, abs=1e-4)


def test_the_code_fingerprint_walks_the_package():
    from pathlib import Path

    import geozones
    from geozones.compiler import _cache

    _cache.code_fingerprint.cache_clear()
    first = _cache.code_fingerprint()
    module = Path(geozones.__file__).parent / "compiler" / "_ops_sets.py"
    stat = module.stat()
    try:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        _cache.code_fingerprint.cache_clear()
        assert _cache.code_fingerprint() != first  # a module nobody listed by hand
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        _cache.code_fingerprint.cache_clear()


def test_cache_cli_uses_the_compilers_cache_object(tmp_path, monkeypatch, capsys):
    import json

    from geozones import settings
    from geozones.cli import main

    monkeypatch.setattr(settings, "cache_dir", tmp_path / "cache")
    compile_timeline(_spec(tmp_path, _feature("b", "{point: {lat: 35, lon: 36}}")), use_cache=True)
    assert main(["cache", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["timelines"]["entries"] == 1 and info["timelines"]["bytes"] > 0
    assert main(["cache", "clear", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["timelines"] == 1
    assert not any((tmp_path / "cache" / "timelines").iterdir())
