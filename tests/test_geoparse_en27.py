"""English non-places, city senses and regions, round 27.

Each rule is shown firing on a sentence written for it and staying silent where it must:

* a seat of government named for the government ("White House officials", "the Elysée",
  "Downing Street") is an institution, not a place ("White House" is no Casablanca);
* an outlet written with the Arabic article before a noun of the press ("Al Rai media",
  "the al-Watan newspaper") or after one ("the daily Al Rai") is the outlet, not a town;
* a common English word of a title-case headline that the gazetteer holds only as a short
  form of a longer name ("Dam" for Damascus) is the word;
* "an area of X" with the indefinite article is a part of the town, the town itself, while
  "the area of X" stays its region;
* the Kurdistan Region of Iraq is a region of Iraq.
"""

from __future__ import annotations

import geozones
from geozones.geoparse.entities import article_outlets


def _places(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.place.name) for m in geozones.extract(text).places]


def _entities(text: str) -> list[str]:
    return [e.text for e in geozones.extract(text).entities]


# --- seats of government -------------------------------------------------------------


def test_a_seat_of_government_is_no_place():
    text = "White House press secretary Jen Psaki said the strikes on Deir ez-Zor were limited."
    assert "White House" in _entities(text)
    assert all(name != "Casablanca" for _, _, name in _places(text))
    text = "The Elysée and Downing Street welcomed the truce in Idlib."
    assert {"Elysée", "Downing Street"} <= set(_entities(text))
    assert [t for t, _, _ in _places(text)] == ["Idlib"]


def test_casablanca_is_still_found_by_its_name():
    assert _places("The delegation landed in Casablanca on Tuesday.")[0][2] == "Casablanca"


# --- outlets written with the Arabic article --------------------------------------------


def test_an_article_name_before_a_press_noun_is_the_outlet():
    text = "Speaking to Kuwait-based Al Rai media, the commander denied the report."
    assert [e.text for e in article_outlets(text)] == ["Al Rai"]
    assert not any(t == "Al Rai" for t, _, _ in _places(text))
    text = "an official told the Al Sumaria television on Sunday"
    assert [e.text for e in article_outlets(text)] == ["Al Sumaria"]


def test_an_article_name_after_a_press_noun_is_the_outlet():
    text = "the Kuwaiti daily Al Rai quoted a source close to the talks"
    assert [e.text for e in article_outlets(text)] == ["Al Rai"]


def test_a_town_before_media_and_a_noun_stays_a_town():
    text = "al-Bab media activists said that shelling hit the centre of al-Bab."
    assert article_outlets(text) == []
    assert [t for t, _, _ in _places(text)] == ["al-Bab", "al-Bab"]
    assert article_outlets("the al-Bab daily life") == []


# --- common words of a title-case headline ----------------------------------------------


def test_a_common_word_of_a_headline_is_no_short_form_of_a_city():
    text = "Kurdish Fighters Seize Key Dam Complex From Militants\nThe dam lies on the river."
    assert not any(name == "Damascus" for _, _, name in _places(text))


def test_a_city_named_in_full_in_a_headline_is_kept():
    text = "Rebels Shell Damascus Suburbs As Talks Stall\nThe shelling went on."
    assert [name for _, _, name in _places(text)] == ["Damascus"]


def test_the_short_form_in_running_text_is_left_as_before():
    # no headline: the capital in running text keeps the gazetteer's reading
    assert [t for t, _, _ in _places("The convoy left for Dam on Monday.")] == ["Dam"]


# --- "an area of X" ---------------------------------------------------------------------


def test_an_area_of_a_city_is_the_city():
    for text in (
        "Families fled a government-held area of Aleppo on Friday.",
        "The quarter lies in a densely populated area of Aleppo near the citadel.",
    ):
        assert [(t, k) for t, k, _ in _places(text)] == [("Aleppo", "place")], text


def test_the_area_of_a_city_stays_its_region():
    assert _places("Clashes spread across the area of Aleppo.")[0][:2] == (
        "area of Aleppo",
        "region",
    )
    assert _places("Jets struck an area of southern Idlib.")[0][1] == "region"


# --- the Kurdistan Region of Iraq -------------------------------------------------------


def test_the_kurdistan_region_is_a_region_of_iraq():
    got = geozones.extract("DUHOK, Kurdistan Region – Syrian refugees arrived on Monday.").places
    kr = [m for m in got if m.text == "Kurdistan Region"]
    assert kr and kr[0].kind == "region" and kr[0].place.country == "IQ"


def test_the_kurdistan_regional_government_is_no_region():
    text = "The Kurdistan Regional Government closed the Semalka crossing."
    assert not any(t.startswith("Kurdistan") for t, _, _ in _places(text))


# --- one place per text: a respelling and a repeat ---------------------------------------


def _named(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.name) for m in geozones.extract(text).places]


def test_a_name_respelled_in_its_vowels_is_the_place_named_before():
    text = (
        "Buses left al-Waer on Monday under the deal.\n"
        "Al-Wair had been besieged by government forces for three years."
    )
    assert _named(text) == [("al-Waer", "Waer"), ("Al-Wair", "Waer")]


def test_a_respelling_needs_the_text_to_name_the_place():
    assert _named("Al-Wair had been besieged for three years.") == []
    # other consonants: another name, not a respelling
    assert ("Al-Bir", "Al Bab") not in _named("Rebels left al-Bab. Al-Bir was quiet.")


def test_a_name_resolved_before_is_that_place_between_two_towns():
    text = (
        "The army took villages around the town of al-Koum in the desert. "
        "A gap of 20 km is left between al-Koum and the town of al-Sukhna."
    )
    got = _named(text)
    assert got.count(("al-Koum", "Kum")) == 2, got


# --- "X front" -------------------------------------------------------------------------


def test_a_front_named_after_one_town_is_its_area():
    got = geozones.extract("Turkish-backed fighters advanced on the Jinderes front.").places
    assert [(m.text, m.kind) for m in got] == [("Jinderes front", "region")]


def test_a_front_named_by_its_two_ends_or_a_group_is_no_area():
    for text in (
        "Shelling went on along the Hama-Idlib front.",
        "Shelling went on along the Hama - Idlib front.",
    ):
        assert all(m.kind == "place" for m in geozones.extract(text).places), text
    assert geozones.extract("The Levant Front attacked at dawn.").places == []


def test_a_front_named_after_a_village_is_the_village():
    got = geozones.extract("Rebels clashed along the Beit Sawa front in Eastern Ghouta.").places
    assert ("Beit Sawa", "place") in [(m.text, m.kind) for m in got]
    got = geozones.extract("The army shelled positions on the Hama front.").places
    assert [(m.text, m.kind) for m in got] == [("Hama front", "region")]


# --- an English list's far member --------------------------------------------------------


def _points(text: str) -> dict[str, tuple[float, float, bool]]:
    return {
        m.text: (round(m.place.lat, 2), round(m.place.lon, 2), m.resolved)
        for m in geozones.extract(text).places
    }


def test_a_listed_village_read_far_from_its_list_and_the_story_is_unknown_there():
    text = (
        "Turkish jets struck Jandairis and Afrin. Rebels took the villages of Shankal "
        "and Tayyana after clashes near Raju."
    )
    got = _points(text)
    assert got["Tayyana"][:2] == got["Shankal"][:2] and not got["Tayyana"][2]


def test_a_listed_village_is_kept_when_the_story_spans_both_areas():
    got = _points("Shelling hit Raju and Hajin. Rebels took the villages of Shankal and Tayyana.")
    assert got["Tayyana"] == (34.99, 40.55, True)


def test_a_listed_town_the_press_knows_is_kept_far_from_the_story():
    text = (
        "Akcakale faced Tal Abyad. Troops encircled the border towns of Ras al-Ain and Tal Abyad."
    )
    got = _points(text)
    assert got["Ras al-Ain"][2]  # Ras al-Ain, a district's seat, stays itself


# --- shopping centres ----------------------------------------------------------------


def test_a_shopping_centre_named_by_its_own_name_is_a_site_of_the_town_before_it():
    text = "Mortars hit Homs on Friday, near the Palladium shopping mall."
    got = [(m.text, m.kind, round(m.place.lat, 1)) for m in geozones.extract(text).places]
    assert got == [("Homs", "place", 34.7), ("Palladium shopping mall", "place", 34.7)]


def test_a_shopping_centre_with_no_town_before_it_or_no_name_is_not_placed():
    assert geozones.extract("Crowds filled the Palladium shopping mall.").places == []
    got = geozones.extract("Mortars hit Homs near the shopping mall.").places
    assert [m.text for m in got] == ["Homs"]
