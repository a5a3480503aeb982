"""Round 24, Arabic names, sites and non-places: general readings from heldout22's misses.

Each rule is tried on a sentence written for the test (not copied from the set) where it
fires, and on one where it must not.
"""

from __future__ import annotations

from geozones.geoparse import extract
from geozones.geoparse.arabic._delimited import delimited_arabic_spans, verbal_noun_phrase
from geozones.geoparse.entities import kin_persons


def _places(text: str) -> dict[str, str]:
    """Each place's text → its kind."""
    return {p.text: p.kind for p in extract(text).places}


def _entities(text: str) -> dict[str, str]:
    return {e.text: e.kind for e in extract(text).entities}


# --- a unit named after a place: "فوج X" is the regiment, not X ---------------------------


def test_regiment_named_after_a_region_is_no_place() -> None:
    t = "وقاتل عناصر فوج الجولان إلى جانب الجيش قرب بلدة خان أرنبة."
    assert _entities(t).get("فوج الجولان") == "organization"
    assert "الجولان" not in _places(t)


def test_numbered_regiment_base_stays_a_place() -> None:
    t = "دخلت الدبابات إلى الفوج 46 غرب مدينة حلب أمس."
    assert "الفوج 46" in _places(t)
    assert _places("زار الوفد هضبة الجولان المحتلة.") == {"هضبة الجولان": "region"}


# --- a given name and a family name after a kinship or office noun with a possessive -------


def test_name_after_kinship_noun_is_a_person() -> None:
    t = "قتل رئيس المجلس المحلي ونائبته هند العلي برصاص مجهولين في القرية."
    assert [e.text for e in kin_persons(t)] == ["هند العلي"]
    assert "هند" not in _places(t)  # not India
    t = "وأصيب الرجل وزوجته مريم الخليل بجروح."
    assert [e.text for e in kin_persons(t)] == ["مريم الخليل"]


def test_kinship_noun_before_an_adjective_or_a_preposition_names_no_one() -> None:
    assert kin_persons("وصلت زوجته الثانية إلى المدينة") == []
    assert kin_persons("وبقي ابنه في حمص المحاصرة") == []
    assert kin_persons("وقال المدير إن نائبه العسكري غادر") == []


# --- an adverb of place after a title opens no name ---------------------------------------


def test_inside_after_a_title_is_no_person() -> None:
    t = "وقال أبو محمد، الناشط المقيم داخل سراقب، إن الغارات استمرت."
    assert "داخل سراقب" not in _entities(t)
    assert _places(t).get("سراقب") == "place"
    t = "وقال الناشط أحمد الخطيب إن الغارات استمرت في سراقب."
    assert _entities(t).get("أحمد الخطيب") == "person"


# --- "لل": the preposition and the article, its alef dropped -----------------------------


def test_li_before_the_article_keeps_the_name() -> None:
    t = "وصل الرتل للرستن أمس قادما من حمص."
    assert _places(t).get("رستن") == "place"


def test_li_before_a_common_word_is_the_word() -> None:
    t = "منذ السنة الأولى للثورة خرجت المظاهرات في حماة."
    assert set(_places(t)) == {"حماة"}


# --- a verbal noun and its definite object in a list's marks: an act, no village ----------


def test_verbal_noun_phrase_in_quotes_is_no_village() -> None:
    assert verbal_noun_phrase("تخفيف التصعيد")
    assert verbal_noun_phrase("إطلاق النار") and verbal_noun_phrase("استهداف المدنيين")
    t = 'وتقع البلدة ضمن مناطق "تخفيف التصعيد" التي أعلنت الشهر الماضي قرب حمص.'
    assert delimited_arabic_spans(t) == []
    assert "تخفيف التصعيد" not in _places(t)


def test_village_names_in_quotes_stay_names() -> None:
    assert not verbal_noun_phrase("عين الفيجة") and not verbal_noun_phrase("تل الشيح")
    assert not verbal_noun_phrase("تلبيسة الشرقية") and not verbal_noun_phrase("تخفيف")
    t = "سيطرت القوات على قرى “عين الفيجة وتل الشيح” بريف دمشق."
    assert {t[a:b] for a, b in delimited_arabic_spans(t)} == {"عين الفيجة", "تل الشيح"}


def test_conjunction_before_a_head_word_is_cut_off() -> None:
    # "و" before "تل", "أم" is the conjunction: the name is the head word and what follows
    t = "قصفت الطائرات قرى (الخالدية، وأم شرشوح)"
    assert {t[a:b] for a, b in delimited_arabic_spans(t)} == {"الخالدية", "أم شرشوح"}
    t = "طال القصف قرى (والية، والرفيعة)"  # "والية" (Walia): no name is left without its و
    assert [t[a:b] for a, b in delimited_arabic_spans(t)] == ["والية", "الرفيعة"]


# --- numbered points, streets of "the city", checkpoints and axes named by their cue --------


def test_numbered_point_is_placed_by_the_town_beside_it() -> None:
    t = "وصلت وحدات الجيش إلى الحدود في النقطة (217) شمال مدينة تدمر بعد معارك عنيفة."
    got = {p.text: p for p in extract(t).places}
    assert "النقطة (217)" in got
    assert abs(got["النقطة (217)"].place.lat - got["تدمر"].place.lat) < 0.1


def test_numbered_point_without_a_town_or_number_is_nothing() -> None:
    assert not any("نقطة" in p for p in _places("وصلت القوات إلى النقطة (217) في عمق الصحراء."))
    assert not any("نقطة" in p for p in _places("أقامت القوات نقطة طبية قرب مدينة تدمر."))


def test_street_of_the_city_is_placed_at_the_last_town() -> None:
    t = "انفجرت عبوة في مدينة منبج شرق حلب.\nووقع الانفجار قرب شارع الخضرة في المدينة صباحا."
    got = {p.text: p for p in extract(t).places}
    assert abs(got["شارع الخضرة"].place.lon - got["منبج"].place.lon) < 0.05
    t = "انفجرت عبوة في مدينة منبج شرق حلب.\nووقع الانفجار قرب شارع الخضرة صباحا."
    assert "شارع الخضرة" not in _places(t)  # no town in its paragraph, no "the city"


def test_checkpoint_named_by_a_construct() -> None:
    from geozones.geoparse.constructions import checkpoint_spans

    t = "سيطرت الفصائل على حاجز معمل البيرة وحاجز قوات النظام وحاجز عسكري"
    assert [t[a:b] for a, b in checkpoint_spans(t)] == ["معمل البيرة"]


def test_axes_list_in_brackets_with_dashes() -> None:
    t = "هاجمت الفصائل البلدة من ثلاثة محاور (كودنة - الرفيد - العشة) صباحا."
    assert {t[a:b] for a, b in delimited_arabic_spans(t)} == {"كودنة", "الرفيد", "العشة"}
    assert delimited_arabic_spans("تقدمت القوات على محاور القتال - وفق مصادر") == []


# --- a dateline whose outlet comes before the dash ------------------------------------------


def test_outlet_first_dateline_keeps_the_place() -> None:
    t = "شام ميديا – حماة\nقال مراسل شام ميديا إن الطائرات قصفت الريف الشمالي."
    assert _places(t).get("حماة") == "place"
    t = "حماة – شام ميديا\nقصفت الطائرات الريف الشمالي."
    assert _entities(t).get("شام ميديا") == "news"


# --- a hashtag before a road's end leaves it the city ---------------------------------------


def test_hashtag_road_end_is_the_city() -> None:
    assert _places("هاجم مسلحون حاجزا على طريق #حماة – #حمص ليلا") == {
        "حماة": "place",
        "حمص": "place",
    }


def test_hashtag_without_a_road_keeps_the_governorate() -> None:
    # since round 27 the hashtag keeps the area noun's cue: the mention runs from "ريف"
    assert _places("قصفت الطائرات ريف #حماة الشمالي ليلا") == {"ريف #حماة الشمالي": "region"}


def test_li_article_inside_a_known_longer_name() -> None:
    # "للفرات" stays whole where the words before it open a known name
    got = {p.text: p.place.name for p in extract("تمركزت القوات في الضفة الشرقية للفرات.").places}
    assert "East of the Euphrates" in got.values()
