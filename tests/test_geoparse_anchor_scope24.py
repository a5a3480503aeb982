"""How far an anchor phrase reaches back over a list (round 24, from the written texts).

"in northern Homs around Rastan and Talbiseh, in Eastern Ghouta" names two areas in turn: the
second does not move Talbiseh, which the clause already put in Homs. "Morek, Rashidin west of
Aleppo, Tal al-Eis" gives Rashidin alone its direction: the list goes on after it. A list that
ends on its anchor ("Tal Tourin and Qarah villages in Eastern al-Bab") is still anchored, and so
is one whose later anchor lies inside the area named first.
"""

from __future__ import annotations

import geozones


def _at(text: str) -> dict[str, tuple[float, float, bool]]:
    return {m.text: (m.place.lat, m.place.lon, m.resolved) for m in geozones.extract(text).places}


def _near(got: tuple[float, float, bool], lat: float, lon: float, resolved: bool) -> bool:
    return got[2] is resolved and abs(got[0] - lat) < 0.1 and abs(got[1] - lon) < 0.1


def test_a_later_area_does_not_move_towns_the_clause_put_in_an_earlier_one():
    got = _at(
        "Clashes went on in northern Hama around Kafr Zita and Morek, in the Qalamoun near Yabrud."
    )
    assert _near(got["Kafr Zita"], 35.37, 36.60, True)  # in Hama, not the Qalamoun
    assert _near(got["Morek"], 35.37, 36.69, True)
    got = _at(
        "Fighting hit southern Idlib around Kafr Nabl and Hish, in eastern Ghouta near Douma."
    )
    assert _near(got["Hish"], 35.55, 36.64, True)


def test_a_direction_after_one_member_of_a_going_list_is_that_members_alone():
    got = _at("Turkish posts stand at Morek, Rashidin west of Aleppo, Khan Tuman and Zarbah.")
    assert _near(got["Morek"], 35.37, 36.69, True)  # Morek in Hama, not at Aleppo
    got = _at("Troops stood at Kafr Zita, Hayan north of Aleppo, and Zarbah.")
    assert _near(got["Kafr Zita"], 35.37, 36.60, True)


def test_a_list_that_ends_on_its_anchor_is_still_anchored():
    got = _at("They seized Tal Tourin and Qarah villages in Eastern al-Bab.")
    assert _near(got["Qarah"], 36.37, 37.58, False)  # at al-Bab's east, not the Qalamoun's Qarah


def test_an_anchor_inside_the_earlier_area_still_places_the_list():
    # the later anchor lies in the area already named: it narrows it, it does not move on
    got = _at("In Aleppo province, the army took Tal Tourin and Qarah villages in eastern al-Bab.")
    assert _near(got["Qarah"], 36.37, 37.58, False)


def test_a_quantifier_phrase_in_a_list_of_villages_is_no_village():
    # "and some nearby hills" closes the list: a phrase of the language, not an unlisted village
    text = "قصفت الطائرات قرى (السكرية والجعابات وبعض التلال القريبة. في ريف مسكنة) شرق حلب."
    got = [m.text for m in geozones.extract(text).places]
    assert "الجعابات" in got  # the list is still read
    assert not any("التلال" in t for t in got)
