"""Which place a name means by the text's own context, round 26.

Each rule is shown firing on a sentence written for it and staying silent where it must:

* a name found by its construction only ("the village of X") that the gazetteer holds
  under another spelling is that place when the sound-alike lies in the governorate the
  name's own clause puts it in ("X in the east of Hama province"), or near a town of the
  sentences either side when its own sentence names none; a list's member, a sound-alike
  far from the story, or one outside the named governorate leaves it unresolved; and a
  town the scan read exactly outside the governorate its clause names is the sound-alike
  inside it ("Hishmeh in the north of Hama province": Hashemiyeh, not Hishmeh of Homs);
* villages an Arabic text lists as belonging to a town or a subdistrict ("أ وب التابعتين
  لبلدة X", "التابعتين لمركز X") lie there: each member of the list, and a far namesake's
  reading gives way; what they belong to ("لمركز عفرين") is the subdistrict, not its seat,
  which "مركز عفرين" alone stays;
* a governorate's capital that an apposition calls a city or a town ("Hasakah, a city in
  north-eastern Syria") is the city (capital guideline, rule 2); one called a province, or
  with no apposition, keeps its reading;
* "around X" ("factions fighting around Damascus", "the rebel-held areas around Damascus")
  is the area, as "<compass> of X" is; "near X" stays the city;
* a count of events "in X" ("عدد الهجمات ومحاولات الاغتيال في درعا") is the area, though the
  text treats the capital as the city elsewhere; its residents ("سكان حماة", "residents
  of") and people who settled in it are the city (the guideline's rule 3); a list of
  governorates ends at a relative clause or a preposition ("كالرقة وحلب، والذين … واستقروا في
  حماة": Hama is no member).
"""

from __future__ import annotations

import geozones


def _named(text: str, name: str) -> list[tuple[str, bool]]:
    return [(m.place.name, m.resolved) for m in geozones.extract(text).places if m.text == name]


# -- a construction's name, the gazetteer's sound-alike ---------------------------------


def test_the_sound_alike_in_the_governorate_the_clause_names_is_the_place():
    t = (
        "Rebels held the village of Agerbat, in the eastern countryside of Hama, until "
        "Sunday near Palmyra. Jets struck Agerbat again on Monday."
    )
    assert _named(t, "Agerbat") == [("Oqeirbat", True), ("Oqeirbat", True)]


def test_a_far_sound_alike_with_no_governorate_named_stays_unresolved():
    t = "Rebels held the village of Agerbat near Palmyra until Sunday. Jets struck Agerbat."
    assert all(not resolved for _, resolved in _named(t, "Agerbat"))


def test_a_governorate_named_elsewhere_than_the_clause_decides_nothing():
    t = (
        "Rebels held the village of Agerbat near Palmyra until Sunday, while the army "
        "shelled villages in Hama province."
    )
    assert all(not resolved for _, resolved in _named(t, "Agerbat"))


def test_a_list_member_stays_with_its_list():
    t = (
        "The army took the villages of Kaddour and Agerbat in the east of Hama province near "
        "Salamiyah."
    )
    assert all(not resolved for _, resolved in _named(t, "Agerbat"))


def test_the_sound_alike_near_the_town_of_the_sentence_before_is_the_place():
    t = "The army took Oqeirbat on Monday. The town lies near another city of Hoveysis."
    assert _named(t, "Hoveysis") == [("Hweisis", True)]


def test_a_sound_alike_far_from_the_towns_around_stays_unresolved():
    t = "The army took Kobani on Monday. The town lies near another city of Hoveysis."
    assert all(not resolved for _, resolved in _named(t, "Hoveysis"))


def test_a_sentence_with_its_own_town_keeps_the_construction_s_place():
    t = (
        "The army took Oqeirbat on Monday. Saraqib lies near another city of Hoveysis, "
        "the monitor said."
    )
    assert all(not resolved for _, resolved in _named(t, "Hoveysis"))


def test_a_near_spelling_inside_the_clause_s_governorate_beats_an_exact_namesake_outside():
    t = (
        "Jets struck the village of Hishmeh in the north of Hama province. Rebels left "
        "Hishmeh on Sunday."
    )
    assert _named(t, "Hishmeh") == [("Hashemiyeh", True), ("Hashemiyeh", True)]


def test_an_exact_namesake_inside_the_clause_s_governorate_or_with_none_named_stays():
    t = "Jets struck the village of Hishmeh in the east of Homs province."
    assert _named(t, "Hishmeh") == [("Hishmeh", True)]
    t = "Jets struck the village of Hishmeh near Homs on Sunday, while Hama province was calm."
    assert _named(t, "Hishmeh") == [("Hishmeh", True)]


# -- villages that belong to a town or a subdistrict ------------------------------------


def _at(text: str) -> dict[str, tuple[str, bool, float, float]]:
    return {
        m.text: (m.kind, m.resolved, round(m.place.lat, 2), round(m.place.lon, 2))
        for m in geozones.extract(text).places
    }


def test_every_village_of_a_dual_list_lies_at_the_town_it_belongs_to():
    got = _at("وأفاد المراسل أن قريتي خالدية وجبول التابعتين لبلدة جنديرس صارتا تحت سيطرة الفصائل.")
    town = got["جنديرس"][2:]
    assert got["جبول"] == ("place", False, *town)  # not Jbul by al-Bab, 100 km away
    assert got["خالدية"] == ("place", False, *town)


def test_a_village_near_the_district_it_belongs_to_keeps_its_reading():
    got = _at("وأفاد المراسل أن قرية جبول التابعة لمنطقة الباب صارت تحت سيطرة الفصائل.")
    assert got["جبول"] == ("place", True, 36.08, 37.51)


def test_the_subdistrict_villages_belong_to_is_the_area_and_alone_the_seat():
    got = _at("وأفاد المراسل أن قريتي خالدية وجبول التابعتين لمركز عفرين صارتا تحت السيطرة.")
    assert got["مركز عفرين"][0] == "region"
    assert got["جبول"][:2] == ("place", False)
    assert _at("سيطرت القوات على مركز عفرين بعد معارك عنيفة.")["مركز عفرين"][0] == "place"


# -- a capital an apposition calls a city ----------------------------------------------


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in geozones.extract(text).places]


def test_a_capital_an_apposition_calls_a_city_is_the_city():
    t = "Inmates rioted in a jail in Hasakah, a city in north-eastern Syria, on Sunday."
    assert _kinds(t)[0] == ("Hasakah", "place")
    t = "Shelling continued in Idlib, the largest town of the north-west, on Sunday."
    assert _kinds(t) == [("Idlib", "place")]


def test_a_capital_an_apposition_calls_a_province_or_none_keeps_its_reading():
    assert _kinds("Inmates rioted in a jail in Hasakah on Sunday.") == [("Hasakah", "region")]
    t = "Shelling continued in Idlib, a province held by rebels, on Sunday."
    assert _kinds(t) == [("Idlib", "region")]


def test_around_a_capital_is_its_area():
    t = "Several armed factions fighting around Damascus signed the truce."
    assert _kinds(t) == [("Damascus", "region")]


def test_the_areas_around_a_capital_are_its_area_and_near_it_stays_the_city():
    assert _kinds("Jets struck the rebel-held areas around Damascus on Friday.") == [
        ("Damascus", "region")
    ]
    assert _kinds("Rebels shelled a village near Damascus.") == [("Damascus", "place")]


# -- the article decides: counts over the area, the city's residents --------------------


def test_a_count_of_events_in_a_capital_is_the_area_though_the_text_leans_to_the_city():
    t = (
        "درعا - انفجرت عبوة في مدينة درعا صباح اليوم. وبلغ عدد الهجمات ومحاولات الاغتيال في "
        "درعا منذ مطلع العام 40 هجوما. وانفجرت عبوة ثانية في درعا مساء."
    )
    assert [k for _, k in _kinds(t)] == ["place", "place", "region", "place"]


def test_the_residents_of_a_capital_and_those_who_settled_in_it_are_the_city():
    assert _kinds("قال سكان حماة إن الكهرباء انقطعت.") == [("حماة", "place")]
    assert _kinds("Thousands of families settled in Hama after fleeing the fighting.") == [
        ("Hama", "place")
    ]
    assert _kinds("قال ناشطون في حماة إن الكهرباء انقطعت.") == [("حماة", "region")]
    assert _kinds("Thousands of families fled to Hama.") == [("Hama", "region")]


def test_a_list_of_governorates_ends_at_a_relative_clause():
    t = (
        "وصل آلاف المهجرين من محافظات عدة كالرقة وحلب وإدلب، والذين هربوا من المعارك "
        "واستقروا في حماة."
    )
    assert _kinds(t)[-1] == ("حماة", "place")
    t = "وتتواصل المعارك في محافظات حلب وإدلب وحماة."
    assert _kinds(t)[-1] == ("حماة", "region")
