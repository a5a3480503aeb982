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


# --- a site's base name in the governorate the text names: the site ----------------------

RESAFA = (35.628, 38.756)  # data/landmarks.csv "Resafa", south of Raqqa


def _resolved_place(text: str, name: str) -> tuple[str, float, float]:
    m = next(p for p in extract(text).places if name in p.text)
    return m.place.source, m.place.lat, m.place.lon


def test_bare_base_name_in_the_named_governorate_is_the_site() -> None:
    src, lat, lon = _resolved_place(
        "قصفت الطائرات ريف الرقة الجنوبي ثم سيطرت القوات على مدينة الرصافة.", "الرصافة"
    )
    assert src == "landmarks" and haversine_km(lat, lon, *RESAFA) < 5
    src, lat, lon = _resolved_place(
        "Government forces advanced in southern Raqqa province and took Rusafa on Monday.",
        "Rusafa",
    )
    assert src == "landmarks" and haversine_km(lat, lon, *RESAFA) < 5


def test_bare_base_name_without_that_governorate_stays_the_village() -> None:
    for text in (
        "سيطرت القوات على مدينة الرصافة بعد معارك.",
        "قصفت الطائرات ريف إدلب الشرقي ثم سيطرت القوات على بلدة الرصافة.",
    ):
        src, lat, lon = _resolved_place(text, "الرصافة")
        assert src == "ocha-cod" and haversine_km(lat, lon, *RESAFA) > 100


def test_base_of_a_site_named_after_a_community_stays_the_town() -> None:
    # "الطبقة" is the base of the Tabqa dam and air base, named after the town: the town
    src, lat, lon = _resolved_place("قصفت الطائرات ريف الرقة الغربي ومدينة الطبقة.", "الطبقة")
    assert src == "ocha-cod"


# --- a town far abroad anchored in a home area is not the village meant -----------------

WESTERN_DEIR_EZZOR = (35.20, 39.96)


def _mention(text: str, name: str):
    return next(p for p in extract(text).places if p.text == name)


def test_far_abroad_town_anchored_at_home_is_placed_at_its_anchor() -> None:
    m = _mention(
        "Clashes broke out in the villages of Kasra and Junaynah in western Deir Ezzor on Friday.",
        "Junaynah",
    )
    assert m.place.country == "SY" and m.resolved is False
    assert haversine_km(m.place.lat, m.place.lon, *WESTERN_DEIR_EZZOR) < 50
    assert any(a.country == "SD" for a in m.alternatives)  # the Sudanese town kept aside


def test_far_abroad_town_without_a_home_anchor_stays() -> None:
    m = _mention(
        "Protesters gathered in Junaynah, the capital of West Darfur, on Friday.", "Junaynah"
    )
    assert m.place.country == "SD"


def test_town_over_the_border_beside_a_home_town_stays() -> None:
    m = _mention("The convoy reached Kilis near Azaz on Friday.", "Kilis")
    assert m.place.country == "TR"


# --- a long list's area: one more far namesake does not hide it ---------------------------


def _listed(text: str, points: dict[str, tuple[float, float]]):
    """Place mentions of ``text``'s names at the given points (the list as the choice left it)."""
    from geozones.geoparse import PlaceMention
    from geozones.place import Place

    out = []
    for name, (lat, lon) in points.items():
        s = text.index(name)
        out.append(
            PlaceMention(name, s, s + len(name), Place(name, lat, lon), "place", s, s + len(name))
        )
    return sorted(out, key=lambda m: m.start)


def test_far_member_of_a_long_list_goes_to_the_list_area() -> None:
    from geozones.geoparse.constructions import far_list_members

    # five villages within 25 km, one more namesake 60 km north, one 120 km west of their
    # centre (95 km from the nearest); an item the gazetteer does not read between them
    text = "سيطرت القوات على كفر ألف، باء، مزرعة السد الكبير، جيم، دال، هاء، واو، زاي."
    points = {
        "كفر ألف": (35.68, 38.70), "باء": (35.63, 38.65), "جيم": (35.56, 38.34),
        "دال": (35.69, 38.47), "هاء": (35.14, 37.46), "واو": (36.22, 38.70),
        "زاي": (35.63, 38.76),
    }  # fmt: skip
    out = {m.text: m for m in far_list_members(text, _listed(text, points), "SY")}
    assert out["هاء"].resolved is False
    assert haversine_km(out["هاء"].place.lat, out["هاء"].place.lon, 35.64, 38.58) < 15
    assert out["واو"].resolved is True  # 60 km off: another village of the area, maybe


def test_list_broken_by_a_clause_is_two_lists() -> None:
    from geozones.geoparse.constructions import far_list_members

    text = "سيطرت القوات على كفر ألف، باء، جيم، دال، واو، ثم تقدمت قواته بعدها نحو هاء."
    points = {
        "كفر ألف": (35.68, 38.70), "باء": (35.63, 38.65), "جيم": (35.56, 38.34),
        "دال": (35.69, 38.47), "هاء": (35.14, 37.46), "واو": (36.22, 38.70),
    }  # fmt: skip
    out = {m.text: m for m in far_list_members(text, _listed(text, points), "SY")}
    assert out["هاء"].resolved is True


# --- "القرى هي A و B": the villages named after the article-bearing plural ----------------


def test_villages_named_after_the_definite_plural_and_hiya() -> None:
    found = _places(
        "سيطرت القوات التركية على قرى قرب عفرين، وقالت المصادر إن القرى هي دوكان وجقلا فوقاني "
        "وكفر روم تحتاني في ناحية جنديرس."
    )
    assert "دوكان" in found and found["دوكان"][0] is False  # unknown to the gazetteer
    assert "جقلا فوقاني" in found  # "فوقاني" (upper) closes the village's name


def test_definite_plural_and_hiya_before_a_predicate_names_no_village() -> None:
    found = _places("وقالت المصادر إن القرى هي الأكثر تضررا من القصف على ناحية جنديرس.")
    assert set(found) == {"ناحية جنديرس"}


# --- a village's name of two words, read as a village and a far second place -------------


def test_two_word_village_after_its_noun_is_one_village() -> None:
    found = _places("وصلت تعزيزات عسكرية إلى قرية عقارب الصافية شرقي سلمية مساء أمس.")
    assert "عقارب الصافية" in found and found["عقارب الصافية"][0] is True
    assert "الصافية" not in found


def test_two_villages_of_a_dual_stay_two() -> None:
    found = _places("وصلت تعزيزات عسكرية إلى قريتي عقارب والصافية شرقي سلمية مساء أمس.")
    assert "عقارب" in found and "والصافية" in found
