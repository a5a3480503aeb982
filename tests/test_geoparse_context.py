"""Places the gazetteer does not hold, known by their construction; namesakes chosen near
the other towns of the sentence."""

from __future__ import annotations

import json

import geozones
from geozones.projection import haversine_km

SARAQIB = (35.866, 36.803)


def _by_text(ex):
    return {m.text: m for m in ex.places}


def test_the_villages_of_a_list_are_places_even_unknown_to_the_gazetteer():
    ex = geozones.extract(
        "The army took Saraqib and then the villages of Kaddour, Ruwehah and Tal Zorzor."
    )
    got = _by_text(ex)
    assert got["Saraqib"].resolved
    for name in ("Kaddour", "Ruwehah", "Tal Zorzor"):
        m = got[name]
        assert m.resolved is False
        assert m.place.precision == "context" and m.place.source == "context"
        assert m.place.score < 0.5
        assert haversine_km(m.place.lat, m.place.lon, *SARAQIB) < 5  # placed at its neighbours


def test_the_town_of_and_x_areas_constructions():
    ex = geozones.extract(
        "Clashes went on near Saraqib. Fighters fled towards Kaddour and Bzabour areas, "
        "and a tunnel was found inside the town of Ruwehah."
    )
    got = _by_text(ex)
    assert {"Kaddour", "Ruwehah"} <= set(got)
    assert not got["Kaddour"].resolved and not got["Ruwehah"].resolved


def test_arabic_lists_after_qura_and_baldat_end_where_the_list_ends():
    text = "حررت وحدات الجيش قريتي أرينبة وسطوح الدير بريف إدلب الجنوبي قرب كفرنبل."
    got = _by_text(geozones.extract(text))
    assert "أرينبة" in got and "سطوح الدير" in got
    assert got["سطوح الدير"].resolved is False
    # a verbal noun after the list is no village: "… وتدمير عتاد"
    text2 = "انتهت بتحرير قرى كفرنبل وكفرزيتون وتدمير عتاد وآليات"
    assert not any("تدمير" in m.text for m in geozones.extract(text2).places)


def test_no_position_from_nowhere_and_no_people_as_villages():
    # nothing resolved in the text: the unknown name is not placed anywhere
    assert geozones.extract("They reached the village of Zorzorabad.").places == []
    # a demonym before "town" names no place
    ex = geozones.extract("Shelling hit Saraqib and houses in the Kurdish town.")
    assert [m.text for m in ex.places] == ["Saraqib"]


def test_unknown_places_are_flagged_in_json():
    ex = geozones.extract("The army took Saraqib and the villages of Kaddour and Ruwehah.")
    d = json.loads(json.dumps(ex.to_dict()))
    flags = {p["text"]: p["resolved"] for p in d["places"]}
    assert flags == {"Saraqib": True, "Kaddour": False, "Ruwehah": False}
    kaddour = next(p for p in d["places"] if p["text"] == "Kaddour")
    assert kaddour["place"]["precision"] == "context"


def test_the_town_nearest_in_the_text_places_an_unknown_village_when_towns_scatter():
    ex = geozones.extract(
        "Shells landed near Qamishli and the village of Katouf, 15 km southeast of Ras al-Ayn."
    )
    m = _by_text(ex)["Katouf"]
    assert not m.resolved
    assert haversine_km(m.place.lat, m.place.lon, 36.852, 40.069) < 5
