"""Round 24, English places: general readings written from heldout22's English misses.

Each rule is tried on a sentence written for the test (not copied from the set) and on one
where it must not fire.
"""

from __future__ import annotations

from geozones.geoparse import extract
from geozones.geoparse.scan._select import _titled_name
from geozones.projection import haversine_km

SHEIKH_MISKINE = (32.832, 36.156)
AFRIN_DISTRICT = (36.574, 36.794)


def _found(text: str) -> dict[str, tuple[str, str, float, float]]:
    """Each place's text → (kind, country, lat, lon)."""
    return {
        p.text: (p.kind, p.place.country, p.place.lat, p.place.lon) for p in extract(text).places
    }


def _entities(text: str) -> dict[str, str]:
    return {e.text: e.kind for e in extract(text).entities}


def _near(found: tuple[str, str, float, float], point: tuple[float, float], km: float = 10) -> bool:
    return haversine_km(found[2], found[3], *point) <= km


# --- a press spelling of a "Sheikh X" town against the title rule -----------------------


def test_titled_loose_town_beats_the_title_person() -> None:
    # "ee" for the long i: Sheikh Miskine, a subdistrict's seat 10 km from Izraa
    got = _found("Army units shelled Sheikh Miskeen on Monday, a day after taking Izraa.")
    assert got["Sheikh Miskeen"][0] == "place"
    assert _near(got["Sheikh Miskeen"], SHEIKH_MISKINE)


def test_titled_loose_name_needs_a_known_town_near_the_story() -> None:
    # a person after a title stays one: no town of that spelling near the story
    t = "Sheikh Ahmed Hassoun met the delegation in Nawa on Monday."
    assert "Sheikh Ahmed Hassoun" not in _found(t)
    assert _titled_name("Sheikh Miskeen") and not _titled_name("Sheikh")
    assert not _titled_name("Tell Abyad")


# --- the serial comma in a list of villages --------------------------------------------


def test_serial_comma_list_member_found_by_sound() -> None:
    # "A, B, and C": C joins the list as "A, B and C" would; Rikhim lies 3 km from Hrak
    got = _found("Jets struck Busra al-Harir, Al-Hirak, and Rakhem overnight.")
    assert "Rakhem" in got and _near(got["Rakhem"], (32.719, 36.346))


def test_list_member_by_sound_lies_beside_the_name_before_it() -> None:
    # a sound-alike 40 km from the list's towns is no member of it
    got = _found("Troops took Kafranbel, Deir Sunbul, and Hassaneh in southern Idlib.")
    assert "Hassaneh" not in got or not _near(got["Hassaneh"], (35.947, 36.280), 5)


# --- a country in apposition after a name ----------------------------------------------


def test_apposed_country_decides_between_namesakes() -> None:
    got = _found("Jets hit PKK positions near Sinjar, northern Iraq, on Tuesday.")
    assert got["Sinjar"][1] == "IQ"
    # abroad, the namesake named by its own name: the province, not its city (also "Hatay")
    got = _found("Rockets fell on a border post in Hatay, southern Turkey.")
    assert got["Hatay"][:2] == ("region", "TR")


def test_no_apposed_country_leaves_the_home_reading() -> None:
    got = _found("Jets hit Sinjar and Maarat al-Numan in southern Idlib.")
    assert got["Sinjar"][1] == "SY"


# --- admin nouns after names: cantons, districts, enclaves -----------------------------


def test_canton_after_a_name_is_its_noun_not_guangzhou() -> None:
    got = _found("Warplanes kept shelling Afrin Canton of northern Syria.")
    assert got["Afrin Canton"][0] == "region"
    assert "Canton" not in got
    # a plural admin noun after a list makes each name the area
    got = _found("They want to join the Afrin and Kobane cantons.")
    assert got["Afrin"][0] == "region"
    assert _near(got["Afrin"], AFRIN_DISTRICT)


def test_canton_alone_is_still_the_city() -> None:
    got = _found("The delegation flew on from Canton to Beijing.")
    assert got["Canton"][1] == "CN"


def test_possessive_before_an_unknown_district_is_the_area() -> None:
    got = _found("Jets struck Baflune in Afrin’s Bilbile District on Friday.")
    assert got["Afrin"][0] == "region"


def test_possessive_before_a_city_quarter_stays_the_city() -> None:
    got = _found("Mortars hit Homs's Waer district on Friday.")
    assert got["Homs"][0] == "place"


def test_enclave_of_a_name_is_the_area() -> None:
    got = _found("Families fled the Kurdish enclave of Afrin in March.")
    assert got["enclave of Afrin"][0] == "region"
    got = _found("Families fled the town of Afrin in March.")
    assert got["Afrin"][0] == "place"


# --- "Turkey-back", the -ed dropped ---------------------------------------------------


def test_country_before_a_dropped_ed_is_still_named() -> None:
    got = _found("Clashes with Turkey-back Free Syrian Army groups went on near Manbij.")
    assert got["Turkey"][1] == "TR"
    assert "Free Syrian Army" in _entities("Clashes with Turkey-back Free Syrian Army groups.")


# --- an operations room named after a place -------------------------------------------


def test_operations_room_is_an_organisation() -> None:
    t = "Rebels of the Hama Liberation operations room shelled Kafr Zita."
    assert "Hama" not in _found(t)
    assert _entities(t)["Hama Liberation operations room"] == "organization"


def test_place_before_a_plain_room_stays_a_place() -> None:
    assert "Hama" in _found("Fighters gathered in a room in Hama on Monday.")


# --- named buildings and crossings are sites of their town -----------------------------


def test_named_cathedral_and_intersection_are_sites() -> None:
    t = (
        "A shell fell on the Mariamite Cathedral in Bab Touma. Another hit al-Batikha "
        "intersection in Damascus."
    )
    got = _found(t)
    assert got["Mariamite Cathedral"][0] == "place"
    assert _near(got["Mariamite Cathedral"], (33.510, 36.291))
    assert "al-Batikha intersection" in got


def test_unnamed_building_is_no_site() -> None:
    got = _found("A shell fell near the old cathedral in Bab Touma.")
    assert not any("cathedral" in k.lower() for k in got)


# --- "as well as" inside a list of villages --------------------------------------------


def test_as_well_as_continues_a_list_of_towns() -> None:
    t = "Shelling hit the towns of Heish and Tah as well as Madiq Castle and Um Sakhreh."
    got = _found(t)
    assert "Um Sakhreh" in got


def test_as_well_as_after_no_list_finds_nothing() -> None:
    got = _found("The army as well as Hezbollah advanced near Madiq Castle.")
    assert "Hezbollah" not in got
