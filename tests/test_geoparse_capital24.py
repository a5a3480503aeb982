"""Round 24 of issue 16, the capital reading: "X and its countryside" names the country
around X apart from X (no area cue on X), and a city noun after the capital's other name
in brackets ("Deir Ezzor (دير الزور) city") is the city cue of both names (the set's
capital guideline, rule 2); each tested on sentences made for it and where it must not
fire."""

from __future__ import annotations

import geozones


def _places(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.place.name) for m in geozones.extract(text).places]


def test_a_capital_and_its_countryside_is_no_area_cue_on_the_capital():
    got = _places("Mortar shells fell on Damascus and its countryside, injuring eight civilians.")
    assert got == [("Damascus", "place", "Damascus")]
    # joined with another governorate's countryside it stays listed among areas (rule 3)
    got = _places("Fighting spread across Damascus and the southern countryside of Homs.")
    assert got[0] == ("Damascus", "region", "Damascus")
    assert _places("Clashes broke out in Idlib and Hama provinces.")[0][1] == "region"


def test_a_city_noun_after_the_other_name_in_brackets_is_the_city():
    got = _places("Protests erupted south of Hama (حماة) city on Friday.")
    assert [k for _, k, _ in got] == ["place", "place"]
    # without the city noun the compass makes both the area (rule 1)
    got = _places("Protests erupted south of Hama (حماة) on Friday.")
    assert [k for _, k, _ in got] == ["region", "region"]


def test_a_capital_as_a_hashtag_keeps_the_cue_before_it():
    # "طريق #X": a road that leads to it, the city (rule 2), the "#" no word between
    got = _places("هجوم على حاجز على طريق #حماة – محردة.")
    assert got[0] == ("حماة", "place", "Hama")
    # a hashtag alone decides nothing: the name's own reading ("#حماة وريفها")
    assert _places("قصف على #حماة وريفها.")[0][1] == "region"


def test_one_building_in_a_capital_is_in_the_city():
    assert _places("وقال مشفى (الرحمة) الخاص في حماة إن الجريح توفي.") == [
        ("حماة", "place", "Hama")
    ]
    assert _places("A doctor at a private hospital in Hama said the man died.") == [
        ("Hama", "place", "Hama")
    ]
    # an office in it decides nothing, and hospitals in it are spread over the area
    assert _places("Officials of the health directorate in Hama said the man died.")[0][1] == (
        "region"
    )
    assert _places("Hospitals in Hama were struck.")[0][1] == "region"
