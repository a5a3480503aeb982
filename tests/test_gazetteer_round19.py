"""Round 19 of issue #16: the gazetteer's bare names.

- a prominent named site (crossing, air base, dam, camp …) wins its own bare name ("Bab
  al-Hawa") over far villages of that name; a town keeps its name ("Tal Abyad", "Jarablus");
  a site's base name ("Nairab" of the Nairab air base) stays the village;
- an inexact guess never turns one consonant into another ("Masnaa" is not "Manara"), an
  unknown name raises with suggestions instead;
"""

from __future__ import annotations

import warnings

import pytest

import geozones
from geozones.errors import UnknownPlaceError
from geozones.gazetteer._fuzzy import keeps_consonants
from geozones.projection import haversine_km


def _geocode(name: str, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return geozones.geocode(name, **kw)


# --- a prominent site's own bare name beats far villages; a town keeps its name -------------


@pytest.mark.parametrize("name", ["Bab al-Hawa", "باب الهوى", "Bab el-Hawa"])
def test_bab_al_hawa_alone_is_the_crossing_not_a_far_hamlet(name):
    p = _geocode(name)
    assert p.extra["feature"] == "crossing" and p.admin[1] == "Idleb"
    assert p.score == 1.0


@pytest.mark.parametrize(
    ("name", "pcode"),
    [("Tal Abyad", "C5792"), ("Jarablus", "C2227"), ("Atmeh", "C4130"), ("Tabqa", "C5929")],
)
def test_a_town_keeps_its_name_from_the_crossing_or_base_named_after_it(name, pcode):
    p = _geocode(name)
    assert p.source == "ocha-cod" and p.source_id == pcode
    assert "feature" not in p.extra


def test_kasab_stays_the_town_and_the_crossing_is_named_x_crossing():
    assert "feature" not in _geocode("Kasab").extra
    assert _geocode("Kasab crossing").extra["feature"] == "crossing"


@pytest.mark.parametrize("name", ["Nairab", "Kweires", "كويرس"])
def test_a_site_base_name_alone_stays_the_village(name):
    # the real set reads "Nairab" (Idlib) and "Kweires" as the villages: a base is no own name
    assert "feature" not in _geocode(name).extra


def test_only_sites_with_far_village_namesakes_rank_above_villages():
    gz = geozones.Gazetteer.default()
    site = gz.geocode("Bab al-Hawa crossing").extra["index"]
    town = gz.geocode("Harim").extra["index"]  # a district seat
    assert 3.0 < gz.importance[site] < gz.importance[town]
    other = gz.geocode("Nairab airbase").extra["index"]
    assert gz.importance[other] < 3.0


# --- an inexact guess keeps the name's consonants ------------------------------------------


@pytest.mark.parametrize(
    ("name", "wrong"),
    [("Masnaa", "Manara"), ("المصنع", "Sanaa"), ("Bleisa", "Hleisa"), ("Tarnaba", "Arnaba")],
)
def test_a_guess_never_turns_one_consonant_into_another(name, wrong):
    try:
        got = [p.name for p in _geocode(name, top=5)]
    except UnknownPlaceError:
        got = []
    assert wrong not in got


def test_an_unknown_short_name_raises_with_suggestions():
    with pytest.raises(UnknownPlaceError) as info:
        geozones.geocode("Mhareha")  # no place of that name: not Mhardeh
    assert info.value.candidates


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("Ildib", "Idlib"),  # two neighbouring letters swapped
        ("Jarabls", "Jarablus"),  # a letter dropped
        ("Saraqeeb", "Saraqib"),  # a vowel
        ("حرابلس", "جرابلس"),  # letters told apart by their dots
        ("سراقت", "سراقب"),
        ("معرة حرمة", "معرتحرمة"),  # ta marbuta written as the t of a genitive
    ],
)
def test_real_misspellings_still_resolve(typo, meant):
    got, want = _geocode(typo), _geocode(meant)
    assert got.extra["index"] == want.extra["index"] and got.score < 1.0


def test_keeps_consonants_rule():
    assert keeps_consonants("jarabls", "jrbls", "jarablus", "jrbls")
    assert not keeps_consonants("masnaa", "msn", "manara", "mnr")
    assert not keeps_consonants("bleisa", "bls", "hleisa", "hls")  # the first letter
    assert not keeps_consonants("مصنع", "", "صنعا", "")


def test_the_ghab_in_arabic_alone_is_the_plain():
    p = _geocode("الغاب")
    assert p.kind == "region" and haversine_km(p.lat, p.lon, 35.6, 36.35) < 40
