"""Round 17 of issue 16: rules learnt from heldout16's misses (passages 340-363), each
tested on the real sentence that showed it and on a sentence where the rule must not fire.
The rules read how a reader knows what a name is (a distance measured from it, the quarters
of a city, a credit line), not the names of the batch."""

from __future__ import annotations

import geozones


def _places(text: str) -> dict[str, tuple[str, str, str]]:
    ex = geozones.extract(text)
    return {m.text: (m.place.name, m.place.country, m.kind) for m in ex.places}


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in geozones.extract(text).places]


def test_a_distance_measured_from_a_capital_makes_it_the_city():
    # KOM News (341): "55km to the west of Raqqa" came out as the governorate
    text = (
        "The SDF took over the Tabqah airbase on Sunday cutting off the roads to the city of "
        "Tabqah, 55km to the west of Raqqa, the Islamic State's last stronghold."
    )
    assert ("Raqqa", "place") in _kinds(text)


def test_a_capital_without_a_distance_stays_the_governorate():
    # round 21: Raqqa alone is the city by default (_capital_reading.CITY_BY_DEFAULT), so Idlib
    text = "The convoy travelled 55km through Idlib, the rebels' last stronghold."
    assert ("Idlib", "region") in _kinds(text)


def test_a_road_connection_to_a_capital_makes_it_the_city():
    # KOM News (341): "the eastward and final road connection to Raqqa"
    text = "If the two groups meet, the final road connection to Raqqa would be cut off."
    assert ("Raqqa", "place") in _kinds(text)
    text = "If the two groups meet, the final connection with Idlib would be cut off."
    assert ("Idlib", "region") in _kinds(text)  # round 21: not Raqqa, the city by default


def test_the_cities_of_a_capital_and_a_town_are_two_cities():
    # Palpress relaying AFP (346): "the cities of Hasaka and Qamishli"
    text = "Damascus maintains some troops, especially in the cities of Hasaka and Qamishli."
    assert ("Hasaka", "place") in _kinds(text)
    # without the plural noun the capital named alone stays the governorate
    assert ("Hasaka", "region") in _kinds("Troops were sent to Hasaka and Qamishli.")


def test_the_quarters_of_aleppo_with_a_compass_adjective_are_the_citys():
    # Xinhua (360): "أحياء حلب الشرقية", the eastern quarters of Aleppo, not east Aleppo
    text = "وسيطر الجيش السوري على عدة أحياء جديدة داخل أحياء حلب الشرقية وقلص الجزء المتبقي."
    got = _places(text)
    assert got["حلب"][2] == "place"
    # the compass adjective without the quarters still makes the area
    got = _places("قصفت الطائرات قرى حلب الشرقية وريف إدلب.")
    assert got["حلب الشرقية"][2] == "region"


def test_a_headlines_last_place_does_not_make_the_storys_first_verb_a_list():
    # Rebaz News citing Sputnik (356): "كشف مراسل" (a reporter revealed) opens the story
    # under a headline that ends with a place; a line's end is no list: not the village Kashf
    text = (
        "تساقط صواريخ تركية على قرى تل تمر بمحافظة الحسكة\n\n"
        'كشف مراسل "سبوتنيك" في محافظة الحسكة أن القصف طال القرى'
    )
    assert "كشف" not in _places(text)
    # the same village in a list on one line is still a place
    got = _places("قصفت الطائرات قرى حماة الشرقية: عقيربات، كشف، ورسم الأحمر")
    assert got["كشف"][1] == "SY"


def test_a_one_word_village_before_a_definite_noun_heads_that_phrase():
    # Xinhua (360) "وصور الرئيس" (pictures of the president: not Sur), News Today (361)
    # "إلى تبني الهجوم" (to claiming the attack: not Tabni), Turkey Alaan (355) "سيّرت
    # القوات" (the forces dispatched: not Siirt)
    assert not _places(
        "بينما خرجت قافلة سيارات تحمل الاعلام السورية وصور الرئيس بشار الاسد وسط اطلاق أعيرة"
    )
    assert not _places("وسارع تنظيم “داعش” الإرهابي إلى تبني الهجوم.")
    assert "سيّرت" not in _places("سيّرت القوات المسلحة التركية الدورية الثانية عشر في منبج")


def test_a_village_before_a_time_word_or_an_agreeing_participle_stays_a_village():
    assert _places("قصفت الطائرات بلدة تبني اليوم وقتلت ثلاثة مدنيين.")["تبني"][1] == "SY"
    got = _places("سيطرت الفصائل على قرية صور الواقعة في ريف دير الزور")
    assert got["صور"][0] == "Sur"


def _entities(text: str) -> dict[str, str]:
    return {e.text: e.kind for e in geozones.extract(text).entities}


def test_a_name_followed_by_its_initials_is_an_organisations():
    # Diyaruna (345): the group's full name in quotation marks, then "(ISIS)": no Iraq, Syria
    text = (
        "Tension prevails in the southern Syrian city of Sweida after gunfire rang out during "
        'a sit-in held by the families of 27 civilians abducted by the "Islamic State of Iraq '
        'and Syria" (ISIS).'
    )
    got = _places(text)
    assert "Iraq" not in got and "Syria" not in got and "Sweida" in got
    assert _entities(text)["Islamic State of Iraq and Syria"] == "organization"


def test_a_place_with_its_initials_stays_a_place():
    # brackets that do not spell the words' initials, and a region's name with its initials
    got = _places("Fighting went on in Iraq and Syria (AFP) on Monday.")
    assert got["Iraq"][1] == "IQ"
    got = _places("reinforcements from the Middle Euphrates River Valley (MERV) reached Hajin")
    assert "Middle Euphrates River Valley" in got


def test_a_name_cut_at_its_article_far_from_the_texts_places_is_no_place():
    # NSO (342): the reporter's name under the story, "Obada Al-Hussien": not Obada near
    # Damascus, 400 km from the Deir ez-Zor villages of the story
    text = (
        "ISIS still controls al-Ashara city, Sbeikhan and Hajin in the eastern countryside of "
        "Deir Ezzor province.\n\nObada Al-Hussien\n\nA journalist works in audio and written "
        "editorial."
    )
    got = _places(text)
    assert not any(k.startswith("Obada") for k in got) and "Hajin" in got


def test_a_town_cut_at_its_article_near_the_texts_places_stays_the_town():
    # Friends of Syria (307): "Daraa Al-Bilad", the old town of Daraa, among Daraa's quarters
    got = _places(
        "Syrian troops failed to break through the jihadist defensive line at the "
        "Al-Manishiyah and Daraa Al-Bilad districts, near Busra al-Harir."
    )
    assert any(k.startswith("Daraa") and v[1] == "SY" for k, v in got.items())


def test_a_country_the_arabic_press_names_is_found():
    # Gorran (353): "سويسرا" (Switzerland) came out as nothing
    got = _places("قالت منظمة مقرها سويسرا إن الغارات قتلت 11 شخصا.")
    assert got["سويسرا"][1] == "CH" and got["سويسرا"][2] == "country"


def test_and_before_an_arabic_name_starts_a_list_not_a_longer_name():
    # kks-sy (363): "جرابلس والراعي والباب" came out as one fuzzy name, Riba near Hama
    got = _places("“طهرنا من قبل جرابلس والراعي والباب والآن استطعنا تطهير مدينة عفرين”")
    assert all(v[0] != "Riba" for v in got.values()) and "والباب" in got


def test_another_name_in_brackets_after_a_countryside_takes_its_cue():
    # Rebaz News (356): "بريف سري كانيه (رأس العين)", the countryside of Ras al-Ain
    text = "سيطروا على قرى الرشيدية والقاسمية بريف سري كانيه (رأس العين) شمالي غربي الحسكة"
    assert [v[2] for k, v in _places(text).items() if k.endswith("رأس العين")] == ["region"]
    # a town in brackets with no countryside before it stays the town
    text = "دخلت القوات بلدة تل حلف قرب سري كانيه (رأس العين) شمالي غربي الحسكة"
    assert [v[2] for k, v in _places(text).items() if k.endswith("رأس العين")] == ["place"]


def test_the_two_names_after_a_dual_admin_noun_are_areas():
    # Turkey Alaan (355): "بين منطقتي “عملية درع الفرات” و”منبج”", the Manbij area
    text = (
        "سيّرت القوات الدورية الثانية عشر على طول الخط الفاصل بين منطقتي “عملية درع الفرات” و”منبج”."
    )
    assert _places(text)["منبج"][2] == "region"
    # the dual governs two names only: a town after them stays a town
    text = "لتجهيز المزيد من الحافلات في منطقتي الحولة وتلبيسة وسيرها عبر ممر الرستن"
    assert _places(text)["الرستن"][2] == "place"


def test_a_country_that_names_a_region_with_kurdistan_is_the_regions():
    # Rebaz News (356): "بكوردستان سوريا" (in Syrian Kurdistan), the set's one region
    text = "كشف مراسل في محافظة الحسكة بكوردستان سوريا اليوم أن القصف طال القرى."
    assert "سوريا" not in _places(text)
    got = _places("قالت مصادر في سوريا إن القصف طال القرى.")
    assert got["سوريا"][2] == "country"


def test_a_lists_last_item_that_runs_on_into_its_clause_is_no_name():
    # An-Najah (354): "على أحياء الكراج القديم، الأشرفية، الجميلية، ليصبح بذلك وسط المدينة"
    text = (
        "وسيطرت قوات غصن الزيتون صباح اليوم على أحياء عفرين، راجو، جنديرس، الأشرفية، الجميلية، "
        "ليصبح بذلك وسط المدينة تحت سيطرة القوات"
    )
    assert not any("ليصبح" in k for k in _places(text))
    # a name that opens the run-on item is kept: "أرنبة، الحلوبة دون تفاصيل" (63)
    text = (
        "استهدف القصف من الصباح قرى عين لاروز، كنصفرة، البارة، الموزرة، أرنبة، الحلوبة دون "
        "تفاصيل عن الخسائر."
    )
    assert "الحلوبة" in _places(text)


def test_a_shadda_on_a_town_abroad_marks_a_verb():
    # Turkey Alaan (355): "إن قواتها سيّرت بالتنسيق" (its forces dispatched): not Siirt
    assert not _places("وقالت الأركان التركية إن قواتها سيّرت بالتنسيق مع نظيرتها الأمريكية")
    # a village at home keeps its marked doubled letter: "نبّل" (NSO, 184)
    got = _places("وصلت التعزيزات إلى بلدتي نبّل والزهراء شمال حلب")
    assert got["نبّل"][1] == "SY"


def test_a_town_near_its_neighbour_in_a_list_stays_itself():
    # kks-sy (363): "جرابلس والراعي والباب" in a paragraph about Afrin: al-Rai lies 27 km from
    # al-Bab, its neighbour in the list, though far from the paragraph's centre near Afrin
    text = (
        "سيطرت قوات الجيش السوري الحر على قريتي كيمار وبراد جنوب عفرين الواقعتان على مقربة من "
        "بلدتي نبل والزهراء شمال حلب، وقال القائد: “طهرنا من قبل جرابلس والراعي والباب والآن "
        "استطعنا تطهير مدينة عفرين وجوارها”."
    )
    got = _places(text)
    assert got["والراعي"][0] == "Ar-Ra'ee"


def test_a_capital_that_is_the_texts_only_place_and_called_the_city_is_the_city():
    # CNAS relaying Kurdistan 24 (349): every "Raqqa" of a story told in the city
    text = (
        "Security forces in Raqqa bust ISIS sleeper cell\n"
        "Security forces in Syria's Raqqa on Sunday arrested six people. “The security forces "
        "in Raqqa have arrested six individuals who are responsible for explosions in the city "
        "of Raqqa,” the media center said."
    )
    assert {k for k, v in _kinds(text) if k == "Raqqa"} == {"Raqqa"}
    assert all(v == "place" for k, v in _kinds(text) if k == "Raqqa")
    # EG News 24 (362): "انفجار بإدلب … قرب دوار الشمعات في المدينة"
    text = (
        "قتلى وجرحى في انفجار بإدلب السورية\nأفاد المرصد بسقوط قتيل في انفجار بإدلب. وقال "
        "المرصد إن الانفجار وقع قرب دوار الشمعات في المدينة حيث لقي مقاتل حتفه."
    )
    assert [v for k, v in _kinds(text) if k.endswith("إدلب")] == ["place", "place"]


def test_a_lone_capital_with_a_province_word_in_the_text_stays_the_province():
    # Rustavi 2 (314): "airstrikes in Idlib ... in Syria's last opposition-held province"
    text = (
        "At least 21 civilians have been killed in airstrikes in Idlib amid a continuing "
        "offensive, despite a ceasefire in Syria's last opposition-held province. The strikes "
        "hit a market in Idlib city."
    )
    assert _kinds(text)[0] == ("Idlib", "region")


def test_a_village_read_after_a_glued_fa_is_the_word_it_ends():
    # An-Najah (354): "بدأت التوغل فعليا ليل السبت" (began the incursion in earnest): not the
    # village Aaliaa
    text = "وقالت إن فصائل المعارضة بدأت التوغل فعليا ليل السبت، وخاضت معارك على أطراف عفرين."
    assert "عليا" not in _places(text)
    # the same village after a preposition stays a place
    assert "عليا" in _places("قصفت الطائرات قرية عليا قرب عفرين")
