"""Round 20 of issue 16, English and not language-specific: rules learnt from heldout19's
English misses (passages 436-459), each tested on the real sentence that showed it and on
a sentence where it must not fire."""

from __future__ import annotations

import geozones
from geozones.geoparse.scan._loose_ch import loose_key
from geozones.projection import haversine_km


def _found(text: str, **kw) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.place.name) for m in geozones.extract(text, **kw).places]


def _km(m, lat: float, lon: float) -> float:
    return float(haversine_km(m.place.lat, m.place.lon, lat, lon))


# ------------------------------------------------------ a quarter's cue: "suburb", one sense

MEZZE = (
    "Police sources say there were no casualties after the bomb went off in a busy area of "
    "the affluent Mezze suburb.\n\nInitial reports said loud explosions had been heard in Mezze "
    "and plumes of smoke were seen rising.\n\nA number of senior officials live in Mezze."
)


def test_a_suburb_is_a_quarters_cue_and_its_name_keeps_that_sense():
    # Evening Standard (445): "Mezze" is also a dish, so alone it is no place; "the affluent
    # Mezze suburb" says the quarter of Damascus, and the text's later "in Mezze" is it too
    found = _found(MEZZE)
    assert [t for t, _, _ in found] == ["Mezze", "Mezze", "Mezze"]
    assert {n for _, _, n in found} == {"Mezzeh"}
    assert _found("the affluent suburb of Mezzeh.")[0][2] == "Mezzeh"


def test_a_quarter_named_as_a_common_word_with_no_cue_stays_no_place():
    assert _found("Initial reports said loud explosions had been heard in Mezze.") == []
    assert _found("They ate Mezze in a restaurant, then talked of the suburbs.") == []


# ------------------------------------------------------------ "the cities of A, B and C"

HAMA = (
    "In retaliation, the armed groups launched airstrikes on regime positions in the cities "
    "of al-Seqelbiya, Salhab, Mahardah, and Safsafiya in Hama western countryside."
)


def test_a_list_after_the_cities_of_is_a_list_of_places():
    # STJ (441): Salhab and Safsafiya are spellings the gazetteer lacks; "the cities of"
    # says they are places, placed with their list's towns (Suqaylabiyah, Muhradah)
    ex = geozones.extract(HAMA)
    got = {m.text: m for m in ex.places}
    assert {"Salhab", "Safsafiya"} <= set(got)
    assert not got["Salhab"].resolved and _km(got["Salhab"], 35.259, 36.382) < 25
    assert _km(got["Safsafiya"], 35.265, 36.476) < 25


def test_the_cities_of_adds_nothing_without_towns_to_place_it_or_for_known_towns():
    assert _found("Experts compared the cities of Atlantis and Lemuria.") == []
    found = _found("Shelling hit the cities of Saraqib and Ariha.")
    assert [(t, k) for t, k, _ in found] == [("Saraqib", "place"), ("Ariha", "place")]
    assert all(m.resolved for m in geozones.extract("the cities of Saraqib and Ariha").places)


# ------------------------------------------------ an unknown village written again

SHUHAYL = (
    "The raid targeted river crossings in Al-Shuhayl and Theban towns in the eastern "
    "countryside of Deir Ezzor, where ferries were sabotaged.\nSources reported that "
    "smuggling continued to areas under control of Syrian government in Deir Ezzor, via river "
    "crossings between the SDF-held town of Al-Shuhayl and the government-held town of "
    "Baqrus.\nFarmers found a body south of Al-Karama town in the eastern countryside of "
    "Al-Raqqah. The body was taken later to Al-Tabaqah hospital."
)


def test_an_unknown_village_written_again_stays_where_it_was_placed():
    # IKHRW (447): the second "Al-Shuhayl" and its neighbour Baqrus were placed at al-Karama
    # (Raqqa), the towns of a later sentence; they stay on the Euphrates in Deir Ezzor
    ms = [m for m in geozones.extract(SHUHAYL).places if m.text in ("Al-Shuhayl", "Baqrus")]
    assert [m.text for m in ms] == ["Al-Shuhayl", "Al-Shuhayl", "Baqrus"]
    assert (ms[0].place.lat, ms[0].place.lon) == (ms[1].place.lat, ms[1].place.lon)
    assert _km(ms[1], 35.080, 40.468) < 25 and _km(ms[2], 35.054, 40.446) < 25


def test_an_unknown_village_named_once_is_placed_by_its_own_sentence():
    text = "Farmers found a body near Al-Karama and the villages of Kaddourat and Ruwehah."
    ms = {m.text: m for m in geozones.extract(text).places}
    assert _km(ms["Kaddourat"], 35.869, 39.277) < 1  # with its sentence's only town


# -------------------------------------------------------------- the French "ch" for "sh"


def test_the_french_ch_spelling_finds_the_place():
    # CTV Egypt (437, AFP translated from French): "al-Mechleb" is Raqqa's al-Mashlab quarter
    text = (
        "Hundreds of inhabitants of al-Mechleb, a neighborhood in the east of the city, returned."
    )
    assert _found(text) == [("al-Mechleb", "place", "Mashlab")]
    assert loose_key("cheikh maqsoud") == loose_key("sheikh maqsud")


def test_the_ch_reading_finds_no_place_in_english_words():
    assert _found("The Chief of Staff and the Church leaders met the Chairman.") == []


# ------------------------------------------- a capital told with its own quarters is the city

RAQQA = (
    "Hundreds of Raqqa residents have returned home in recent days.\n\nIS lost Raqqa on "
    "October 17th after long months of fighting.\n\nIn a statement, the SDF claimed that "
    "inhabitants of al-Meshleb, a neighborhood in the east of the city, had returned home."
)


def test_a_capital_named_with_its_own_quarter_only_is_the_city():
    # CTV Egypt (437): the quarter al-Mashlab does not make the story one of the province
    kinds = [(t, k) for t, k, _ in _found(RAQQA)]
    assert kinds == [("Raqqa", "place"), ("Raqqa", "place"), ("al-Meshleb", "place")]


def test_a_capital_named_with_another_town_of_its_province_keeps_the_province_reading():
    # round 21: Raqqa alone is the city by default (_capital_reading.CITY_BY_DEFAULT); Idlib,
    # whose default is the governorate, keeps what this test checks
    text = RAQQA.replace("al-Meshleb, a neighborhood in the east of the city", "Saraqib")
    text = text.replace("Raqqa", "Idlib")
    kinds = [(t, k) for t, k, _ in _found(text) if t == "Idlib"]
    assert kinds == [("Idlib", "region"), ("Idlib", "region")]


# ------------------------------------------------- "the Government of Syria": the country


def test_the_government_of_a_country_names_the_country():
    # MSF (456): "the Government of Syria" is a noun mention of the country (c), as "Syria's
    # government" is; "Government" made it an organisation's name
    text = "Intense military offensives by the Government of Syria and its allies in the south."
    assert _found(text) == [("Syria", "country", "Syria")]


def test_a_government_named_by_anything_but_a_country_stays_an_organisation():
    ex = geozones.extract(
        "The Government of National Accord and the Syrian Interim Government said."
    )
    assert ex.places == []
    assert [e.text for e in ex.entities if e.kind == "organization"] == [
        "Government of National Accord", "Syrian Interim Government"
    ]  # fmt: skip


# ------------------------------------------ a generic head word opens a longer unknown name

TASS = (
    "Axar.az reports citing Tass that the Syrian army has also seized the Wadi al-Anaz area "
    "east of the town of Morek and continues operation to retake the town of Khan Shaykhun."
)


def test_a_generic_head_word_before_a_name_is_no_hamlet_of_its_own():
    # Axar/TASS (455): "Wadi" matched a hamlet near Aleppo; "Wadi al-Anaz" is one name the
    # gazetteer lacks, placed by "east of the town of Morek"
    ms = {m.text: m for m in geozones.extract(TASS).places}
    assert "Wadi" not in ms and "Wadi al-Anaz" in ms
    assert not ms["Wadi al-Anaz"].resolved and _km(ms["Wadi al-Anaz"], 35.413, 36.720) < 25


def test_a_generic_head_word_cuts_the_rest_of_its_name_too():
    # "Tal Maleh" (155, 230): with "Tal" dropped, "Maleh" is no village of its own either
    found = _found(
        "Die Armee habe die Dörfer Jibin und Tal Maleh im Norden der Provinz Hama erobert."
    )
    assert "Maleh" not in [t for t, _, _ in found]


def test_a_generic_head_word_alone_or_in_a_known_name_stays():
    found = _found("Clashes broke out in Wadi Barada and Tal Rifaat.")
    assert [t for t, _, _ in found] == ["Wadi Barada", "Tal Rifaat"]


# ---------------------------------------------- "X province" when X names no province


def test_a_province_word_on_a_subdistricts_name_is_the_town():
    # Axar/TASS (455) headline: no governorate or district is named Kafr Zita
    found = _found("Syrian army retakes Kafr Zita province in Hama")
    assert found[0] == ("Kafr Zita", "place", "Kafr Zeita")


def test_a_province_word_on_a_governorates_name_stays_the_region():
    found = _found("Syrian army advances in Idlib province and Hama province")
    assert [(t, k) for t, k, _ in found] == [
        ("Idlib province", "region"),
        ("Hama province", "region"),
    ]


# ------------------------------------------------------ a dateline in capitals before a dash


def test_a_capitals_dateline_closed_by_a_dash_is_a_place():
    # MESOP/BasNews (449): the byline runs into the dateline "ERBIL —"
    text = "Sardar Sattar – BasNews – 20. Aug 2016 – ERBIL — The Syrian army has claimed"
    assert [(t, n) for t, _, n in _found(text)] == [("ERBIL", "Erbil")]


def test_an_acronym_before_a_dash_stays_an_acronym():
    assert _found("The new HAMA — a list of aid groups — said nothing.") == []


# ---------------------------------------- a capital's facility; "X, Syria" as a mere address


def test_a_capitals_port_or_airport_after_its_name_is_the_city():
    # InsideOver (458): "the new deal over Tartous sea port": the city's port, p
    text = "Officials met before the new deal over Tartous sea port was first leaked."
    assert _found(text) == [("Tartous", "place", "Tartous")]
    assert _found("Shells fell on Hama military airport.")[0][1] == "place"


def test_a_capital_with_an_area_word_after_it_stays_the_province():
    assert _found("Officials met in Tartous province.")[0][1] == "region"
    assert _found("Planes bombed the Idlib countryside.")[0][1] == "region"


LATTAKIA = (
    "Two Drones Over A Military Base In Lattakia, Syria Destroyed\n\nThe ministry announced "
    "a new attack on its air base in Hameimim in Lattakia province had been foiled."
)


def test_a_capital_followed_by_the_country_is_an_address_the_text_decides():
    # Saudi Arabia News Express (440): "In Lattakia, Syria" (headline) is the province the
    # article names ("in Lattakia province"), not a city cue
    found = _found(LATTAKIA)
    assert [(t, k) for t, k, _ in found if t.startswith("Lattakia")] == [
        ("Lattakia", "region"), ("Lattakia province", "region")
    ]  # fmt: skip


def test_a_capital_called_syrias_city_in_apposition_is_the_city():
    text = "Assad's forces took complete control of Homs, Syria's third largest city."
    assert _found(text)[0] == ("Homs", "place", "Homs")
    assert _found("HAMA, Syria (AP) — Shelling went on.")[0][:2] == ("HAMA", "place")


# ------------------------------------------------------ "back to Sunbul hill": a hill named

HAJIN = (
    "Near the town of Hajin, IS was able to push the SDF back to Sunbul hill and regained "
    "several areas in the countryside of Hajin."
)


def test_a_name_before_hill_or_mountains_is_a_place():
    # Syrian Civil War Map (454), IKHRW (447, "the road to Al-Manakher mountains")
    ms = {m.text: m for m in geozones.extract(HAJIN).places}
    assert "Sunbul" in ms and not ms["Sunbul"].resolved
    assert _km(ms["Sunbul"], 34.693, 40.826) < 25


def test_a_hill_after_a_lower_case_word_or_a_demonym_is_no_place():
    assert "Kurdish" not in [t for t, _, _ in _found("Fighters fled to Kurdish hills near Hajin.")]
    assert [t for t, _, _ in _found("They went up to the hills near Hajin.")] == ["Hajin"]


# ------------------------------------- a quarter is not named with a city written as an area

STJ = (
    "The regime forces launched fierce attacks against the cities of Kafr Zita, al-Lataminah, "
    "al-Arbaeen, al-Sayyad, Latmeen, and Qalaat al-Madiq Castle, in Hama northern and western "
    "countryside."
)


def test_a_city_named_as_countryside_does_not_bring_its_quarters():
    # STJ (441): "al-Arbaeen" is the village Arbaine near Kafr Zita, not Hama city's quarter
    # al-Arbaeen: "Hama northern and western countryside" names the province, not the city
    ms = {m.text: m for m in geozones.extract(STJ).places}
    assert _km(ms["al-Arbaeen"], 35.351, 36.557) < 10


def test_a_quarter_with_its_city_named_as_the_city_stays():
    found = _found("Shells hit the al-Arbaeen neighbourhood of Hama city.")
    assert found[0][2] == "Arbaeen"


# --------------------------------------------------- a place before a person's full name


def test_a_place_before_a_given_name_and_surname_stands_alone():
    # Saudi Arabia News Express (440): "the head of the Russian Coordination Center in
    # Hameimim Alexei Zigankov said": no comma, the person's name is no part of the place's
    text = "the head of the Russian Coordination Center in Hameimim Alexei Zigankov said."
    assert [(t, n) for t, _, n in _found(text)] == [("Hameimim", "Hmeimim Air Base")]


def test_a_place_before_an_unknown_capitalised_word_is_still_a_longer_name():
    assert _found("Clashes erupted in Hmeimim Zigankov yesterday.") == []


# ---------------------------------------------- "gh" / "g" and a village split in two


def test_gh_and_g_and_an_upper_village_meet_on_the_loose_key():
    # Anadolu/AzVision (459) "Baghouz": the gazetteer held OCHA's "Upper Baguz" only (round
    # 26 added the press spelling "Baghouz" as an alias; "Baghooz" still meets it loosely)
    text = "The SDF took Baghooz near Albukamal, close to the Iraqi border."
    assert ("Baghooz", "place", "Upper Baguz") in _found(text)


def test_an_unqualified_key_is_kept_only_near_the_text():
    # far from every other place of the text, a loose match stays a guess and is dropped
    text = "The SDF took Baghooz. Then talks went on in Damascus and in Latakia."
    assert "Baghooz" not in [t for t, _, _ in _found(text)]


# ------------------------------------------ "the villages neighboring Al Qamishli and X"


def test_villages_neighbouring_a_capital_make_it_the_city():
    # Syrializm (446): "the villages neighboring Al Qamishli and Al Hasakah": two cities
    text = (
        "The people of the villages neighboring Al Qamishli and Al Hasakah have fought "
        "American convoys in Al Hasakah governorate."
    )
    kinds = [(t, k) for t, k, _ in _found(text)]
    assert ("Al Hasakah", "place") in kinds and ("Al Hasakah governorate", "region") in kinds


def test_a_capital_named_alone_with_an_area_word_stays_the_province():
    kinds = [(t, k) for t, k, _ in _found("Convoys crossed Al Hasakah province.")]
    assert kinds == [("Al Hasakah province", "region")]


# ------------------------------------------------ "the Syrian city of Darra": the city


def test_a_loose_spelling_after_the_city_of_is_the_city():
    # UN News (448): "Darra" meets Dar'a (the city) and Dara (a farm): "city" picks the city
    text = "Deploring the attack on a primary school in the Syrian city of Darra, UNICEF said."
    assert [(t, n) for t, _, n in _found(text)] == [("Darra", "Dar'a")]


def test_a_loose_spelling_without_a_city_cue_stays_a_guess():
    assert _found("Deploring the attack on a primary school in Darra, UNICEF said.") == []


# ------------------------------------------------- a nickname reused for another front

TRIANGLE = (
    'On Wednesday, Syrian troops surrounded the so-called "Triangle of Death," an area that '
    "lies between the towns of Ltamenah, Kafr Zita and Morek in the north of Hama province."
)


def test_a_nickname_far_from_its_sentences_towns_is_placed_with_them():
    # Axar/TASS (455): the gazetteer's "Death Triangle" is Daraa's (2015), 250 km away
    m = next(m for m in geozones.extract(TRIANGLE).places if m.text == "Triangle of Death")
    assert m.kind == "region" and not m.resolved
    assert _km(m, 35.345, 36.599) < 25
    assert m.alternatives[0].name == "Death Triangle"


def test_a_named_region_not_written_as_a_nickname_stays_where_it_is():
    text = TRIANGLE.replace('the so-called "Triangle of Death,"', "the Triangle of Death,")
    m = next(m for m in geozones.extract(text).places if m.text == "Triangle of Death")
    assert m.resolved and _km(m, 33.09, 36.11) < 5
