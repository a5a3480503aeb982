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
    # by the town nearest in the text, moved by the measure the text gives: 15 km south-east
    assert 12 < haversine_km(m.place.lat, m.place.lon, 36.852, 40.069) < 18
    assert haversine_km(m.place.lat, m.place.lon, 36.757, 40.190) < 3


def test_an_unknown_village_takes_its_position_from_the_sentence_before_first():
    text = (
        "The assault began near the town of Tal Abyad. Sources said it came near the border "
        "village of Qarnuzik. Shells also fell on Ras al-Ayn, Qamishli and Derik."
    )  # an invented name: "Sousek" is found as Sawsak by round 15's loose key
    m = _by_text(geozones.extract(text))["Qarnuzik"]
    assert haversine_km(m.place.lat, m.place.lon, 36.698, 38.955) < 5


def test_a_namesake_far_from_the_sentence_gives_way_to_one_near_it():
    from geozones.geoparse._results import PlaceMention
    from geozones.geoparse.constructions._unknown import rechoose_near

    g = geozones.Gazetteer.default()
    mashrafas = [p for p in g.search("Mashrafa", limit=10) if p.name == "Mashrafa"]
    assert len(mashrafas) >= 2
    far, near = mashrafas[0], mashrafas[1]
    text = "Clashes in Mashrafa, Hamlet and Hamlet."
    hamlet = near.with_score(1.0, "Hamlet")  # towns next to the second Mashrafa
    places = [
        PlaceMention("Mashrafa", 11, 19, far, "place", 11, 19, alternatives=(near,)),
        PlaceMention("Hamlet", 21, 27, hamlet, "place", 21, 27),
        PlaceMention("Hamlet", 32, 38, hamlet, "place", 32, 38),
    ]
    assert text[21:27] == text[32:38] == "Hamlet"
    got = rechoose_near(text, places, "SY")
    assert haversine_km(far.lat, far.lon, near.lat, near.lon) > 60
    assert got[0].place.lat == near.lat and got[0].alternatives[0] == far
    # a namesake already near its neighbours stays; one neighbour alone is no group
    assert rechoose_near(text, got, "SY") == got
    assert rechoose_near(text, places[:2], "SY") == places[:2]


def test_the_place_in_an_agreements_name_names_the_agreement():
    cases = [
        ("Under the Sochi memorandum, patrols began in Idlib.", "Sochi"),
        ("Rejim güçleri, Astana anlaşmaları ve Soçi mutabakatını hiçe saydı.", "Soçi"),
        ("Das Sotschi-Abkommen gilt für Idlib.", "Sotschi"),
        ("Selon l'accord de Sotchi, Idleb est une zone de désescalade.", "Sotchi"),
        ("وفق اتفاق سوتشي بين روسيا وتركيا في إدلب", "سوتشي"),
    ]
    for text, name in cases:
        ex = geozones.extract(text)
        assert name not in [m.text for m in ex.places], text
        assert (name, "agreement") in [(e.text, e.kind) for e in ex.entities], text
    # the city where talks are held stays a place
    ex = geozones.extract("He told reporters in Sochi that talks would follow.")
    assert [m.text for m in ex.places] == ["Sochi"]


def test_titles_and_speech_verbs_in_german_french_and_turkish_make_persons():
    ex = geozones.extract("Außenminister Heiko Maas sagte in Berlin, Idlib sei bedroht.")
    assert ("Heiko Maas", "person") in [(e.text, e.kind) for e in ex.entities]
    ex = geozones.extract("Cumhurbaşkanı Erdoğan Halep'te konuştu.")
    assert "Erdoğan" not in [m.text for m in ex.places]
    ex = geozones.extract("Le président Macron a déclaré qu'Idleb était menacée.")
    assert "Macron" not in [m.text for m in ex.places]


def test_the_draft_spec_never_takes_an_unknown_village_for_a_gazetteer_place():
    ex = geozones.extract(
        "Joint patrols will run along the M4 from Saraqib to the village of Kaddour "
        "near Saraqib, 15 March 2020."
    )
    assert any(not m.resolved for m in ex.places)
    draft = geozones.draft_spec(ex)
    assert "NOT IN THE GAZETTEER" in draft
    assert "Kaddour is not in the gazetteer" in draft  # the road's end is a TODO


def test_a_small_namesake_far_from_its_list_is_an_unknown_village_of_that_name():
    ex = geozones.extract(
        "Clashes went on in the villages of Kafranbel, Hass, Naqir and Maarat al-Numan."
    )
    got = _by_text(ex)
    m = got["Naqir"]
    far = [a for a in m.alternatives if a.name == "Naqir"]  # the gazetteer's, near Hama
    assert far and haversine_km(far[0].lat, far[0].lon, 35.61, 36.56) > 50
    assert m.resolved is False and m.place.precision == "context"
    assert haversine_km(m.place.lat, m.place.lon, 35.61, 36.58) < 15
    assert got["Kafranbel"].resolved and got["Hass"].resolved
    # a town named alone keeps its gazetteer entry however far the others are
    ex = geozones.extract("Shells fell near the town of Tal Abyad. Ras al-Ayn was hit too.")
    assert all(m.resolved for m in ex.places)


def test_villages_including_a_list_in_english_and_arabic():
    ex = geozones.extract(
        "The army seized several villages south of Saraqib, including Kaddour and Ruwehah."
    )
    assert {"Kaddour", "Ruwehah"} <= {m.text for m in ex.places if not m.resolved}
    ex = geozones.extract("حررت العديد من البلدات والقرى في ريف إدلب الجنوبي منها كفرنبل وكويرسات.")
    assert ("كويرسات", False) in [(m.text, m.resolved) for m in ex.places]


def test_an_unknown_village_measured_from_a_town_is_placed_there():
    # The Defense Post, 10 Oct 2019: Derik is named twice, Ras al-Ayn once, in the sentence
    text = ("Turkish artillery had also landed near the Bouzra dam in Derik (al-Malikiya) and "
            "the village of Katouf, 15 km southeast of Ras al-Ayn.")  # fmt: skip
    m = _by_text(geozones.extract(text))["Katouf"]
    assert m.resolved is False
    assert haversine_km(m.place.lat, m.place.lon, 36.757, 40.190) < 3  # not at Derik, 180 km


def test_press_spellings_of_villages_resolve_to_their_ocha_community():
    cases = [  # (published sentence, spelling, OCHA P-code)
        ("Sorman — L’accord de cessez-le-feu à Idleb a été fragilisé.", "Sorman", "C3972"),
        ("Truppen hätten den türkischen Posten von Al-Surman in der Provinz Idlib umzingelt.",
         "Al-Surman", "C3972"),
        ("The patrol was prevented from reaching the Mahmbel village.", "Mahmbel", "C4330"),
        ("Serakib ilçe merkezinin batısındaki Neyrab ile kuzeyindeki Afis köyü hattında",
         "Neyrab", "C3867"),
        ("Turkish artillery had also landed near the Bouzra dam in Derik (al-Malikiya).",
         "al-Malikiya", "C4881"),
        ("حررت في ريف إدلب الجنوبي كفرنبل ودير سنبل والدار الكبيرة وحزارين.", "الدار الكبيرة",
         "C4057"),
    ]  # fmt: skip
    for text, name, pcode in cases:
        got = {m.place.matched or m.text: m for m in geozones.extract(text).places}
        m = next(m for m in geozones.extract(text).places if name in m.text)
        assert m.place.source_id == pcode, (name, m.place.source_id, got)


def test_a_head_word_and_a_noun_with_the_article_name_a_place():
    # Hibr Press, Feb 2020: "رأس العين" (Ras al-Ain of Abu al-Duhur, not of Hasakah) is made
    # of two common words, each alone no place; "وقف إطلاق النار" (ceasefire) stays words
    text = "وتمكنت القوات من السيطرة على قرى رأس العين وطويل الشيخ جنوب شرق إدلب."
    m = next(m for m in geozones.extract(text).places if m.text == "رأس العين")
    assert m.place.source_id == "C3902"
    assert geozones.extract("أعلن وقف إطلاق النار أمس.").places == []


def test_a_listed_village_outside_the_governorate_its_sentence_names_is_another_one():
    # the only مسعدة of the gazetteer lies in Homs; the list is "جنوب شرق إدلب"
    text = ("وتمكنت قوات النظام من السيطرة على قرى رأس العين ومسعدة وبارسا وطويل الشيخ وشوحة "
            "جنوب شرق إدلب بعد انسحاب فصائل المعارضة.")  # fmt: skip
    m = next(m for m in geozones.extract(text).places if m.text == "مسعدة")
    assert m.resolved is False
    assert haversine_km(m.place.lat, m.place.lon, 35.795, 36.930) < 5  # with its list
    assert m.alternatives[0].admin[1] == "Homs"  # the gazetteer's namesake, kept as a hint


def test_an_arabic_list_after_areas_namely_holds_unknown_villages():
    # Lebanon Today, 24 Feb 2020 (quoting SOHR): "… إلى 7 مناطق، وهي …"; al-Rakaya and Tal
    # al-Nar are in no gazetteer, their neighbours in the list are
    text = ("ليرتفع تعداد المناطق التي سيطرت عليها إلى 7 مناطق، وهي الشيخ دامس وحنتوتين "
            "والركايا وتل النار وكفرسجنة والشيخ مصطفى والنقير.")  # fmt: skip
    ex = geozones.extract(text)
    unknown = {m.text: m for m in ex.places if not m.resolved}
    assert set(unknown) == {"الركايا", "تل النار"}
    assert haversine_km(unknown["الركايا"].place.lat, unknown["الركايا"].place.lon,
                        35.560, 36.620) < 25  # fmt: skip
    # "وهي" later in the sentence ("and it is") starts no list
    ex = geozones.extract(
        "أهمية هذه المناطق كونها تشكل العمق وهي حلقة وصل بين جبل شحشبو وسهل الغاب"
    )
    assert "حلقة" not in [m.text for m in ex.places]
