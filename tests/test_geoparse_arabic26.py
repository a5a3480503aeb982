"""Arabic words, lists and spellings, round 26: what a reader of Arabic reads that the
extractor cut, lost or misspelt.

Each rule is shown firing on a sentence written for it and staying silent where it must:

* a word ends at its last letter, a final hamza included: "الشهداء" (the martyrs) is one
  word, not the village "الشهدا" and a stray hamza;
* the preposition ك (as, like) glued to a name with the article is cut like و, ب, ل and ف
  ("كالرقة" is "like al-Raqqa"); a common word after it ("كالعادة", as usual) stays a word;
* a name of two words written as one takes a proclitic like any other ("ومعرشمارين");
* a list joined by "و" after a preposition whose members are mostly towns is a list of
  places: its unknown members are villages placed with it, a later list of the same names
  too; countries, verbs and common words make no such list;
* a distance measured from a capital makes it the city's point, as in English ("على بعد
  40 كيلومتراً جنوب غرب حلب" is 40 km from the city, not a part of the governorate);
* a compound or a barracks named after a city's quarter names the quarter ("مجمع
  الحمدانية"), not a village of that name; a compound named by a word is no place;
* a quoted list parted by dots ('قرى “A .. B.. C”') is one list, a name running to the next
  dots; "بريف المدينة" after a list anchors it at the town named last before it, and a
  namesake far from that town is not the village meant;
* the names a clause ties to a town ("A وB التابعتين لبلدة Y", "C التابعة لمدينة Z": the
  dual says two, the singular one) are villages of that town: placed at it when the
  gazetteer lacks them or knows only a far namesake; a building, a body or common words
  before the tie are no village.
"""

from __future__ import annotations

import geozones
from geozones.geoparse.scan._words import _tokens


def _places(text: str) -> list[tuple[str, str, float, float]]:
    return [
        (m.text, m.kind, round(m.place.lat, 2), round(m.place.lon, 2))
        for m in geozones.extract(text).places
    ]


def _texts(text: str) -> list[str]:
    return [m.text for m in geozones.extract(text).places]


def test_a_final_hamza_belongs_to_its_word():
    text = "سقط العشرات من الشهداء، وهي من الأسماء الشائعة"
    spans = [text[t.start : t.end] for t in _tokens(text) if t is not None]
    assert "الشهداء" in spans and "الأسماء" in spans
    assert "الشهدا" not in spans


def test_a_word_with_vowel_marks_keeps_them():
    text = "وصل الوفد إلى دمشقَ أمس"
    spans = [text[t.start : t.end] for t in _tokens(text) if t is not None]
    assert "دمشقَ" in spans


def test_the_martyrs_are_no_village_in_a_story():
    t = (
        "قال مصدر عسكري إن الجيش تمكن من استعادة مناطق واسعة في ريف حلب، "
        "وقدم العشرات من الشهداء بغية تخليص المدنيين من المعاناة."
    )
    assert not any(p.startswith("الشهدا") for p in _texts(t))


def test_like_before_the_article_is_cut_off_the_name():
    t = "نزح آلاف السكان من مدن الشمال كالرقة ومنبج إلى مدن الساحل."
    assert "الرقة" in _texts(t)
    t = "تضم المنطقة بلدات كبيرة كالرستن وتلبيسة."
    found = _texts(t)
    assert "الرستن" in found and "تلبيسة" in found


def test_like_before_a_common_word_stays_a_word():
    assert _texts("عاد الهدوء كالعادة إلى الأسواق في المدينة.") == []
    # ك before a name without the article is not cut: "كحلب" is no preposition here
    assert not any(p == "حلب" for p in _texts("قال كحلب الشاعر قصيدة طويلة."))


def test_a_joined_name_takes_a_proclitic():
    assert "معرشمارين" in _texts("وامتد القصف إلى قرية حيش ومعرشمارين في ريف إدلب.")


def test_unknown_members_of_a_list_of_towns_are_places():
    t = (
        "شنت الطائرات الحربية غارات على سراقب وكفرنبل والكرموشة والدحيلبة وحيش , "
        "وقال ناشطون إن القصف أوقع جرحى. وقتل اثنان في الكرموشة والدحيلبة وحيش , بحسب ناشطين."
    )
    ex = geozones.extract(t)
    unresolved = [(m.text, round(m.place.lat, 2)) for m in ex.places if not m.resolved]
    assert [n for n, _ in unresolved] == ["الكرموشة", "الدحيلبة", "الكرموشة", "الدحيلبة"]
    assert len({lat for _, lat in unresolved}) == 1  # named again: where it was placed
    assert all(35.4 < lat < 35.9 for _, lat in unresolved)  # among the Idlib villages


def test_countries_verbs_and_common_words_make_no_list():
    t = "قال المسؤول إن الدعم يأتي من إيران وروسيا واصلت هجماتها وسيطرت على مناطق."
    assert _texts(t) == ["إيران", "روسيا"]
    assert _texts("وصلت المساعدات إلى حلب وإدلب والمناطق المحيطة بهما.") == ["حلب", "إدلب"]
    t = "وتقدمت القوات نحو حلب وإدلب وحماة خلال الأسبوع الماضي."
    assert _texts(t) == ["حلب", "إدلب", "حماة"]


def test_two_known_names_do_not_make_a_list_of_four():
    # two towns and two unknown words: half known, but the unknown ones are the clause's
    t = "هاجم المسلحون من سراقب وكفرنبل وعادوا مسرعين"
    assert _texts(t) == ["سراقب", "كفرنبل"]


def test_a_distance_from_a_capital_is_measured_from_the_city():
    t = "تقع البلدة على بعد 40 كيلومتراً جنوب غرب حلب وتضم آثاراً قديمة."
    assert [(k, la) for _, k, la, _ in _places(t)] == [("place", 36.2)]
    t = "وتبعد القرية نحو 12 كم إلى الشمال من إدلب."
    assert [(k, la) for _, k, la, _ in _places(t)] == [("place", 35.93)]


def test_a_compass_without_a_distance_stays_the_governorate():
    t = "قصفت الطائرات مواقع جنوب غرب حلب أمس."
    assert [k for _, k, _, _ in _places(t)] == ["region"]


def test_a_compound_named_after_a_quarter_is_the_quarter():
    found = _places("هاجم المقاتلون مجمع الحمدانية السكني فجر اليوم.")
    assert [(n, la) for n, _, la, _ in found] == [("الحمدانية", 36.2)]  # Aleppo's quarter
    found = _places("وتحصن الجنود داخل معسكر الراموسة.")
    assert [n for n, _, _, _ in found] == ["الراموسة"]


def test_a_compound_named_by_a_word_is_no_place():
    assert _texts("افتتح الوزير مجمع الأمل التجاري في المدينة.") == []


def test_a_quoted_list_parted_by_dots_is_anchored_at_the_city():
    t = (
        "سقطت قذائف على مدينة منبج صباح اليوم. وقصفت المدفعية قرى “الكرموشة .. الدحيلبة.. "
        "باب الخير.. قبر شيخ حسين” بريف المدينة."
    )
    ex = geozones.extract(t)
    members = [(m.text, m.resolved, round(m.place.lat, 2), round(m.place.lon, 2))
               for m in ex.places[1:]]  # fmt: skip
    assert [m[0] for m in members] == ["الكرموشة", "الدحيلبة", "باب الخير", "قبر شيخ حسين"]
    assert all(not r and (la, lo) == (36.53, 37.95) for _, r, la, lo in members)  # at Manbij


def test_an_ellipsis_after_a_list_ends_it():
    t = (
        "سقطت قذائف على مدينة منبج. وقصفت المدفعية قرى الكرموشة والدحيلبة.. "
        "وقال المصدر إن الأهالي نزحوا."
    )
    assert _texts(t) == ["منبج", "الكرموشة", "الدحيلبة"]


def test_the_city_with_no_town_before_anchors_nothing():
    t = "وقصفت المدفعية قرى “الكرموشة .. باب الخير” بريف المدينة."
    found = {m.text: m.resolved for m in geozones.extract(t).places}
    assert found.get("باب الخير") is True  # the gazetteer's, no town to say otherwise


def test_names_tied_to_a_town_are_its_villages():
    t = (
        "قال المراسل إن قرى الكرموشة وتل الدحيلبة التابعتين لبلدة سراقب شرقي إدلب، "
        "وكانة كور التابعة لمدينة منبج، باتت تحت السيطرة."
    )
    found = {n: (la, lo) for n, _, la, lo in _places(t)}
    assert found["الكرموشة"] == found["تل الدحيلبة"] == found["سراقب"]
    assert found["كانة كور"] == found["منبج"]


def test_a_far_namesake_of_a_tied_village_is_another_village():
    ex = geozones.extract("وسيطرت الفصائل على جبول التابعة لمدينة منبج.")
    jbul = ex.places[0]
    assert (jbul.text, jbul.resolved) == ("جبول", False)  # not Jbul by al-Bab, 60 km away
    assert (round(jbul.place.lat, 2), round(jbul.place.lon, 2)) == (36.53, 37.95)
    ex = geozones.extract("وسيطرت الفصائل على تفتناز التابعة لمدينة سراقب.")
    assert ex.places[0].resolved  # the gazetteer's Taftanaz lies by Saraqib


def test_bodies_and_buildings_before_a_tie_are_no_villages():
    assert _texts("وتعرضت مدرسة الشهيد خالد التابعة لبلدة سراقب للقصف.") == ["سراقب"]
    assert _texts("وانسحبت القوات التابعة للنظام من مدينة سراقب.") == ["سراقب"]
