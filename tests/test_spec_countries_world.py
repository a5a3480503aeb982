"""``countries:`` names any country (#19 item 4): Syria and its neighbours from the bundled
Natural Earth 1:10m layer, every other country from the world layer at 1:50m, with the
coarser scale stated in the feature's notes. Real data (data/basemap/world-countries.parquet)."""

from __future__ import annotations

import pytest
import shapely

import geozones
from geozones import boundaries
from geozones.compiler import compile_expression
from geozones.errors import SpecError


def test_a_country_outside_the_bundled_layer_comes_from_the_world_layer():
    egypt = compile_expression("countries: Egypt")
    assert egypt.contains(shapely.Point(31.24, 30.04))  # Cairo
    assert not egypt.contains(shapely.Point(16.59, 31.19))  # Sirte, Libya
    both = compile_expression("countries: [Libya, EGY]")  # a name, an ISO alpha-3 code
    assert both.contains(shapely.Point(16.59, 31.19)) and both.contains(
        egypt.representative_point()
    )
    # GeoNames' name of a country Natural Earth abbreviates ("S. Sudan")
    juba = shapely.Point(31.58, 4.85)
    assert compile_expression("countries: South Sudan").contains(juba)
    assert compile_expression("countries: SS").equals(compile_expression("countries: S. Sudan"))


def test_the_bundled_countries_stay_at_1_10m_by_any_code():
    turkey = boundaries.load("countries").set_index("pcode").geometry["TR"]
    for name in ("Turkey", "TR", "TUR", "turkey"):
        assert compile_expression(f"countries: {name}").equals(turkey), name


def test_one_iso_code_in_several_rows_is_their_union_and_a_shared_word_is_ambiguous():
    australia = compile_expression("countries: AU")
    assert australia.contains(shapely.Point(151.21, -33.87))  # Sydney
    ashmore = shapely.Point(123.584, -12.43)  # Ashmore and Cartier Is., an AU territory
    assert australia.contains(ashmore) and compile_expression("countries: Australia").equals(
        australia
    )
    with pytest.raises(SpecError, match="'Korea' matches several countries: .*Korea"):
        compile_expression("countries: Korea")
    with pytest.raises(SpecError, match="no 'Narnia' in the 'countries' layer"):
        compile_expression("countries: Narnia")
    with pytest.raises(SpecError, match="did you mean .*Egypt"):
        compile_expression("countries: Egipt")


def test_the_feature_notes_say_the_coarser_scale(tmp_path):
    spec = tmp_path / "e.yaml"
    spec.write_text(
        "timeline: {id: e, name: E, country: EG}\n"
        "agreements:\n  - id: a\n    name: A\n    features:\n"
        "      - {id: sinai, kind: zone, start: 2020-01-01, confidence: approximate,\n"
        "         geometry: {intersection: [{countries: Egypt},\n"
        "           {buffer: {of: {point: {lat: 30.0, lon: 33.8}}, distance: 150 km}}]}}\n"
        "      - {id: tr, kind: zone, start: 2020-01-01, confidence: approximate,\n"
        "         geometry: {countries: Turkey}}\n",
        encoding="utf-8",
    )
    tl = geozones.load_timeline(spec)
    notes = dict(zip(tl.features["id"], tl.features["notes"], strict=True))
    assert "Egypt is drawn from Natural Earth at 1:50m" in notes["sinai"]
    assert "1:50m" not in notes["tr"]
    sinai = tl.features.set_index("id").geometry["sinai"]
    assert sinai.contains(shapely.Point(33.8, 30.0))
    assert not sinai.contains(shapely.Point(34.9, 30.0))  # Israel: clipped at the border
