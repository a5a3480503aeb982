"""English recall and non-places, round 26.

Each rule is shown firing on a sentence written for it and staying silent where it must:

* a time zone after a clock time ("10:15 PM (IST)") is no place;
* a capitalised common English word tied to a village by the loose key only ("Small
  groups of fighters …": Smal) is a word, unless a noun of settlement follows it;
* "<Name> <Name> told/said" is a person even when the second name is a big city abroad
  ("Hassan", India), unless the word before is a common word or a big place;
* a full name that a noun of role or kinship calls a person's ("X Y was the founder",
  "X Y's colleagues") is a person, its repeats and bare surname too;
* a country before "-backed"/"-led" stays a country inside an armed group's name
  ("the Turkey-backed Ahrar al-Sham");
* the Islamic State "of Iraq and Greater Syria"/"and al-Sham" is the group's name;
* a place inside an event's name ("the Fifth Brussels Conference") is not marked;
* an organisation's name before its officer's title ("X Council Co-President Y") is the
  organisation, its words no place ("Canton").
"""

from __future__ import annotations

import geozones
from geozones.geoparse.entities import event_names, role_persons, time_zones
from geozones.geoparse.scan._words import english_common_word


def _places(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.place.country) for m in geozones.extract(text).places]


def _entities(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.kind) for e in geozones.extract(text).entities]


# --- time zones -----------------------------------------------------------------------


def test_time_zone_after_a_clock_time_is_no_place():
    text = "Posted: Mar 3, 2020, 10:15 PM (IST)\nShelling hit Saraqib overnight."
    assert "IST" not in [p[0] for p in _places(text)]
    assert ("IST", "noun") in _entities(text)
    assert [e.text for e in time_zones("at 06:30 GMT and 9 am EST")] == ["GMT", "EST"]


def test_capitals_without_a_clock_time_are_read_as_before():
    assert time_zones("IST and the SDF took 3 villages") == []
    assert time_zones("the 10 SDF fighters") == []


# --- common English words found by the loose key -----------------------------------------


def test_common_word_opening_a_sentence_is_no_loose_village():
    text = "The army moved east of Aleppo. Small groups of fighters stayed behind."
    assert "Small" not in [p[0] for p in _places(text)]
    assert english_common_word("Small") and not english_common_word("Rubar")


def test_loose_village_with_a_settlement_noun_stays():
    from geozones.geoparse.scan._select import _loose_english_word

    assert _loose_english_word("Small groups stayed.", 0, 5)
    assert not _loose_english_word("Small village was shelled.", 0, 5)
    assert not _loose_english_word("Atme camp was shelled.", 0, 4)  # no English word


# --- a person who speaks ----------------------------------------------------------------


def test_given_name_and_big_city_abroad_that_told_is_a_person():
    text = "“We cannot reach them,” Dilsoz Hassan told reporters in Qamishli."
    places = _places(text)
    assert "Hassan" not in [p[0] for p in places]
    assert ("Qamishli", "place", "SY") in places
    assert ("Dilsoz Hassan", "person") in _entities(text)


def test_common_word_before_a_capital_that_said_is_no_given_name():
    assert ("Ankara", "place", "TR") in _places("Meanwhile Ankara said the talks had failed.")


# --- a full name with a role -----------------------------------------------------------


def test_role_noun_makes_a_full_name_a_person():
    text = (
        "Samir Kassab was the founder of a radio station in Saraqib. "
        "Samir Kassab's colleagues said Kassab had been threatened."
    )
    assert [e.text for e in role_persons(text)] == ["Samir Kassab", "Samir Kassab"]
    assert [p[0] for p in _places(text)] == ["Saraqib"]


def test_places_with_a_possessive_or_was_are_no_persons():
    assert role_persons("Deir Ezzor was the scene of fighting; Tal Abyad's residents fled.") == []
    assert role_persons("The town was the founder's home.") == []


# --- groups, events, organisations -----------------------------------------------------


def test_country_before_backed_is_named_inside_a_sham_group():
    places = _places("Fighters of the Turkey-backed Ahrar al-Sham entered Afrin.")
    assert ("Turkey", "country", "TR") in places
    text = "the Russia-backed Jaish al-Sham shelled Idlib"
    assert ("Jaish al-Sham", "organization") in _entities(text)
    assert ("Russia", "country", "RU") in _places(text)
    # a group's name without a sponsor's word is whole, as before
    assert ("Jaish al-Sham", "organization") in _entities("Jaish al-Sham shelled Idlib")


def test_islamic_state_of_iraq_and_greater_syria_is_the_group():
    text = "the Islamic State of Iraq and Greater Syria (ISIS) took Manbij in 2014"
    assert [p[0] for p in _places(text)] == ["Manbij"]
    text = "fighters of the Islamic State of Iraq and al-Sham entered Raqqa"
    assert [p[0] for p in _places(text)] == ["Raqqa"]
    # "of Syria" alone, a name going on after it: read as before (Syria named)
    assert ("Syria", "country", "SY") in _places("the army of Syria Abu Bakr said")


def test_place_inside_an_event_name_is_not_marked():
    text = "She spoke at the Fifth Brussels Conference on the future of Syria."
    assert [p[0] for p in _places(text)] == ["Syria"]
    assert [e.text for e in event_names("the Second Geneva Forum")] == ["Second Geneva Forum"]
    assert event_names("a conference in Brussels") == []
    assert ("Brussels", "place", "BE") in _places("Ministers met in Brussels on Monday.")


def test_organisation_before_its_officers_title():
    text = "Shelling hit the town.\nJazira Canton Health Council Co-President Berivan Ali said."
    assert "Canton" not in [p[0] for p in _places(text)]
    assert ("Jazira Canton Health Council", "organization") in _entities(text)
    # the domain of an office before its title is no body: "US" stays the country
    assert ("US", "country", "US") in _places("US Defense Secretary Mark Esper said on Monday.")


# --- "Rif X", "the Old City of X", Rojava ------------------------------------------------


def test_rif_and_reef_before_a_governorate_are_its_countryside():
    places = _places("Shelling hit towns in Rif Dimashq and in Reef Idlib on Monday.")
    assert places == [("Rif Dimashq", "region", "SY"), ("Reef Idlib", "region", "SY")]
    places = _places("a planned province, 'Reef Aleppo', centred on al-Bab")
    assert places[0] == ("Reef Aleppo", "region", "SY")


def test_rif_as_no_name_before_a_town_is_read_as_before():
    # lower-case "rif" (no transliterated countryside) and a town with no cue stay as they were
    assert _places("Troops entered Idlib city.") == [("Idlib", "place", "SY")]
    assert ("Aleppo", "place", "SY") in _places("the rif of the road to Aleppo")


def test_old_city_of_a_town_and_its_later_bare_mentions():
    text = (
        "Troops breached the walls of the Old City of Aleppo on Monday. "
        "Fighting in the Old City went on, residents said."
    )
    got = [(m.text, m.place.name) for m in geozones.extract(text).places]
    assert got == [("Old City", "Aleppo"), ("Aleppo", "Aleppo"), ("Old City", "Aleppo")]


def test_old_city_of_a_town_replaces_the_gazetteers_old_city_abroad():
    text = "Rebels left the Old City of Homs in 2014. The Old City was in ruins."
    got = [(m.text, m.place.name, m.place.country) for m in geozones.extract(text).places]
    assert got == [
        ("Old City", "Homs", "SY"),
        ("Homs", "Homs", "SY"),
        ("Old City", "Homs", "SY"),
    ]


def test_bare_old_city_without_its_town_is_not_placed_by_the_rule():
    from geozones.geoparse.constructions import old_cities

    text = "Fighting in the Old City went on."
    assert old_cities(text, [], []) == []


def test_rojava_is_a_region_with_either_apostrophe():
    for apostrophe in ("'", "’"):
        places = _places(f"A truck bomb hit Rojava{apostrophe}s Qamishli on Wednesday.")
        assert places[0] == ("Rojava", "region", "SY")
        assert places[1][0] == "Qamishli"
    assert "Rojava" not in [p[0] for p in _places("the Rojava Information Center said")]


# --- a near spelling with a cue of its own ----------------------------------------------


def test_near_spelling_with_a_noun_of_area_after_it():
    text = "Shells fell on Douma and on the nearby Al-Shayfuniyyeh area overnight."
    got = [(m.text, m.place.name) for m in geozones.extract(text).places]
    assert ("Douma", "Duma") in got
    assert any(t.startswith("Al-Shayfuniyyeh") and n == "Shafuniyeh" for t, n in got)


def test_near_spelling_after_camp_of():
    text = "Troops took the camp of Hndrat, north of Aleppo, on Saturday."
    got = [(m.text, m.place.name) for m in geozones.extract(text).places]
    assert ("Hndrat", "Ein el-Tal camp") in got


def test_no_near_spelling_without_a_cue_or_for_a_common_word():
    # the same spellings with no cue are not sought; "the Kurdish area" is no place
    got = [m.text for m in geozones.extract("Al-Shayfuniyyeh fighters met Douma's council.").places]
    assert got == ["Douma"]
    got = [m.text for m in geozones.extract("Hndrat fighters met the council of Aleppo.").places]
    assert got == ["Aleppo"]
    assert [m.text for m in geozones.extract("clashes in the Kurdish area near Afrin").places] == [
        "Afrin"
    ]


def test_far_namesake_of_a_near_spelling_is_not_taken():
    # Shafuniyeh lies by Douma, 600 km from a story on Qamishli and Amuda
    text = "Patrols left Qamishli and Amuda for the Al-Shayfuniyyeh area on Monday."
    assert "Shafuniyeh" not in [m.place.name for m in geozones.extract(text).places]


# --- hills named before their noun ------------------------------------------------------


def test_named_hilltops_are_places_at_the_village_their_clause_names():
    text = "Troops recaptured Tal Kharrouf and Jabal Mahsoun hilltops near Kinsabba village."
    got = {m.text: m for m in geozones.extract(text).places}
    assert {"Tal Kharrouf", "Jabal Mahsoun", "Kinsabba"} <= set(got)
    village = got["Kinsabba"].place
    for hill in ("Tal Kharrouf", "Jabal Mahsoun"):
        assert not got[hill].resolved
        assert (round(got[hill].place.lat, 2), round(got[hill].place.lon, 2)) == (
            round(village.lat, 2),
            round(village.lon, 2),
        )


def test_heights_after_control_over_and_no_hill_without_a_village():
    text = "The army took control over Qurnat Rabie Heights on the outskirts of Kinsabba village."
    assert "Qurnat Rabie" in [m.text for m in geozones.extract(text).places]
    # no town in the text: nothing to place the hills at, nothing reported
    assert geozones.extract("Troops recaptured Tal Kharrouf hilltops.").places == []


def test_press_spelling_of_baghuz_is_the_ocha_community():
    for spelling in ("Baghouz", "Baghuz"):
        got = [
            (m.text, m.place.name) for m in geozones.extract(f"Fighters fled {spelling}.").places
        ]
        assert got == [(spelling, "Upper Baguz")]


def test_canton_after_a_name_the_gazetteer_lacks_is_that_names_noun():
    assert _places("Clashes broke out in the Cizîr Canton on Monday.") == []
    # a city's old English name stays a city where no name stands before it
    assert ("Canton", "place", "CN") in _places("In Canton, China, prices rose.")
    assert ("Canton", "place", "CN") in _places("She visited Canton last year.")


def test_named_wall_or_gate_is_a_site_of_its_sentences_town():
    text = "Troops breached the Qasimiyah Wall that surrounds the old quarter of Aleppo."
    got = {m.text: m for m in geozones.extract(text).places}
    assert "Qasimiyah Wall" in got and not got["Qasimiyah Wall"].resolved
    assert round(got["Qasimiyah Wall"].place.lat, 1) == round(got["Aleppo"].place.lat, 1)
    # a wall named after a city abroad is that city, found as before; no site
    got = [m.text for m in geozones.extract("Tourists visited the Berlin Wall in Germany.").places]
    assert got == ["Berlin", "Germany"]
