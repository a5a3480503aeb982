"""Round 19 of issue #16: the gazetteer's bare names.

- a prominent named site (crossing, air base, dam, camp …) wins its own bare name ("Bab
  al-Hawa") over far villages of that name; a town keeps its name ("Tal Abyad", "Jarablus");
  a site's base name ("Nairab" of the Nairab air base) stays the village;
- an inexact guess never turns one consonant into another ("Masnaa" is not "Manara"), an
  unknown name raises with suggestions instead;
- the neighbours' provinces are areas: "Hatay" the province (its capital Antakya another
  Place); "Kilis" the town, "Kilis province" / "ولاية كلس" the province;
- Turkish names typed without Turkish letters, and a crossing's Turkish name without its
  generic words ("Oncupinar" for "Öncüpınar Sınır Kapısı").
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
        geozones.geocode("Basi")  # no place of that name: not Bsir (a consonant more)
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
    assert not keeps_consonants("basi", "bs", "bsir", "bsr")  # too short for a slip
    assert not keeps_consonants("مصنع", "", "صنعا", "")
    assert not keeps_consonants("بزه", "", "برزه", "")  # too short for a slip
    # word by word: a compass word does not carry a changed place name
    assert not keeps_consonants("easternhama", "astrn hm", "easternhamra", "astrn hmr")


def test_eastern_hama_is_the_east_of_hama_not_the_village_eastern_hamra():
    p = _geocode("Eastern Hama")
    assert p.name == "Hama" and p.score < 1.0  # a part of Hama


def test_the_ghab_in_arabic_alone_is_the_plain():
    p = _geocode("الغاب")
    assert p.kind == "region" and haversine_km(p.lat, p.lon, 35.6, 36.35) < 40


def test_masnaa_is_the_crossing_at_masnaa_and_the_common_word_is_not():
    p = _geocode("Masnaa")
    assert p.extra["feature"] == "crossing" and p.score == 1.0
    assert haversine_km(p.lat, p.lon, 33.70, 35.92) < 5  # the Lebanese side, where Masnaa is
    with pytest.raises(UnknownPlaceError):
        geozones.geocode("المصنع")  # "the factory": a common word, never a place alone


# --- the neighbours' provinces are areas ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "country", "capital"),
    [
        ("Hatay", "TR", "Antakya"),
        ("ولاية هاتاي", "TR", "Antakya"),
        ("Hatay province", "TR", "Antakya"),
        ("Kilis province", "TR", "Kilis"),
        ("Kilis ili", "TR", "Kilis"),
        ("ولاية كلس", "TR", "Kilis"),
        ("Sanliurfa province", "TR", "Şanlıurfa"),
        ("Nineveh", "IQ", "Mosul"),
        ("Anbar", "IQ", "Ramadi"),
        ("الأنبار", "IQ", "Ramadi"),
        ("Mafraq governorate", "JO", "Mafraq"),
        ("Akkar", "LB", "Halba"),
        ("Bekaa", "LB", "Zahlé"),
    ],
)
def test_a_neighbour_province_is_an_approximate_area_with_its_capital_apart(name, country, capital):
    p = _geocode(name)
    assert p.kind == "admin area" and p.level == 1 and p.country == country
    assert p.precision == "approximate" and p.extra["capital"] == capital
    assert p.geometry.geom_type == "Point"  # no polygon is bundled


@pytest.mark.parametrize("name", ["Kilis", "Gaziantep", "Mardin", "Irbid", "Mafraq", "Antep"])
def test_a_province_named_like_its_capital_leaves_the_bare_name_to_the_city(name):
    assert _geocode(name).kind == "populated place"


def test_hatay_province_is_not_antakya_s_point():
    prov, city = _geocode("Hatay"), _geocode("Antakya")
    assert prov.kind == "admin area" and city.kind == "populated place"
    assert prov.extra["index"] != city.extra["index"]


# --- Turkish names typed without Turkish letters ------------------------------------------


@pytest.mark.parametrize(
    ("typed", "written"),
    [("Sanliurfa", "Şanlıurfa"), ("Akcakale", "Akçakale"), ("Yayladagi", "Yayladağı")],
)
def test_a_turkish_name_typed_without_turkish_letters_is_found_exactly(typed, written):
    got, want = _geocode(typed), _geocode(written)
    assert got.extra["index"] == want.extra["index"] and got.score == 1.0


@pytest.mark.parametrize("name", ["Oncupinar", "Öncüpınar"])
def test_a_crossing_s_turkish_name_without_its_generic_is_the_crossing(name):
    p = _geocode(name)
    assert p.extra["feature"] == "crossing" and p.name == "Bab al-Salameh Border Crossing"


def test_a_turkish_gate_named_after_a_town_stays_the_town():
    assert _geocode("Akcakale").kind == "populated place"
    assert "feature" not in _geocode("Akcakale").extra  # the Turkish town, not the gate
