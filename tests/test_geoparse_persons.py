"""General rules for names that hold a place word but are persons or organisations
(given names, Arabic titles, verbs of speech and organisation words, adjectives spelled
like a country), and namesakes chosen by the governorate of their own sentence."""

from __future__ import annotations

import geozones
from geozones.geoparse.scan._persons import arabic_entities, given_name_persons
from geozones.projection import haversine_km


def _places(text: str) -> list[str]:
    return [m.text for m in geozones.extract(text).places]


def test_a_capitalised_name_that_starts_with_a_given_name_is_a_person():
    # SOHR's chief (AFP copy): "Rahman" aside, no word of the name may become a place
    text = "“Regime forces took Khan Sheikhun,” said Syrian Observatory chief Rami Abdel Rahman."
    assert [e.text for e in given_name_persons(text)] == ["Rami Abdel Rahman"]
    # Hama is a city: inside a person's name it is no place ("Mohammed Hama, a resident")
    ex = geozones.extract("Mohammed Hama, a resident of Saraqib, said the shelling went on.")
    assert [m.text for m in ex.places] == ["Saraqib"]
    assert ("Mohammed Hama", "person") in {(e.text, e.kind) for e in ex.entities}


def test_a_given_name_inside_a_place_name_stays_a_place():
    # "Sheikh Mustafa" is a village of southern Idlib: the given name is not its first word
    assert given_name_persons("the army took Sheikh Mustafa and Kafr Sijnah") == []
    assert "Sheikh Mustafa" in _places("The army took Sheikh Mustafa near Kafr Nabl.")


def test_arabic_organisation_words_head_an_organisations_name():
    text = "وقالت وكالة هاوار إن هيئة تحرير الشام ومجلس منبج العسكري تبادلا القصف."
    got = [(e.text, e.kind) for e in arabic_entities(text)]
    assert got == [("وكالة هاوار", "news"), ("هيئة تحرير الشام", "organization"),
                   ("ومجلس منبج العسكري", "organization")]  # fmt: skip
    ex = geozones.extract("أعلن مجلس منبج العسكري أن القصف طال قرى قرب منبج.")
    assert [m.text for m in ex.places] == ["منبج"]  # the town after قرب, not the council's


def test_an_arabic_army_name_stops_before_the_verb():
    # "الجيش السوري يحرر قرى …": the army's name is two words; the villages stay places
    ex = geozones.extract("الجيش السوري يحرر قرى كفرنبل وحاس بريف إدلب الجنوبي")
    assert {"كفرنبل", "حاس"} <= {m.text for m in ex.places}


def test_arabic_titles_and_verbs_of_speech_put_a_persons_name_after_them():
    text = "وقال الرئيس التركي رجب طيب أردوغان إن الجيش سيرد، وقال رامي عبد الرحمن إن القصف استمر."
    got = [(e.text, e.rule) for e in arabic_entities(text)]
    assert ("رجب طيب أردوغان", "ar-title") in got
    assert ("رامي عبد الرحمن", "ar-speech") in got
    # a title before an institution is no person: "قائد شرطة حلب" keeps Aleppo
    assert not [e for e in arabic_entities("قال قائد شرطة حلب إن") if e.kind == "person"]


def test_syria_spelled_as_the_feminine_adjective_after_a_noun_is_no_country():
    # El Watan, 27 Feb 2020: "قالت مصادر سورية اليوم" (Syrian sources)
    ex = geozones.extract("قالت مصادر سورية اليوم إنّ الجيش سيطر على ريف إدلب الجنوبي.")
    assert "سورية" not in [m.text for m in ex.places]
    ex = geozones.extract("وقعت اشتباكات في شمال سورية.")
    assert [m.place.country for m in ex.places if m.kind == "country"] == ["SY"]


def test_a_namesake_is_the_one_in_the_governorate_of_its_own_sentence():
    # Copts United relaying SANA, 26 Feb 2020: Deir Sunbul is in Idlib (Ariha district);
    # its namesake lies in Hama, which the next sentence names
    text = (
        "حررت وحدات الجيش العديد من القرى في ريف إدلب الجنوبي منها كفرنبل وحاس ودير سنبل "
        "وحزارين. وهي حلقة وصل بين ريفي حماة وإدلب."
    )
    m = next(m for m in geozones.extract(text).places if m.text.endswith("دير سنبل"))
    assert haversine_km(m.place.lat, m.place.lon, 35.698, 36.601) < 2


def test_one_word_arabic_villages_need_a_cue_that_they_are_places():
    # Xinhua Arabic, 4 Jun 2019 / Hibr Press: "كشف" (revealed), "الشمالية" (northern),
    # "حدث" (happened) are also village names; a bare common word is no place
    text = ("وكشف المرصد مشاركة الفصائل في الهجوم لحماية الجهة الشمالية لبلدة كفرنبودة، "
            "على غرار ما حدث في مدينة معرة النعمان.")  # fmt: skip
    got = _places(text)
    assert got == ["كفرنبودة", "معرة النعمان"]
    # the same kind of one-word village after a cue stays a place: a preposition, a list
    got = _places("سيطر الجيش على حاس وكفرنبل، ثم تقدم نحو حزارين.")
    assert got == ["حاس", "كفرنبل", "حزارين"]


def test_big_cities_keep_their_names_in_other_languages():
    # SOHR is "ومقره لندن" in the Arabic press; RFI writes "à Beyrouth"
    ex = geozones.extract("وأوضح المرصد السوري لحقوق الإنسان، ومقره لندن، أن الجيش تقدم.")
    assert [(m.text, m.place.country) for m in ex.places] == [("لندن", "GB")]
    ex = geozones.extract("Avec notre correspondant à Beyrouth, Paul Khalifeh")
    assert [(m.text, m.place.country) for m in ex.places] == [("Beyrouth", "LB")]
    assert ("Paul Khalifeh", "person") in {(e.text, e.kind) for e in ex.entities}


def test_arabic_region_nouns_after_the_proclitic_lam():
    # "التابعة إداريا لمنطقة خان شيخون": the district of Khan Shaykhun, not the town
    m = geozones.extract("القرى التابعة إداريا لمنطقة خان شيخون بريف إدلب.").places[0]
    assert m.text == "منطقة خان شيخون" and m.kind == "region"
    assert m.place.kind == "admin area"


def test_german_parts_of_a_province_and_the_genitive():
    # Kleine Zeitung (AFP), Jan 2020
    ex = geozones.extract("Angriffe auf den von Rebellen kontrollierten Westteil von Aleppo.")
    assert [(m.text, m.kind) for m in ex.places] == [("Westteil von Aleppo", "region")]
    ex = geozones.extract("Seither haben Truppen verstärkt Angriffe auf den Süden Idlibs geflogen.")
    assert [(m.kind, m.place.name) for m in ex.places] == [("region", "Idleb")]
    assert geozones.extract("Das ist ein Teil der Armee.").places == []


def test_dates_a_part_of_a_month_a_weekday_after_yesterday_and_a_german_range():
    ex = geozones.extract("Nach UN-Angaben wurden seit Mitte Dezember mehr als 358.000 Menschen",
                          published="2020-01-25")  # fmt: skip
    assert [(d.text, d.iso) for d in ex.dates] == [("Mitte Dezember", "2019-12")]
    assert ex.places == []  # "Mitte" is no Berlin district here
    ex = geozones.extract("Allein zwischen dem 15. und dem 19. Jänner flüchteten 38.000 Menschen.",
                          published="2020-01-25")  # fmt: skip
    assert [d.iso for d in ex.dates] == ["2020-01-15/2020-01-19"]
    ex = geozones.extract(
        "وكان الجيش قد سيطر أمس الإثنين على بلدة القصابية.", published="2019-06-04"
    )
    assert [(d.text, d.iso) for d in ex.dates] == [("أمس الإثنين", "2019-06-03")]
    ex = geozones.extract("لقصف شبه يومي منذ نهاية نيسان/أبريل.", published="2019-08-11")
    assert [(d.text, d.iso) for d in ex.dates] == [("نهاية نيسان/أبريل", "2019-04")]


def test_a_road_word_before_two_towns_names_the_road_between_them():
    # RFI, 22 Dec 2019; Kleine Zeitung (AFP), Jan 2020: the M5 by the towns it joins
    ex = geozones.extract("reprendre le contrôle de l’autoroute internationale Damas-Alep.")
    assert [(r.text, r.ref) for r in ex.roads] == [("autoroute internationale Damas-Alep", "M5")]
    ex = geozones.extract("Die Stadt liegt an der Autobahn von Damaskus nach Aleppo.")
    assert [(r.text, r.ref) for r in ex.roads] == [("Autobahn von Damaskus nach Aleppo", "M5")]
    # two towns the gazetteer joins by no road: no road, the towns stay
    ex = geozones.extract("Die Straße von Saraqib nach Binnish war gesperrt.")
    assert ex.roads == [] and [m.text for m in ex.places] == ["Saraqib", "Binnish"]


def test_french_and_german_titles_and_arabic_adjectives_after_a_place_noun():
    # Le Devoir (AFP), 1 Dec 2019; Kleine Zeitung (AFP), Jan 2020; AFP Arabic, 11 Aug 2019
    ex = geozones.extract("a précisé le directeur Rami Abdel Rahmane à Idleb.")
    assert ("Rami Abdel Rahmane", "person") in {(e.text, e.kind) for e in ex.entities}
    ex = geozones.extract("Der Leiter Rami Abdul Rahman erklärte, Idlib sei umkämpft.")
    assert [m.text for m in ex.places] == ["Idlib"]
    ex = geozones.extract("سيطرت قوات الجيش السوري الأحد على بلدة استراتيجية في شمال غرب سوريا")
    assert [m.place.kind for m in ex.places] == ["country"]  # "a strategic town": no village


def test_an_arabic_given_name_with_a_family_name_is_a_person():
    # Al-Bawaba, Jan 2018: "للرئيس السوري بشار الأسد" gave a village called Assad before
    text = "وسيطرت العناصر الموالية للرئيس السوري بشار الأسد على 120 قرية في محافظة إدلب"
    ex = geozones.extract(text)
    assert "الأسد" not in [m.text for m in ex.places]
    assert ("بشار الأسد", "person") in {(e.text, e.kind) for e in ex.entities}
    # without the title too: a given name, then a family name with the article
    assert [e.rule for e in arabic_entities("وزار بشار الأسد مدينة حلب")] == ["ar-given-name"]
    assert "حلب" in _places("وزار بشار الأسد مدينة حلب")


def test_a_title_after_the_contracted_li_al_is_a_title():
    # "للرئيس" is li- + al-ra'is written with one alef less
    got = [(e.text, e.rule) for e in arabic_entities("وفصائل موالية للرئيس التركي رجب أردوغان")]
    assert ("رجب أردوغان", "ar-title") in got


def test_a_given_name_after_a_place_noun_stays_a_place():
    # "الشيخ مصطفى" and "تل حسن" are villages, not persons called Mustafa and Hasan
    assert not [e for e in arabic_entities("حرر الجيش قرية الشيخ مصطفى الشمالية") if e.kind ==
                "person"]  # fmt: skip
    assert not [e for e in arabic_entities("قصف تل حسن الغربي") if e.kind == "person"]
    # "على" (on) folds like the name Ali: it is no given name
    assert arabic_entities("سيطر على الطريق الدولي") == []


def test_the_outlet_after_a_datelines_place_is_no_place_and_no_date():
    # Lebanon Today, 24 Feb 2020: "دمشق-لبنان اليوم" is Damascus, then the outlet's name
    text = "دمشق-لبنان اليوم\nأعلنت وكالة سانا أن الجيش حرر قرية النقير بريف إدلب الجنوبي."
    ex = geozones.extract(text, published="2020-02-24")
    assert [m.text for m in ex.places][:2] == ["دمشق", "النقير"]
    assert "لبنان اليوم" in [e.text for e in ex.entities]
    assert ex.dates == []  # "اليوم" inside the outlet's name is no date
    # a place and a dash inside a sentence is no dateline
    assert "Aleppo" in _places("Clashes on the Idlib - Aleppo front went on.")


def test_an_organisations_name_that_ends_with_a_place_holds_it():
    # Belga, 30 Aug 2019: "le Centre russe pour la réconciliation en Syrie"
    cases = {
        "Le Centre russe pour la réconciliation en Syrie a indiqué que des rebelles ont "
        "bombardé Alep.": "Alep",
        "The Russian Center for Reconciliation in Syria said that rebels shelled Aleppo.": "Aleppo",
        "Das russische Zentrum für Versöhnung in Syrien teilte mit, dass Rebellen Aleppo "
        "beschossen.": "Aleppo",
        "Le Conseil militaire de Manbij a indiqué que des obus sont tombés sur Jarablus.": (
            "Jarablus"
        ),
    }
    for text, place in cases.items():
        assert _places(text) == [place], text
    # a place after "à" is where the organisation is, and stays a place
    assert "Damas" in _places("Le Bureau de l'ONU à Damas a condamné les frappes.")


def test_a_name_with_a_title_in_apposition_is_a_person_and_so_is_its_surname():
    # SMART News, 19 Dec 2018: "al-Hassan" (a village of India too) is the group's official
    text = (
        "Abdulrazak al-Hassan, a media official in the Jaysh al-Ezzah, reported that their "
        "fighters attacked the checkpoint in the village of al-Masasinah in Hama. Al-Hassan "
        "added that the attack was revenge, according to al-Hassan."
    )
    assert not [p for p in _places(text) if "Hassan" in p]
    persons = [e.text for e in geozones.extract(text).entities if e.kind == "person"]
    assert persons == ["Abdulrazak al-Hassan", "Al-Hassan", "al-Hassan"]
    # a place with a plain description after its comma stays a place
    assert _places("They shelled Maarat al-Numan, a town on the highway.") == ["Maarat al-Numan"]


def test_forces_head_an_arabic_organisations_name_even_in_quotes():
    # Syria News, 11 Sep 2017: قوات "سوريا الديمقراطية" (the SDF) is no mention of Syria
    text = 'أصدرت قوات "سوريا الديمقراطية" المدعومة من قبل الولايات المتحدة بيانا.'
    assert _places(text) == ["الولايات المتحدة"]
    assert _places("انتسبوا إلى قوات “سوريا الديمقراطية” في ريف دير الزور.") == ["ريف دير الزور"]
    # forces of a country named after them are that country's forces: no name follows
    assert "كفرنبل" in _places("سيطرت قوات النظام على قرية كفرنبل في ريف إدلب.")


def test_a_turkish_organisation_noun_in_a_compound_name_holds_the_country():
    # Dik Gazete (AA), 2017: "Özgür Suriye Ordusu" is the Free Syrian Army
    text = "Türkmendağı bölgesindeki Özgür Suriye Ordusunun (ÖSO) saha komutanlarından biri"
    assert "Suriye" not in _places(text)
    assert "Suriye" not in _places("TSK ile Suriye Milli Ordusu'nun yürüttüğü harekât sürüyor.")
    # the country's army in lower case is the country (the set's country guideline)
    assert _places("İdlib'deki operasyonlarını sürdüren Suriye ordusunun kaynağı") == [
        "İdlib",
        "Suriye",
    ]


def test_an_outlet_in_quotes_after_its_reporter_is_no_place_nor_date():
    # Halab Today TV, 19 Jun 2019: "مراسل “حلب اليوم”" is the channel's reporter, not Aleppo
    text = "قضى 11 شخصاً في قرية بينين. وأفاد مراسل “حلب اليوم” بأن الحصيلة الأولية بلغت 11."
    ex = geozones.extract(text, published="2019-06-19")
    assert "حلب" not in [m.text for m in ex.places]
    assert ("حلب اليوم", "news") in [(e.text, e.kind) for e in ex.entities]
    assert [d.text for d in ex.dates] == []
    # the reporter of a place without quotes is in that place
    assert "حلب" in _places("وقال مراسلنا في حلب إن القصف استهدف المدينة.")


def test_a_council_of_the_town_of_x_holds_the_town_in_its_name():
    # Akhbar al-Aan, Aug 2016: "المجلس العسكري لمدينة منبج وريفها" (the Manbij Military Council)
    text = "كما سيطر المجلس العسكري لمدينة منبج وريفها، على قرية عين النخيل شمال المدينة."
    ex = geozones.extract(text)
    assert "منبج" not in [m.text for m in ex.places]
    assert "المجلس العسكري لمدينة منبج وريفها" in [e.text for e in ex.entities]
    assert "عين النخيل" in [m.text for m in ex.places]
    # the town itself, with its countryside, after a verb of control stays a place
    assert "منبج" in _places("سيطر الجيش على مدينة منبج وريفها.")


def test_an_arabic_group_head_spelled_with_an_apostrophe_heads_the_name():
    # Mediapart (AFP), 27 Jul 2019: "Hay’at Tahrir el-Cham" is HTS, not Damascus (al-Sham)
    text = "La province est dominée par les jihadistes de Hay’at Tahrir el-Cham (HTC)."
    ex = geozones.extract(text)
    assert ex.places == []
    assert "Hay’at Tahrir el-Cham" in [e.text for e in ex.entities]
    assert _places("Hay'at Tahrir al-Sham fighters withdrew from Khan Sheikhun.") == [
        "Khan Sheikhun"
    ]
