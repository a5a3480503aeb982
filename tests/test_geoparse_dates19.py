"""Round 19 of issue 16, item 2: the dates heldout18 missed (passages 412-435) and the
general forms behind them, each rule tested on the real sentence of its passage
(benchmarks/geoparse_real/) and on sentences made for the general form (both Arabic month
series, Arabic-Indic digits, other languages, and the readings a rule must not take)."""

from __future__ import annotations

import datetime as dt

import geozones

#: A Monday, the page's date of the sentences made for the general forms.
PAGE = dt.date(2020, 7, 13)


def _dates(text: str, published: dt.date | str | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in geozones.extract(text, published=published).dates]


def test_a_year_with_its_era_letter():
    # Anaween via Sauress (431), a page without date: "الثلاثاء (19 نوفمبر 2019م)" dates the
    # story; the Gregorian era letter glued to the year hid the year, and with it the day
    text = (
        "شهدت القنيطرة السورية، الثلاثاء (19 نوفمبر 2019م)، إسقاط 4 صواريخ. من جانبه، قال "
        "الجيش الإسرائيلي إن أنظمته الدفاعية أسقطت 4 صواريخ في وقت مبكر (الثلاثاء)."
    )
    assert _dates(text) == [
        ("الثلاثاء", "2019-11-19"),
        ("19 نوفمبر 2019", "2019-11-19"),
        ("الثلاثاء", "2019-11-19"),  # named again: the same day
    ]
    # the general form: both month series, both digit sets, a numeric date, a month alone
    for sentence, iso in [
        ("سقطت القذائف في 19 نوفمبر 2019م على المدينة", "2019-11-19"),
        ("سقطت القذائف في ١٩ تشرين الثاني ٢٠١٩م على المدينة", "2019-11-19"),
        ("سقطت القذائف في 19/11/2019م على المدينة", "2019-11-19"),
        ("بدأت العملية في آذار 2018م", "2018-03"),
        ("بدأت العملية عام 2018م", "2018"),
    ]:
        assert [iso] == [d for _, d in _dates(sentence, PAGE)], sentence
    # a word that starts with the letter is no era: "2019 مقاتلا" stays a count
    assert _dates("قتل 2019 مقاتلا", PAGE) == []


def test_a_weekday_joins_its_gregorian_date_across_the_hijri_one():
    # the Gulf style: the weekday, the Hijri date, then "الموافق" and the Gregorian date
    for text in [
        "وذلك يوم الأحد 22 ربيع الأول 1441هـ الموافق 17 نوفمبر 2019م.",
        "وذلك يوم الأحد ٢٢ ربيع الأول ١٤٤١هـ، الموافق ١٧ تشرين الثاني ٢٠١٩م.",
    ]:
        got = _dates(text)
        assert len(got) == 1 and got[0][1] == "2019-11-17", text
        assert got[0][0].startswith("يوم الأحد"), text
    # the Gregorian date first, the Hijri one after: the weekday and its date, as before
    assert _dates("وذلك يوم الأحد 17 نوفمبر 2019م الموافق 20 ربيع الأول 1441هـ.") == [
        ("يوم الأحد 17 نوفمبر 2019", "2019-11-17")
    ]


def test_the_month_of_ramadan_dates_an_event():
    # War Diary (422), 21 May 2020: "the third joint patrol during the month of Ramadan"
    text = (
        "On Thursday, Russian Military Police conducted a joint patrol with Turkish forces in "
        "the western countryside of Kobani, which is the third joint patrol during the month of "
        "Ramadan, and the 18th since the patrols began."
    )
    assert _dates(text, dt.date(2020, 5, 21)) == [
        ("On Thursday", "2020-05-21"),
        ("Ramadan", "2020-04-24/2020-05-23"),
    ]
    for sentence in [
        "The army shelled the town during the holy month of Ramadan.",
        "L'armée a bombardé la ville pendant le mois de ramadan.",
        "Die Armee beschoss die Stadt im Fastenmonat Ramadan.",
        "Die Armee beschoss die Stadt während des Ramadan.",
        "قصف الجيش المدينة خلال شهر رمضان المبارك.",
    ]:
        assert [d for _, d in _dates(sentence, dt.date(2020, 5, 21))] == [
            "2020-04-24/2020-05-23"
        ], sentence
    # the custom explained after a word of fasting is no date (GFATF, 179), in any language
    for sentence in [
        "The meal that breaks day-long fasting during the Muslim holy month of Ramadan.",
        "Le jeûne pendant le mois de ramadan est une obligation.",
        "يحرص الناس على الصيام في شهر رمضان.",
    ]:
        assert _dates(sentence, dt.date(2020, 5, 21)) == [], sentence
    # a man named Ramadan is no month, as before
    assert _dates("Mohammed Ramadan said the army advanced.", PAGE) == []


def test_an_arabic_night_of_one_weekday_to_the_next():
    # Rudaw via Hathalyoum (427), 18 September 2018: "ليل الاثنين/الثلاثاء" is the night
    # that Monday begins, one date (as the set marks "ليلة الأحد – الاثنين", 213)
    text = "تسبب القصف الصاروخي الذي استهدف ليل الاثنين/الثلاثاء مدينة اللاذقية"
    assert _dates(text, dt.date(2018, 9, 18)) == [("ليل الاثنين/الثلاثاء", "2018-09-17")]
    for sentence in [
        "وقع القصف في ليلة الأحد على الاثنين في المدينة",
        "وقع القصف ليل الأحد إلى الاثنين في المدينة",
        "وقع القصف ليل الأحد – الاثنين في المدينة",
    ]:
        assert _dates(sentence, PAGE) == [(_dates(sentence, PAGE)[0][0], "2020-07-12")], sentence
        assert _dates(sentence, PAGE)[0][0].endswith("الاثنين"), sentence
    # "ليل" before one weekday is that night
    assert _dates("قصفت الطائرات البلدة ليل الأربعاء", PAGE) == [("ليل الأربعاء", "2020-07-08")]
    # the French night stays two dates, each its day, as the set marks it (199)
    assert _dates("Dans la nuit de dimanche à lundi, les raids ont repris.", PAGE) == [
        ("dimanche", "2020-07-12"),
        ("lundi", "2020-07-13"),
    ]


def test_today_side_by_side_with_its_written_date_is_one_date():
    # Kurdistan Antenna (348), a page dated the next morning: "this evening Saturday 20 June
    # 2020" is one date, the day written (the set marks it so)
    text = "An explosive device has exploded this evening Saturday 20 June 2020 in Afrin."
    assert _dates(text, dt.date(2020, 6, 21)) == [
        ("this evening Saturday 20 June 2020", "2020-06-20")
    ]
    assert _dates("قصفت الطائرات اليوم 13 تشرين الثاني 2019 البلدة", dt.date(2019, 11, 14)) == [
        ("اليوم 13 تشرين الثاني 2019", "2019-11-13")
    ]
    # after a comma or in brackets: two mentions of the same day (Enab Baladi 136, Syria
    # News 255, Rebaz News 356, Alwasat relaying dpa 232)
    assert _dates("ذكرت وسائل الإعلام اليوم، الثلاثاء 17 من تموز، أن", dt.date(2018, 7, 17)) == [
        ("اليوم", "2018-07-17"),
        ("الثلاثاء 17 من تموز", "2018-07-17"),
    ]
    got = _dates(
        "أفاد المرصد اليوم الأربعاء (23 نوفمبر/ تشرين الثاني 2016) بأن", dt.date(2016, 11, 23)
    )
    assert got == [("اليوم الأربعاء", "2016-11-23"), ("23 نوفمبر/ تشرين الثاني 2016", "2016-11-23")]
    assert _dates(
        "Two men were killed yesterday, Monday, 21 December 2020.", dt.date(2020, 12, 22)
    ) == [
        ("yesterday", "2020-12-21"),
        ("Monday, 21 December 2020", "2020-12-21"),
    ]


def test_german_hier_is_here_not_yesterday():
    # tagesschau.de (306): "auch hier am Boden" (here, on the ground) was read as French
    # "hier", yesterday
    text = "Die Anti-IS-Koalition unterstützt uns aus der Luft und auch hier am Boden."
    assert _dates(text, "2016-11") == []
    assert _dates("Hier kämpfen wir seit Wochen, sagt ein Kämpfer.", PAGE) == []
    # the French "hier" stays yesterday
    for sentence in [
        "Au moins 12 civils ont été tués hier dans des raids aériens à Alep.",
        "Hier, les rebelles ont repris la ville.",
        "Le régime a bombardé hier soir la ville de Deraa, selon l'OSDH.",
    ]:
        assert [d for _, d in _dates(sentence, PAGE)] == ["2020-07-12"], sentence


def test_a_german_year_after_its_verb():
    # TT via dpa (338): "Die Türkei hatte 2016 den Militäreinsatz „Euphrat-Schild“ gestartet"
    text = "Die Türkei hatte 2016 den Militäreinsatz „Euphrat-Schild“ gestartet."
    assert _dates(text, "2019-10") == [("2016", "2016")]
    assert _dates("Die Türkei startete 2018 eine Offensive gegen die YPG.", PAGE) == [
        ("2018", "2018")
    ]
    assert _dates("Russland griff 2015 erstmals in den Krieg ein.", PAGE) == [("2015", "2015")]
    # a count before its noun, and an English "die", are no years
    assert _dates("Die Armee hatte 2000 Soldaten in die Region geschickt.", PAGE) == []
    assert _dates("Some 2016 die every year of cancer.", PAGE) == []
    assert _dates("Il y avait quelque 2000 des habitants dans la ville.", PAGE) == []


def test_general_forms_of_arabic_month_pairs_ranges_and_years():
    for sentence, iso in [
        # a month pair with a blank between its names, both series, both orders
        ("وقع الهجوم في 12 أغسطس آب 2019", "2019-08-12"),
        ("وقع الهجوم في 5 شباط فبراير 2019", "2019-02-05"),
        ("وقع الهجوم في ٥ سبتمبر أيلول ٢٠١٩", "2019-09-05"),
        ("وقع الهجوم في 5 نوفمبر تشرين ثاني 2019", "2019-11-05"),
        # "من العام" between a month and its year
        ("وقع الهجوم في أيلول من العام 2019", "2019-09"),
        ("وقع الهجوم في 5 أيلول من العام 2019", "2019-09-05"),
        # a range closed by "حتى" or "لغاية"
        ("استمرت المعارك في الفترة من 3 حتى 5 مارس 2020", "2020-03-03/2020-03-05"),
        ("استمرت المعارك من 3 لغاية 5 آذار 2020", "2020-03-03/2020-03-05"),
        # the Moroccan January
        ("وقع الهجوم في 5 ينار 2019", "2019-01-05"),
        # the Turkish day before yesterday, "evvelsi gün"
        ("Ordu evvelsi gün ilerledi.", "2020-07-11"),
        ("Ordu evvelki gün ilerledi.", "2020-07-11"),
    ]:
        assert [d for _, d in _dates(sentence, PAGE)] == [iso], sentence
    # a month name that is a verb in another sense keeps its month when alone: "مارس" after
    # a weekday name is no pair
    assert _dates("وقع الهجوم في 12 أغسطس، ثم مارس الجيش ضغوطا", PAGE)[0][1] == "2020-08-12"


def test_arabic_day_with_its_article_the_years_of_a_pair_and_a_unit_ago():
    for sentence, iso in [
        # the article glued to a day's number, Arabic-Indic and Persian digits too
        ("قصف الجيش البلدة في الـ12 من تموز.", "2020-07-12"),
        ("قصف الجيش البلدة في ال12 من تموز.", "2020-07-12"),
        ("قصف الجيش البلدة يوم الـ12 من الشهر الماضي.", "2020-06-12"),
        ("قصف الجيش البلدة في الـ١٢ من شهر تموز ٢٠١٩.", "2019-07-12"),
        ("قصف الجيش البلدة في الـ۱۲ من الشهر الجاري.", "2020-07-12"),
        # "السنة الفائتة", the year before
        ("قصف الجيش البلدة السنة الفائتة.", "2019"),
        # a unit alone after "قبل", closing its clause: one unit ago
        ("قصف الجيش البلدة قبل أسبوع.", "2020-07-06/2020-07-12"),
        ("قتل قبل عام، في المعارك.", "2019"),
    ]:
        assert [d for _, d in _dates(sentence, PAGE)] == [iso], sentence
    # "the years 2018 and 2019": both
    assert [d for _, d in _dates("قصف الجيش البلدة بين عامي 2018 و2019.", PAGE)] == [
        "2018",
        "2019",
    ]
    # a count with the article, "before the year 2011", "a day before the attack": no
    # such readings
    assert _dates("قُتل الـ12 شخصاً في الغارة", PAGE) == []
    assert _dates("قصف الجيش البلدة قبل عام 2011.", PAGE) == [("2011", "2011")]
    assert _dates("وصل قبل يوم من الهجوم.", PAGE) == []


def test_the_next_week_month_and_year_in_french_german_and_turkish():
    for sentence, iso in [
        ("Les élections auront lieu la semaine prochaine.", "2020-07-20/2020-07-26"),
        ("Les élections auront lieu le mois prochain.", "2020-08"),
        ("Les élections auront lieu l'an prochain.", "2021"),
        ("Les élections auront lieu l’année prochaine.", "2021"),
        ("Die Wahlen finden nächste Woche statt.", "2020-07-20/2020-07-26"),
        ("Die Wahlen finden in der kommenden Woche statt.", "2020-07-20/2020-07-26"),
        ("Die Wahlen finden nächsten Monat statt.", "2020-08"),
        ("Die Wahlen finden im nächsten Jahr statt.", "2021"),
        ("Seçimler önümüzdeki hafta yapılacak.", "2020-07-20/2020-07-26"),
        ("Seçimler gelecek ay yapılacak.", "2020-08"),
        ("Seçimler önümüzdeki yıl yapılacak.", "2021"),
        ("Seçimler bu ay yapılacak.", "2020-07"),
    ]:
        assert [d for _, d in _dates(sentence, PAGE)] == [iso], sentence


def test_ranges_take_the_year_their_end_writes():
    for sentence, iso in [
        ("The army shelled the town from March 3 to March 5, 2019.", "2019-03-03/2019-03-05"),
        ("The talks ran from December 30 to January 2, 2019.", "2018-12-30/2019-01-02"),
        # French "entre le 3 et le 5 juillet", as English "between 3 and 5 March"
        ("Les frappes ont eu lieu entre le 3 et le 5 juillet.", "2020-07-03/2020-07-05"),
        ("Talks were held between 3 and 5 March.", "2020-03-03/2020-03-05"),
        # an abbreviated month before its year
        ("The army shelled the town in Jan. 2019.", "2019-01"),
    ]:
        assert [d for _, d in _dates(sentence, PAGE)] == [iso], sentence
    # without a year on either end: the page's, as before
    assert _dates("The army shelled the town from March 3 to March 5.", PAGE) == [
        ("March 3 to March 5", "2020-03-03/2020-03-05")
    ]


def test_arabic_counts_parts_of_a_month_and_persian_letters():
    for sentence, iso in [
        # the count before a feminine noun, and "about" before it
        ("قصف الجيش البلدة قبل ثلاث سنوات.", "2017"),
        ("قصف الجيش البلدة قبل خمس سنوات.", "2015"),
        ("قصف الجيش البلدة قبل نحو أسبوعين.", "2020-06-29/2020-07-05"),
        ("قصف الجيش البلدة قبل حوالي ثلاثة أشهر.", "2020-04"),
        # a part of a month names the month, not its second day
        ("قصف الجيش البلدة في النصف الثاني من حزيران.", "2020-06"),
        ("قصف الجيش البلدة في الأسبوع الأخير من حزيران.", "2020-06"),
        # the dual "شهري" before two months: the first
        ("قصف الجيش البلدة خلال شهري حزيران وتموز.", "2020-06"),
        # the Persian yeh and kaf of Kurdish keyboards, Persian digits
        ("قصف الجيش البلدة في ۵ حزیران ۲۰۲۰.", "2020-06-05"),
        ("قصف الجيش البلدة في 5 کانون الثاني 2020.", "2020-01-05"),
    ]:
        assert [d for _, d in _dates(sentence, PAGE)] == [iso], sentence
    # "the second day of June" stays the day
    assert [d for _, d in _dates("قصف الجيش البلدة في الثاني من حزيران.", PAGE)] == ["2020-06-02"]


def test_a_turkish_night_of_one_day_to_the_next_is_its_first_day():
    for sentence, iso in [
        ("Ordu kenti cumartesiyi pazara bağlayan gece bombaladı.", "2020-07-11"),
        ("Ordu kenti perşembeyi cumaya bağlayan gece bombaladı.", "2020-07-09"),
        ("Ordu kenti cumayı cumartesiye bağlayan gece bombaladı.", "2020-07-10"),
    ]:
        assert [d for _, d in _dates(sentence, PAGE)] == [iso], sentence
    # a weekday with a case ending elsewhere is no date of this kind
    assert _dates("Cumartesiyi bekliyoruz.", PAGE) == []


def test_the_week_month_and_year_before_last():
    for sentence, iso in [
        ("قصف الجيش البلدة الشهر قبل الماضي.", "2020-05"),
        ("قصف الجيش البلدة العام قبل الماضي.", "2018"),
        ("قصف الجيش البلدة السنة قبل الماضية.", "2018"),
        ("قصف الجيش البلدة الأسبوع قبل الماضي.", "2020-06-29/2020-07-05"),
        ("The army shelled the town the year before last.", "2018"),
        ("The army shelled the town the month before last.", "2020-05"),
        ("Die Armee beschoss die Stadt im vorletzten Jahr.", "2018"),
        ("Die Armee beschoss die Stadt vorletzte Woche.", "2020-06-29/2020-07-05"),
    ]:
        assert [d for _, d in _dates(sentence, PAGE)] == [iso], sentence
    # the month before the page's, as before
    assert [d for _, d in _dates("قصف الجيش البلدة الشهر الماضي.", PAGE)] == ["2020-06"]
