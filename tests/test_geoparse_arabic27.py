"""Arabic names, round 27: what a reader of Arabic reads that the extractor cut or took
for a place.

Each rule is shown firing on a sentence written for it and staying silent where it must:

* "لل" (the preposition ل and the article, its alef dropped) before a name the gazetteer
  stores with the article is that name even when the name is also a common word, if the
  name is a governorate's or its capital's ("المتحف الوطني للرقة،" is the museum of
  al-Raqqa); a smaller town's name that is a common word stays the word ("للثورة
  السورية", of the Syrian revolution: not al-Thawrah);
* an indefinite word in -ية after "غير" (non-) is the adjective it negates ("عمال من
  جنسيات سورية وغير سورية": not Syria); the country after "في" stays;
* a byline "Posted by X 24" (an embedded post) names the outlet X 24, not the town X;
* an outlet's name in Urdu or Persian script closed by "نیوز" (news) is the outlet's, its
  country word no place ("پاکستان ٹوڈے نیوز"); the same country in Arabic script stays a place;
* a minister's full name after his title and a definite sector ("وزير الزراعة محمد …") is a
  person, its surname too; an indefinite sector keeps its province ("مدير صحة اللاذقية");
* one name set off after a plural noun of areas ("إحدى مناطق “خفض التوتر”") made of two
  common words is the areas' kind, no place; a quoted list of names after it stays;
* the quoted names after "غرفة عمليات" / "غرفتي عمليات" (operations rooms) are commands;
* a group's name whose head stands inside the opening quotation mark ("“جيش … حوران”") runs
  to the closing mark, its region word included;
* after "قرية" / "بلدة", a name of two words without the article whose first word alone
  the gazetteer reads as a village far from the place the clause names next ("… في جبل
  X") is one village the gazetteer lacks, placed at that place; a near reading stays;
* a river that locates a place ("على نهر الفرات", "جنوب نهر الفرات") is a region placed at
  its point nearest the places of its sentence; the river crossed ("عبور نهر الفرات") or
  the bare name ("جامعة الفرات") is none;
* a definite region word and "in Syria" ("الساحل بسوريا", "البادية في سوريا") is the region
  the table holds with the adjective ("الساحل السوري"); the word of another country stays.
"""

from __future__ import annotations

import geozones


def _places(text: str) -> list[tuple[str, str, float, float]]:
    return [
        (m.text, m.kind, round(m.place.lat, 2), round(m.place.lon, 2))
        for m in geozones.extract(text).places
    ]


def _texts(text: str) -> list[str]:
    return [m.text for m in geozones.extract(text).places]


def test_li_article_before_a_name_that_is_also_a_word() -> None:
    text = "زار الوفد المتحف الوطني للرقة، وقال مديره إن القطع الأثرية نُقلت."
    assert "رقة" in _texts(text)


def test_li_article_before_a_common_word_with_its_attribute() -> None:
    text = "أحيا الناشطون الذكرى العاشرة للثورة السورية في الساحات."
    assert "ثورة" not in _texts(text)


def test_adjective_negated_by_ghayr() -> None:
    text = "وظّفت الشركة عمالاً من جنسيات سورية وغير سورية في مصانعها بحلب."
    assert "سورية" not in _texts(text)
    assert "سورية" in _texts("عاد اللاجئون إلى سورية بعد سنوات.")


def test_posted_by_numbered_outlet() -> None:
    text = "وخرج المحتجون إلى الساحة.\nPosted by درعا 24 on Friday, May 1, 2020\nوكان"
    assert "درعا" not in _texts(text)
    assert "درعا" in _texts("وخرج المحتجون في مدينة درعا 24 ساعة متواصلة.")


def test_urdu_script_outlet_name() -> None:
    text = "(پاکستان ٹوڈے نیوز / وكالات) وصلت طائرة مساعدات إلى باكستان أمس."
    found = _texts(text)
    assert "پاکستان" not in found
    assert "باكستان" in found


def test_minister_full_name_after_definite_sector() -> None:
    text = "وقال وزير الزراعة أحمد خالد قطنا صباح الأحد إن المحصول تضرر."
    assert "قطنا" not in _texts(text)
    assert "اللاذقية" in _texts("وقال مدير صحة اللاذقية هوازن مخلوف إن المشفى امتلأ.")


def test_kind_of_areas_in_quotation_marks() -> None:
    text = "وتقع المدينة قرب حمص، ضمن إحدى مناطق “خفض التوتر” التي أقرتها المحادثات."
    assert "خفض التوتر" not in _texts(text)
    listed = "قصفت الطائرات قرى “الجدلة وصفصافة” قرب مدينة دير الزور."
    assert {"الجدلة", "صفصافة"} <= set(_texts(listed))


def test_quoted_names_of_operations_rooms() -> None:
    text = "وأعلنت غرفتي عمليات “مثلث الموت” و“فتح حلب” بدء الهجوم على مواقع قرب درعا."
    found = _texts(text)
    assert "مثلث الموت" not in found and "حلب" not in found
    assert "درعا" in found


def test_quoted_group_name_runs_to_its_closing_mark() -> None:
    text = "وشارك في المعركة “جيش سيوف حوران” إلى جانب فصائل أخرى قرب درعا."
    found = _texts(text)
    assert "حوران" not in found
    assert "حوران" in _texts("وشنت الطائرات غارات على مناطق في حوران أمس.")


def test_two_word_village_whose_first_word_is_a_far_namesake() -> None:
    text = "وسقطت قذائف على أطراف قرية ميدان غزال في جبل شحشبو مساء أمس."
    got = _places(text)
    assert got[0][:2] == ("ميدان غزال", "place")
    assert abs(got[0][2] - 35.55) < 0.2 and abs(got[0][3] - 36.45) < 0.2


def test_near_reading_of_the_first_word_stays() -> None:
    text = "واستهدفت الغارات قرية حيش مجددا في ريف إدلب الجنوبي."
    assert "حيش" in _texts(text)


def test_river_that_locates_a_place_is_a_region_near_its_sentence() -> None:
    east = _places("تقع بلدة البوكمال على نهر الفرات عند الحدود العراقية.")
    west = _places("وتقع جرابلس على نهر الفرات قرب الحدود التركية.")
    e = next(p for p in east if p[0] == "نهر الفرات")
    w = next(p for p in west if p[0] == "نهر الفرات")
    assert e[1] == w[1] == "region"
    assert e[3] > 40.5 and w[3] < 38.5  # the stretch by Abu Kamal, the stretch by Jarablus


def test_river_crossed_or_named_bare_is_no_region() -> None:
    assert "نهر الفرات" not in _texts("خطط المقاتلون لعبور نهر الفرات قرب دير الزور.")
    assert not any("الفرات" in t for t in _texts("تخرج الطلاب من جامعة الفرات في دير الزور."))


def test_region_word_and_in_syria() -> None:
    got = _places("وامتدت النيران إلى غابات الساحل بسوريا خلال الليل.")
    assert ("الساحل", "region") == got[0][:2]
    assert "البادية" in _texts("وتنتشر خلايا التنظيم في البادية في سوريا منذ سنوات.")
    assert "الساحل" not in _texts("وامتدت النيران إلى غابات الساحل في لبنان خلال الليل.")
