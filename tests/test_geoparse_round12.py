"""Round 12 of issue 16: rules learnt from heldout11's misses (passages 196-219), each
tested on the real sentence that showed it."""

from __future__ import annotations

import geozones


def test_a_byline_names_the_writer_not_a_village():
    # Xeber24 (219): the byline "Selava Omar –" came out as the village of Omar (Aleppo)
    ex = geozones.extract(
        "5 ISIS members were arrested in a new SDF operation in Deir Ezzor countryside\n\n"
        "Selava Omar –\n\n"
        "The Syrian Democratic Forces have arrested a cell affiliated with ISIS."
    )
    assert "Omar" not in " ".join(m.text for m in ex.places)
    assert any(e.text == "Selava Omar" and e.kind == "person" for e in ex.entities)


def test_a_french_preposition_opening_a_sentence_is_no_village():
    # La Référence (199): "Sur cette artère vitale" came out as Sur (Deir ez-Zor)
    ex = geozones.extract(
        "Sur cette artère vitale, le régime a déjà reconquis la ville de Khan Cheikhoun, "
        "dans le sud d’Idleb."
    )
    assert [m.text for m in ex.places if m.text == "Sur"] == []
    assert any(m.text == "Khan Cheikhoun" for m in ex.places)


def test_media_is_a_common_word():
    # TASS (218): "Media reports claim …" came out as Madaya (Rural Damascus)
    ex = geozones.extract(
        "According to the TV channel, the clashes were reported in the village of Tall Ward "
        "located on the Turkish border southeast of Ras al-Ayn.\n\nThe TV channel also said "
        "that Turkish troops are carrying out an offensive on the Abu Rasin settlement east of "
        "Ras al-Ayn. Media reports claim that residential areas in Abu Rasin are under fire."
    )
    assert "Media" not in [m.text for m in ex.places]
    assert [m.text for m in ex.places].count("Abu Rasin") == 2


def test_a_turkish_city_noun_after_a_capital_makes_it_the_city():
    # Kilis Eğitim relaying DHA (202): "İdlib kent merkezine" (the city centre of Idlib) came
    # out as the governorate; "İdlib kentinin doğusunda" too
    ex = geozones.extract(
        "SURİYE’de, rejim ordusunca İdlib kentinin doğusunda yer alan Serakip ilçesinde "
        "bulunan birliklerince, Sermin köyüne ve İdlib kent merkezine saldırı düzenlendi."
    )
    idlib = [m for m in ex.places if m.text.startswith("İdlib")]
    assert len(idlib) == 2 and all(m.kind == "place" for m in idlib)


def test_a_capital_the_text_calls_the_city_twice_is_the_city_when_named_alone():
    # Naaju carrying AFP (204): the dateline "QUNEITRA:" and "central Quneitra" make the bare
    # "Quneitra" of the same text the city, not the governorate
    ex = geozones.extract(
        "QUNEITRA: The Syrian authorities celebrated Friday the resumption of this symbolic "
        "southern city near Israel's occupied Golan Heights.\n"
        "A photo of President Bashar Assad was hoisted on a partially destroyed monument in "
        "central Quneitra.\n"
        "Celebrations in Quneitra took place as Syrian soldiers finalized their deployment."
    )
    quneitra = [m for m in ex.places if "Quneitra" in m.text or "QUNEITRA" in m.text]
    assert len(quneitra) == 3
    assert all(m.kind == "place" and m.place.kind == "populated place" for m in quneitra)


def test_a_dateline_in_capitals_with_a_colon_is_the_city_but_leaves_the_province_reading():
    # Mari (206): "DARAA:" is where the story was filed (the city); the text says "Daraa
    # province" twice, so a bare "Daraa" stays the province
    ex = geozones.extract(
        "DARAA: The wave of assassinations in southern Syria’s Daraa province isn’t sparing "
        "anyone.\nThe killings haven’t left Daraa province alone since 2018. Al-Masri had "
        "previously fought in an opposition faction in Daraa."
    )
    kinds = [(m.text, m.kind) for m in ex.places if "aa" in m.text.lower()]
    assert kinds[0] == ("DARAA", "place")
    assert kinds[-1] == ("Daraa", "region")


def test_a_building_and_its_name_are_no_village():
    # CESD World (213) and Athr Press (214), Qamishli: "مدرسة" (school) came out as the
    # village of Madrasa, and the names of a hotel and of schools as villages
    ex = geozones.extract(
        "وانفجرت آلية ملغومة في شارع الوحدة وأخرى بالقرب من فندق الشهباء بالسوق المحلي في "
        "المدينة، أما الثالثة فانفجرت بالقرب من مدرسة القادسية. وكانت العبوة مركونة بالقرب "
        "من مدرسة الماظة خليل.\nانفجار عبوة ناسفة قرب مدرسة في مدينة القامشلي"
    )
    assert [m.text for m in ex.places] == ["القامشلي"]
    assert {e.text for e in ex.entities if e.kind == "facility"} >= {
        "فندق الشهباء",
        "مدرسة القادسية",
        "مدرسة الماظة خليل",
    }


def test_a_given_name_after_a_place_head_word_is_the_village():
    # Nineveh al-Ghad (216): "جب حمزة" (Jeb Hamza, Manbij) was lost to a person "حمزة
    # الخاضعة" (Hamza, a given name, and the participle after it)
    ex = geozones.extract(
        "قضوا جراء قصف بالمدفعية الثقيلة على قرية جب حمزة الخاضعة لسيطرة داعش جنوب غربي مدينة منبج."
    )
    jeb = [m for m in ex.places if m.text == "جب حمزة"]
    assert len(jeb) == 1 and abs(jeb[0].place.lat - 36.39) < 0.05


def test_a_named_region_anchors_a_loose_spelling_of_its_village():
    # Syria Truths (203): "Kabbani" (Kabani, found by the loose key only: a doubled letter)
    # was dropped as far from the text's towns; the Kurdish Mountains it lies in anchor it
    ex = geozones.extract(
        "The jihadist rebels stormed the Syrian Arab Army’s positions to the south of "
        "Kabbani. The battle would ensue for more than five hours in this part of the "
        "Kurdish Mountains (var. Jabal Al-Akrad). The Syrian Army’s offensive in Daraa goes on."
    )
    kabani = [m for m in ex.places if m.text.endswith("Kabbani")]
    assert len(kabani) == 1 and abs(kabani[0].place.lat - 35.714) < 0.05


def test_a_capital_listed_among_towns_is_the_city():
    # TASS (218): "Raqqa" among the towns the army seized came out as the governorate
    ex = geozones.extract(
        "Syrian government forces seized a number of towns and settlements in the "
        "Kurdish-populated areas in the next few days, including Tabqah, Manbij, Raqqa and "
        "Kobane."
    )
    raqqa = [m for m in ex.places if m.text == "Raqqa"]
    assert len(raqqa) == 1 and raqqa[0].kind == "place"
    assert raqqa[0].place.kind == "populated place"


def test_the_countryside_of_the_syrian_city_of_x_is_a_region():
    # Xeber24 (219): "the eastern countryside of the Syrian city of Deir Ezzor" came out as
    # the city; an adjective before "city of" keeps the countryside's reading
    ex = geozones.extract(
        "The Syrian Democratic Forces have arrested a cell affiliated with ISIS in the eastern "
        "countryside of the Syrian city of Deir Ezzor."
    )
    deir = [m for m in ex.places if "Deir Ezzor" in m.text]
    assert len(deir) == 1 and deir[0].kind == "region"
    assert deir[0].text.startswith("eastern countryside")


def test_a_village_located_in_a_direction_from_a_town_is_placed_there():
    # TASS (218): "Tall Ward located on the Turkish border southeast of Ras al-Ayn" came out
    # as Tal Elward in Homs, 300 km away; it is placed by Ras al-Ayn, its namesake kept
    ex = geozones.extract(
        "According to the TV channel, the clashes were reported in the village of Tall Ward "
        "located on the Turkish border southeast of Ras al-Ayn."
    )
    ward = [m for m in ex.places if m.text.endswith("Tall Ward")]
    assert len(ward) == 1 and not ward[0].resolved
    assert abs(ward[0].place.lat - 36.85) < 0.15 and abs(ward[0].place.lon - 40.1) < 0.2


def test_an_arabic_village_after_its_noun_ends_where_a_prepositional_noun_begins():
    # Radio Rozana (212) and Shaam (209): "قرية جبورين بالمدفعية" and "بلدة الشيفونية لقصف"
    # were not read as lists of one village: the word after the name has a clinging ب/ل
    ex = geozones.extract(
        "وقصفت قوات النظام المتمركزة في قرية جبورين بالمدفعية الثقيلة مدينة تلبيسة.\n"
        "وتعرضت مدينة دوما وبلدة الشيفونية لقصف جوي ومدفعي مركز."
    )
    got = {m.text: m for m in ex.places}
    assert {"جبورين", "الشيفونية"} <= set(got)
    assert abs(got["الشيفونية"].place.lat - 33.56) < 0.15


def test_a_loose_spelling_with_one_sense_at_home_is_kept_when_no_home_town_is_exact():
    # Defence Point relaying Al Jazeera (217): "Derbasiyah" (Darbasiyah, the town and its
    # sub-district: one sense) was dropped because "Sanliurfa", a town abroad, was the only
    # town the text named exactly
    ex = geozones.extract(
        "Turkish forces shelled the area from Sanliurfa. As fighting intensified, Syrian "
        "troops deployed reinforcements from Derbasiyah to Tal Tamr, south of Ras al-Ain."
    )
    der = [m for m in ex.places if m.text == "Derbasiyah"]
    assert len(der) == 1 and abs(der[0].place.lat - 37.07) < 0.2


def test_the_suburbs_of_a_governorate_are_its_part_not_the_city():
    # SNHR (78, dev): "the eastern suburbs of Idlib governorate" came out as Idlib city's
    # outskirts; the admin noun after the name makes it the governorate's eastern part
    ex = geozones.extract(
        "Russian warplanes fired missiles on Mrdikh village in the eastern suburbs of Idlib "
        "governorate, on December 19, 2019."
    )
    idlib = [m for m in ex.places if "Idlib" in m.text]
    assert len(idlib) == 1 and idlib[0].kind == "region"
    assert idlib[0].place.kind == "admin area" and idlib[0].place.lon > 36.6


def test_a_district_named_with_its_noun_is_the_district_not_its_seat():
    # ARA News (149, dev): "Afrin District", a name the gazetteer holds with its noun, came
    # out as the town of Afrin (a bare district name is its seat; this one is not bare)
    ex = geozones.extract(
        "Rebels used the area to attack Kurdish headquarters in Afrin District, according "
        "to local sources."
    )
    afrin = [m for m in ex.places if m.text == "Afrin District"]
    assert len(afrin) == 1 and afrin[0].kind == "region"
    assert afrin[0].place.kind == "admin area"


def test_a_german_sentence_adverb_is_no_city_abroad():
    # inSüdthüringen (108, dev): "Dabei sollen 19 Menschen …" came out as Dubai
    ex = geozones.extract(
        "Erneut wurde ein Dorf in der Provinz Idlib bombardiert. Dabei sollen 19 Menschen "
        "ums Leben gekommen sein - darunter auch Kinder."
    )
    assert all(m.place.country == "SY" for m in ex.places)
    assert [m.text for m in ex.places] == ["Provinz Idlib"]


def test_a_name_with_the_arabic_article_is_no_far_city_abroad():
    # News Front (64, dev): "al-Jadida" among villages of northern Hama came out as El
    # Jadida in Morocco, a country the text never names
    ex = geozones.extract(
        "Die Terroristen beschossen die Dörfer Kafar Houd, al-Jadida und al-Jalama im Norden "
        "der Provinz Hama."
    )
    assert all(m.place.country == "SY" for m in ex.places)
    assert not any(m.text == "al-Jadida" and m.place.country == "MA" for m in ex.places)
