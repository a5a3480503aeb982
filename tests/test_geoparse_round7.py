"""Round 7 of issue 16: rules drawn from heldout6's misses (passages 92-99, examined after
heldout7 was being written). Each test reads a real sentence of those passages."""

from __future__ import annotations

import warnings

import pytest

import geozones
from geozones.gazetteer._loose import loose_key, loose_word
from geozones.geoparse.constructions._unknown import construction_spans

# Sabah, 2020 (passage 99): Turkish press spellings of Idlib villages
SABAH = (
    "İdlib'e bağlı Kefer Mus'da 2, Merc ez Zuhur'da 1 ve Ras el Ayn köyünde 1 toplam 4 sivil "
    "yaşamını yitirdi. Çok sayıda sivil, Hatay'ın Reyhanlı ilçesinin karşısındaki Atme, "
    "Deyr Hassan ve Kefer Lusin kamplarına sığınıyor."
)


def _places(text: str, **kw) -> dict[str, object]:
    return {m.text: m.place for m in geozones.extract(text, **kw).places}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("atme", "atma"),
        ("atmeh", "atma"),
        ("sarmaniyeh", "sarmaniya"),
        ("sarmaneyyeh", "sarmaniyya"),
        ("kefer lusin", "kafr lusin"),
        ("kfar nabl", "kafr nabl"),
        ("merc ez zuhur", "marj elzohur"),
        ("ras el ayn", "ras el ein"),
        ("deyr hassan", "deir hasan"),
        ("tell abyad", "tal abyad"),
    ],
)
def test_the_loose_key_writes_open_transliteration_choices_one_way(a, b):
    assert loose_key(a) == loose_key(b) != ""


def test_the_loose_key_keeps_names_apart_that_differ_in_their_consonants():
    assert loose_key("saraqib") != loose_key("sarmin")
    assert loose_key("kafr nabl") != loose_key("kafr nabuda")
    assert loose_key("tel") == ""  # too short to match loosely
    assert loose_word("al") == "" and loose_word("كفر") == "كفر"


def test_the_gazetteer_matches_a_press_spelling_on_the_loose_key_below_exact():
    gz = geozones.Gazetteer.default()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        atme = gz.geocode("Atme")
        merc = gz.geocode("Merc ez Zuhur")
    assert atme.matched == "Atma" and 0.95 < atme.score < 1.0
    assert merc.matched == "Marj Elzohur" and merc.admin[1] == "Idleb"
    assert gz.geocode("Atma").score == 1.0  # the exact key still comes first


def test_press_spellings_of_villages_are_found_by_the_loose_key():
    got = _places(SABAH)
    assert got["Atme"].name == "Atma" and abs(got["Atme"].lat - 36.31) < 0.05
    assert got["Atme"].score < got["Reyhanlı"].score  # a loose match is a little less sure
    assert got["Merc ez Zuhur"].name == "Marj Elzohur"
    assert got["Kefer Mus"].name == "Kafr Musa"


def test_a_loose_match_far_from_the_text_is_no_place_and_a_head_word_alone_none():
    # AP, May 2019 (passage 09): 'Sheikh Idriss' is loosely 'Sheikh Idris', 40 km away
    # from the villages the text names; Haberler (83): 'Kefer' of 'Kefer Avid' alone
    text = (
        "Syrian government forces captured the villages of Jabrieh, Sheikh Idriss and Jub "
        "Suleiman, days after taking the town of Kfar Nabudah."
    )
    got = _places(text)
    assert "Sheikh Idriss" not in got or got["Sheikh Idriss"].name != "Sheikh Idris"
    tr = "Rejim güçleri, İdlib'in güneyindeki Has ve Kefer Avid köylerine saldırdı."
    assert "Kefer" not in _places(tr)


def test_villages_anchored_to_a_town_are_not_a_far_namesake():
    # European Affairs, 3 Mar 2017 (passage 97): the gazetteer's Qarah is in the Qalamoun,
    # 300 km from al-Bab; the clause places both villages in eastern al-Bab
    text = (
        "They forces attacked the Kurdish fighters positions and seized control of Tal Tourin "
        "and Qarah villages in Eastern al-Bab after fierce clashes."
    )
    ex = geozones.extract(text)
    got = {m.text: m for m in ex.places}
    al_bab = got["al-Bab"].place
    for name in ("Tal Tourin", "Qarah"):
        m = got[name]
        assert not m.resolved and m.place.precision == "approximate"
        assert m.place.extra["anchor"] == al_bab.name
        assert m.place.lon > al_bab.lon  # the eastern part
        assert abs(m.place.lat - 36.37) < 0.1 and abs(m.place.lon - 37.6) < 0.1
    assert any(a.name == "Qarra" for a in got["Qarah"].alternatives)


def test_a_village_near_its_anchor_keeps_its_gazetteer_sense():
    # SANA-style list of passage 59: Kafr Zita in the Hama countryside is itself
    text = (
        "at the western outskirts of Kafr Zita and al-Latamina towns in Hama northern countryside"
    )
    got = {m.text: m for m in geozones.extract(text).places}
    kz = next(m for t, m in got.items() if "Kafr Zita" in t)
    assert kz.resolved and kz.place.name == "Kafr Zeita"


def test_north_of_a_city_whose_governorate_lies_in_the_desert_is_beside_the_city():
    # Smart via MicroSyria, 23 Apr 2018 (passage 92): the engineers' battalion north of Homs
    text = (
        "كما طال قصف مماثل بلدة حرب نفسه في الريف الجنوبي من مقرات النظام في كتيبة الهندسة "
        "شمال حمص، إضافة لقصف بالرشاشات الثقيلة من حواجزها القريبة."
    )
    m = next(m for m in geozones.extract(text).places if "حمص" in m.text)
    # round 21: "شمال حمص" is the area (the guideline's rule 1), at the city's point
    assert m.kind == "region" and m.place.kind == "populated place"
    assert abs(m.place.lat - 34.73) < 0.1 and abs(m.place.lon - 36.71) < 0.1
    assert m.part is not None and m.part.direction == "north"
    # the west of Hama (its governorate's point is 57 km from the city) stays the area
    ex = geozones.extract("قرية السرمانية في سهل الغاب غرب حماه من مقراتها في معسكر جورين")
    hama = next(m for m in ex.places if "حماه" in m.text)
    assert hama.kind == "region"


def test_a_weekday_in_a_past_clause_is_not_read_by_a_later_clauses_will():
    # European Affairs, 3 Mar 2017 (passage 97): "will surrender" belongs to the statement
    text = (
        "The spokesman said that the Turkish army launched an offensive on the positions of "
        "the Kurdish troops on Wednesday, and captured several villages near Manbij and the "
        "military council announced that the Kurdish forces will surrender the villages."
    )
    ex = geozones.extract(text, published="2017-03-03")
    assert [d.iso for d in ex.dates] == ["2017-03-01"]
    ex = geozones.extract("The council said the forces will withdraw on Wednesday.",
                          published="2017-03-03")  # fmt: skip
    assert [d.iso for d in ex.dates] == ["2017-03-08"]


def test_a_month_in_a_past_clause_is_the_latest_before_publication():
    # AFP via The News, 18 Apr 2019 (passage 96): the Sochi deal of September 2018
    text = (
        "Regime ally Russia and rebel-backer Turkey in September inked a buffer zone deal to "
        "prevent a massive regime offensive on the Idlib region, near the Turkish border."
    )
    ex = geozones.extract(text, published="2019-04-18")
    assert [d.iso for d in ex.dates] == ["2018-09"]
    ex = geozones.extract("Talks will resume in September.", published="2019-04-18")
    assert [d.iso for d in ex.dates] == ["2019-09"]


def test_a_channel_named_after_a_country_and_a_number_is_no_country():
    # Novinite, 26 Feb 2020 (passage 98)
    text = (
        "Supported by Russian aviation, pro-regime forces have recaptured the city, along with "
        "18 other settlements in southern Idlib, in the past 48 hours, France 24 reported."
    )
    ex = geozones.extract(text)
    assert "France" not in {m.place.name for m in ex.places}
    assert any(e.text == "France 24" and e.kind == "news" for e in ex.entities)
    # a country with a number that is no name stays the country
    ex = geozones.extract("France sent 24 advisers to Iraq.")
    assert "France" in {m.place.name for m in ex.places}


def test_an_arabic_village_spaced_otherwise_than_in_the_gazetteer_is_found():
    # Smart via MicroSyria, 23 Apr 2018 (passage 92): "حرب نفسه", the gazetteer's
    # "حربنفسه" / "حر بنفسه" (Harbanifse, Hor Bnafsor), south of Hama
    text = (
        "كما طال قصف مماثل بلدة حرب نفسه في الريف الجنوبي من مقرات النظام. وتناوبت طائرات "
        "حربية على قصف قرى وبلدات الجمالة وقبة الكردي بريف حماة الجنوبي."
    )
    m = next(m for m in geozones.extract(text).places if m.text == "حرب نفسه")
    assert m.place.admin[1] == "Hama" and abs(m.place.lat - 34.95) < 0.1


def test_arabic_villages_in_quotation_marks_form_a_list():
    # Arabi21, 2019 (passage 95): '"فطيرة" و"دركوش" و"حاس"' is a list of villages
    text = (
        'وكشف المرصد أن مقاتلات روسية قصفت بلدة "كفرنبل" وقرى "فطيرة" و"دركوش" و"حاس" في '
        'إدلب. وأوضح أن الغارات أسفرت عن مقتل مدنيين اثنين في "فطيرة" و"حاس".'
    )
    got = [m for m in geozones.extract(text).places if m.text == "حاس"]
    assert len(got) == 2 and all(m.place.name == "Has" for m in got)


def test_a_verb_after_villages_is_no_village_and_a_compass_adjective_ends_a_name():
    # Arabi21 (95): "قرى تقع ضمن منطقة خفض التصعيد": villages that lie within the zone
    text = "وشنت قوات النظام هجمات برية وجوية على قرى تقع ضمن منطقة خفض التصعيد في إدلب."
    assert "تقع" not in {m.text for m in geozones.extract(text).places}
    # Baladi News (94): "جرذي غربي" (Western Jarda) is one name; "غربي حلب" west of Aleppo
    spans = construction_spans("وسيطرت قسد على قرى الكشكية وجرذي غربي وهجين بريف دير الزور")
    t = "وسيطرت قسد على قرى الكشكية وجرذي غربي وهجين بريف دير الزور"
    assert [t[a:b] for a, b in spans] == ["الكشكية", "جرذي غربي", "هجين"]
    t = "سيطرت على قرية الطيبة غربي حلب"
    assert [t[a:b] for a, b in construction_spans(t)] == ["الطيبة"]


def test_a_village_whose_namesakes_lie_far_from_the_governorate_it_is_in_is_placed_there():
    # Baladi News (94): "حاوي" of "حاوي أبو حمام" is no Hawi of the west, 300 km away
    text = (
        "قتلوا اليوم الخميس قنصا، بعد أن تم استهدافهم في قريتي (الجرذي وحاوي أبو حمام) بريف "
        "دير الزور الشرقي."
    )
    # round 15: the bracketed list gives the whole name "حاوي أبو حمام", no shorter one
    m = next(m for m in geozones.extract(text).places if m.text == "حاوي أبو حمام")
    assert not m.resolved and m.place.extra.get("anchor") == "Deir-ez-Zor"
    assert m.place.lon > 40.0


@pytest.mark.parametrize(
    "module",
    [
        "geozones.geoparse.constructions._anchor",
        "geozones.geoparse.places._loose",
        "geozones.geoparse.entities._outlets",
        "geozones.geoparse.scan._region_cue",
        "geozones.gazetteer._loose",
    ],
)
def test_the_examples_of_round_7_modules_run(module):
    import doctest
    import importlib

    res = doctest.testmod(importlib.import_module(module))
    assert res.attempted >= 1 and res.failed == 0, res


def test_a_turkish_list_of_camps_names_places_the_gazetteer_lacks():
    # Sabah, 2020 (passage 99): Kefer Lusin is no OCHA community; the camps' list places it
    got = _places(SABAH)
    kl = got["Kefer Lusin"]
    assert kl.precision == "context"
    assert abs(kl.lat - 36.27) < 0.1 and abs(kl.lon - 36.72) < 0.1


def test_a_village_anchored_to_a_governorate_goes_to_the_texts_towns_there():
    # Baladi News (94): the eastern Deir ez-Zor countryside of the story is the valley of
    # Abu Hamam and Hajin, not the governorate's point in the steppe
    text = (
        "قتلوا قنصا بعد أن تم استهدافهم في قريتي (الجرذي وحاوي أبو حمام) بريف دير الزور "
        "الشرقي. وأضافت الوكالة أن المواجهات تتواصل في بلدتي (أبو حردوب والكشكية)، وقصف "
        "طال بلدة (هجين)."
    )
    m = next(m for m in geozones.extract(text).places if m.text == "حاوي أبو حمام")
    assert m.place.extra.get("anchor") == "Deir-ez-Zor"
    assert abs(m.place.lat - 34.8) < 0.2 and abs(m.place.lon - 40.7) < 0.25


def test_a_metropolis_that_backs_is_named_for_its_government():
    # European Affairs, 3 Mar 2017 (passage 97): "Ankara-backed" (the set marks the capital
    # named for the country); a town that is a base stays no mention
    text = (
        "The Ankara-backed Euphrates Shield Operation forces launched an offensive on the "
        "Kurdish section of the Syrian Democratic Forces in Northern Syria."
    )
    assert "Ankara" in {m.text for m in geozones.extract(text).places}
    text = "Aleppo-based fighters and Idlib-backed units moved in."
    assert not geozones.extract(text).places
