"""Round 24, lists and their anchors: the clause or the area the text names places a list's
villages, not a namesake far outside it.

Each rule is tried on a sentence written for the test and on one where it must not fire.
"""

from __future__ import annotations

from geozones.geoparse import extract
from geozones.projection import haversine_km

MASKANAH = (35.970, 38.028)
SOKKARIYEH_IDLIB = (35.805, 36.394)
HAMIDIYEH_SOUTH_OF_ALEPPO = (35.962, 37.105)


def _places(text: str) -> dict[str, tuple[bool, float, float]]:
    """Each place's text → (resolved, lat, lon)."""
    return {p.text: (p.resolved, p.place.lat, p.place.lon) for p in extract(text).places}


def _near(found: tuple[bool, float, float], point: tuple[float, float], km: float = 10) -> bool:
    return haversine_km(found[1], found[2], *point) <= km


# --- a list set off in brackets closes on its anchor -------------------------------------


def test_bracketed_list_takes_the_anchor_before_its_closing_bracket() -> None:
    # the anchor stands after a full stop inside the brackets: the aside is one clause
    found = _places(
        "تقدمت القوات في ريف حلب الشرقي. وقصف الطيران قرى (السكرية والجعابات والفرعية. "
        "في ريف مسكنة) أمس."
    )
    for name in ("السكرية", "الجعابات", "الفرعية"):
        assert _near(found[name], MASKANAH), name
    assert found["السكرية"][0] is False  # no village of that name near Maskanah: unresolved


def test_bracket_closing_on_a_name_without_preposition_anchors_nothing() -> None:
    found = _places("قصفت الطائرات قرى (السكرية وبداما. ومسكنة) صباح اليوم.")
    assert _near(found["السكرية"], SOKKARIYEH_IDLIB)
    assert found["السكرية"][0] is True


def test_anchor_after_the_closing_bracket_is_another_clause() -> None:
    found = _places("قصفت الطائرات قرية (السكرية). وفي ريف مسكنة اشتباكات عنيفة بريف حلب.")
    assert "السكرية" not in found or not _near(found["السكرية"], MASKANAH, 25)


# --- a governorate's named side holds the villages on that side of its capital ------------


def test_village_on_another_side_of_the_governorate_is_not_meant() -> None:
    # the only Hamidiyeh of Aleppo governorate lies south of the city, not in its east
    found = _places("سيطرت القوات على بلدة الحميدية بريف حلب الشرقي بعد معارك عنيفة.")
    assert found["الحميدية"][0] is False
    assert not _near(found["الحميدية"], HAMIDIYEH_SOUTH_OF_ALEPPO, 25)


def test_village_on_the_named_side_stays() -> None:
    found = _places("سيطرت القوات على بلدة الحميدية بريف حلب الجنوبي بعد معارك عنيفة.")
    assert found["الحميدية"][0] is True
    assert _near(found["الحميدية"], HAMIDIYEH_SOUTH_OF_ALEPPO, 1)
    found = _places("سيطرت القوات على بلدة دير حافر بريف حلب الشرقي بعد معارك عنيفة.")
    assert found["دير حافر"][0] is True


# --- "منطقة X": the area named after a town reaches farther than the town ------------------

SHADDADI = (36.034, 40.750)
TAL_SFUK = (36.061, 41.254)  # 45 km east of al-Shaddadi


def test_village_in_a_town_area_keeps_its_namesake_within_the_area() -> None:
    found = _places(
        "داهمت القوات قرى التويمين وتل صفوك والعطشانة في ريف منطقة الشدادي جنوبي الحسكة."
    )
    assert found["تل صفوك"][0] is True
    assert _near(found["تل صفوك"], TAL_SFUK, 1)
    # a village the gazetteer lacks lies between the town and its listed neighbour
    assert _near(
        found["التويمين"], ((SHADDADI[0] + TAL_SFUK[0]) / 2, (SHADDADI[1] + TAL_SFUK[1]) / 2)
    )


def test_village_near_the_town_itself_must_lie_near_it() -> None:
    found = _places("داهمت القوات قرى التويمين وتل صفوك والعطشانة قرب الشدادي جنوبي الحسكة.")
    assert found["تل صفوك"][0] is False
    assert _near(found["تل صفوك"], SHADDADI, 5)
    assert _near(found["التويمين"], SHADDADI, 5)
