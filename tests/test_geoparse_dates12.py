"""Round 12 of issue 16, item 2: dates read like a reader reads them, each rule tested on the
real sentence of the passage (benchmarks/geoparse_real/) whose date it missed."""

from __future__ import annotations

import datetime as dt

import geozones
from geozones.geoparse.dates._extract import extract_dates


def _dates(text: str, published: dt.date | str | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in geozones.extract(text, published=published).dates]


def test_a_relative_day_before_a_weekday_is_one_date_of_the_past():
    # Al Yaoum 24 (137), a page of Sunday 8 April 2018: "the day before yesterday, Friday"
    assert _dates(
        "وبدأت قوات النظام، أول أمس الجمعة، شن هجمات جوية، وبرية عنيفة على دوما",
        dt.date(2018, 4, 8),
    ) == [("أول أمس الجمعة", "2018-04-06")]
    # Agence Afrique (107), no date on the page: one date, its week unknown
    got = _dates(
        "Au moins onze civils, dont trois enfants, ont été tués hier mardi au nord-ouest de la "
        "Syrie, dans des raids aériens du régime de Bachar El-Assad."
    )
    assert got == [("hier mardi", None)]
    # a future word later in the sentence does not move "yesterday Tuesday" ahead
    text = "Gestern Dienstag wurde der Angriff gemeldet, die Armee wird weiter vorrücken."
    ms, _ = extract_dates(text, dt.date(2019, 5, 15))
    assert [m.iso for m in ms] == ["2019-05-14"]


def test_arabic_day_before_yesterday_and_the_current_month():
    # Emarat Al Youm (139), 12 July 2018
    text = (
        "وكشف المصدر أن «مسلحين من جماعة أنصار الإسلام نفذوا، أول من أمس، عملية انتحارية على "
        "مواقع القوات الحكومية». وأن عشرات من القوات الحكومية سقطوا قتلى وجرحى، منذ مطلع "
        "الشهر الجاري، وأن المعارك هي الأعنف."
    )
    assert _dates(text, dt.date(2018, 7, 12)) == [
        ("أول من أمس", "2018-07-10"),
        ("الشهر الجاري", "2018-07"),
    ]
    # Radio al-Kul (192), Al-Mohrar (163): no date on the page, so no month and no year
    got = _dates("استنفاراً أمنياً منذ بداية الشهر الحالي.")
    assert got == [("الشهر الحالي", None)]
    got = _dates("قد اعلنوا في وقت سابق من العام الجاري، نهاية تنظيم داعش")
    assert got == [("العام الجاري", None)]


def test_the_day_before_counts_from_the_date_named_before_it():
    # La Référence relaying AFP (199): "la veille" of Thursday 29 August 2019
    text = (
        "Les forces syriennes soutenues par la Russie ont conquis ce jeudi 29 août 2019 de "
        "nouveaux secteurs dans la province d’Idleb. Lors de frappes de l’armée sur deux "
        "villages d’Idleb, sept civils dont deux enfants ont été tués, tandis que la veille, "
        "des raids de l’armée ont tué au moins 12 civils."
    )
    got = _dates(text, dt.date(2019, 8, 29))
    assert ("la veille", "2019-08-28") in got
    # "the day before the vote" names another day than the one before
    ms, _ = extract_dates("On 5 March 2020 talks ended; the day before the vote, 3 died.")
    assert [m.text for m in ms] == ["5 March 2020"]
    ms, _ = extract_dates("On 5 March 2020 talks ended. The next day, 3 died.")
    assert [m.iso for m in ms] == ["2020-03-05", "2020-03-06"]


def test_a_lead_naming_its_day_with_the_weekday_dates_the_story():
    # Syrian Mirror (211): a page of 5 December 2016 carrying the story of Friday 18 November;
    # "last night" is the 17th, as the writer wrote it
    text = (
        "تعرضت مدينة دوما في الغوطة الشرقية بريف دمشق، الجمعة 18 تشرين الثاني/نوفمبر 2016، "
        "لقصف جوي ومدفعي مكثّف، أوقع قتلى وجرحى في صفوف المدنيين.\n\n"
        "وتتعرض مدن وبلدت الغوطة الشرقية منذ منتصف ليلة أمس لحملة قصف عنيفة."
    )
    got = dict(_dates(text, dt.date(2016, 12, 5)))
    assert got["الجمعة 18 تشرين الثاني/نوفمبر 2016"] == "2016-11-18"
    assert got["أمس"] == "2016-11-17"
    # a page a day after its lead's day keeps its own date: the writer's yesterday
    ms, ref = extract_dates("Douma was shelled on Friday, 18 November 2016. Yesterday 3 died.",
                            dt.date(2016, 11, 19))  # fmt: skip
    assert ref == dt.date(2016, 11, 19) and ms[-1].iso == "2016-11-18"
    # a date whose weekday does not fit the calendar dates nothing
    ms, ref = extract_dates("Douma was shelled on Monday, 18 November 2016. Yesterday 3 died.",
                            dt.date(2016, 12, 5))  # fmt: skip
    assert ref == dt.date(2016, 12, 5)


def test_the_night_of_one_weekday_to_the_next_is_the_first():
    # CESD (213), a page of 12 November 2019: the night of Sunday to Monday
    text = "وليلة الأحد – الاثنين، هزّ تفجير استهدف دورية لقوات الأمن الكردية المدينة."
    assert _dates(text, dt.date(2019, 11, 12)) == [("ليلة الأحد – الاثنين", "2019-11-10")]


def test_last_week_and_days_ago_in_german_and_arabic():
    # Der Spiegel (181), a page of August 2019 (the month only): the week cannot be known
    text = (
        "In der vergangenen Woche haben die syrische Armee und verbündete Milizen mit Hilfe "
        "russischer Luftangriffe ihre Bodenoffensive verstärkt."
    )
    assert _dates(text, "2019-08") == [("vergangenen Woche", None)]
    assert _dates(text, dt.date(2019, 8, 23)) == [("vergangenen Woche", "2019-08-12/2019-08-18")]
    # NSO (184): "five days ago", no date on the page; with a date, five days before it
    text = "في موازاة العملية التي أطلقتها قبل خمسة أيام، والتي استهدفت أكثر من مئة موقع"
    assert _dates(text) == [("قبل خمسة أيام", None)]
    assert _dates(text, dt.date(2018, 1, 25)) == [("قبل خمسة أيام", "2018-01-20")]
    # "منذ يومين" is a span of time ("for two days"), no date
    assert _dates("لافتين إلى أن القصف الروسي للمدينة مستمر منذ يومين.", dt.date(2019, 5, 8)) == []
    # Naaju (204): tens in words
    ms, _ = extract_dates("after Israel withdrew more than forty years ago.", dt.date(2018, 7, 27))
    assert [m.iso for m in ms] == ["1978"]


def test_a_month_with_its_year_in_words():
    # Xeber24 (219), no date on the page: "March last year" is one date, its year unknown
    text = "And since the Syrian Democratic Forces announced in March last year, the elimination"
    assert _dates(text) == [("March last year", None)]
    assert _dates(text, dt.date(2020, 5, 2)) == [("March last year", "2019-03")]
    # Milat (135): "geçen mart ayında", last March
    text = (
        "TSK ve Özgür Suriye Ordusu, Afrin'i 6 yıllık YPG/PKK işgalinden geçen mart ayında "
        "kurtarmıştı."
    )
    assert _dates(text) == [("mart", None)]
    assert _dates(text, dt.date(2018, 11, 2)) == [("mart", "2018-03")]
    assert _dates(text, dt.date(2019, 2, 2)) == [("mart", "2018-03")]
    # Muslim Press (122): "at August"
    assert _dates("the militants launched a massive strike in Hama at August.") == [
        ("August", None)
    ]
    # Syrian Press Center (63): "5 March last" is the last 5 March before the page
    text = "وأعلنت تركيا وروسيا في 5 من آذار الماضي اتفاق وقف إطلاق النار في محافظة إدلب"
    assert _dates(text, dt.date(2020, 4, 20)) == [("5 من آذار", "2020-03-05")]
    assert _dates(text, dt.date(2020, 2, 20)) == [("5 من آذار", "2019-03-05")]


def test_a_weekday_before_a_day_without_year_is_one_date():
    # BFMTV relaying AFP (133), no date on the page and no year in the text
    text = (
        "Pour la seule journée du mardi 3 mai, une pluie d'obus tirée par les rebelles s'est "
        "abattue."
    )
    assert _dates(text) == [("mardi 3 mai", None)]


def test_arabic_years_with_a_clitic_or_in_words_and_spans_of_years():
    # Anadolu (30): "وعام 2017" (and in 2017)
    text = "وعام 2017، قررت تركيا وإيران وروسيا في مباحثات أستانة تشكيل 4 مناطق خفض توتر"
    assert _dates(text) == [("2017", "2017")]
    # Al-Rasheed (164): "منذ عام الفين وستة عشر", since 2016
    text = "في محاولة لإكمال أكبر نصر عسكري للرئيس بشار الأسد منذ عام الفين وستة عشر"
    assert _dates(text, dt.date(2018, 4, 7)) == [("عام الفين وستة عشر", "2016")]
    # Rojinfo (132): "De 2014 à 2016", one span
    text = "De 2014 à 2016, la ville était un fief de l’État islamique (EI)."
    assert _dates(text) == [("De 2014 à 2016", "2014/2016")]
    # the written texts keep "Between 2017 and 2019" two years
    ms, _ = extract_dates("Between 2017 and 2019, the front lines barely moved.")
    assert [m.iso for m in ms] == ["2017", "2019"]


def test_a_month_in_a_german_clause_of_the_past_is_the_last_one():
    # Kurier (75), a page of December 2019 (the month only): "im April begann" is April 2019
    text = (
        "Im September 2018 wurde zwar auch eine Waffenruhe vereinbart, im April begann die "
        "Regierung jedoch eine neue Offensive in Idlib."
    )
    assert _dates(text, "2019-12") == [("September 2018", "2018-09"), ("April", "2019-04")]
    # a month of the future stays the coming one
    text = "Im April wird die Regierung eine neue Offensive beginnen."
    assert _dates(text, dt.date(2019, 12, 10)) == [("April", "2020-04")]


def test_a_friday_of_protest_named_in_quotes_is_a_friday():
    # ksa2day (143), Friday 30 September 2016: "in the Friday 'Putin war criminal'"
    text = "خرجت مظاهرات نددت بالقصف على الغوطة وحلب، في جمعة “بوتين مجرم حرب” وهذا اليوم يصادف"
    assert ("جمعة", "2016-09-30") in _dates(text, dt.date(2016, 9, 30))
    # a man named Jumaa is no Friday
    assert _dates("وقال جمعة إن القصف استمر", dt.date(2016, 9, 30)) == []


def test_a_start_at_midnight_is_the_midnight_after_the_day_it_was_said():
    # Stern (40), a page of 6 March 2020: said on Thursday evening, from midnight
    text = (
        "Die Feuerpause gelte ab Mitternacht, sagte der türkische Präsident Recep Tayyip "
        "Erdogan am Donnerstagabend."
    )
    got = dict(_dates(text, dt.date(2020, 3, 6)))
    assert got["Mitternacht"] == "2020-03-06T00:00"
    assert got["Donnerstagabend"] == "2020-03-05"
    # midnight with no day in its sentence stays no date
    assert _dates("Die Feuerpause gelte ab Mitternacht.", dt.date(2020, 3, 6)) == []


def _iso(text: str, published: dt.date) -> list[tuple[str, str | None]]:
    return [(m.text, m.iso) for m in extract_dates(text, published)[0]]


def test_last_and_next_weekdays_in_every_language():
    # on a page of Wednesday 16 October 2019
    ref = dt.date(2019, 10, 16)
    assert _iso("Die Armee griff am vergangenen Freitag an.", ref) == [
        ("am vergangenen Freitag", "2019-10-11")
    ]
    assert _iso("Am kommenden Montag beginnen die Gespräche.", ref) == [
        ("Am kommenden Montag", "2019-10-21")
    ]
    assert _iso("Ordu geçen cuma saldırdı.", ref) == [("geçen cuma", "2019-10-11")]
    assert _iso("L'armée a attaqué vendredi dernier.", ref) == [("vendredi dernier", "2019-10-11")]
    assert _iso("هاجم الجيش يوم الجمعة الماضي القرية", ref) == [("يوم الجمعة الماضي", "2019-10-11")]
    # "mercredi dernier" on a Wednesday is the week before
    assert _iso("L'armée a attaqué mercredi dernier.", ref) == [("mercredi dernier", "2019-10-09")]


def test_turkish_months_with_their_case_endings():
    ref = dt.date(2019, 10, 16)
    assert _iso("Harekât Ekim ayında başladı.", ref) == [("Ekim", "2019-10")]
    assert _iso("Saldırı Mart'ta oldu.", ref) == [("Mart", "2019-03")]
    # a day months after the page in a clause of the past is last year's
    assert _iso("Operasyon 5 Mart'ta başladı.", ref) == [("5 Mart", "2019-03-05")]
    assert _iso("Bu sabah saldırı oldu.", ref) == [("Bu sabah", "2019-10-16")]


def test_days_later_in_german_french_turkish_and_arabic():
    ref = dt.date(2020, 3, 20)
    text = "Am 5. März 2020 begann die Waffenruhe. Zwei Tage später brach sie zusammen."
    assert _iso(text, ref)[-1] == ("Zwei Tage später", "2020-03-07")
    text = "Le 5 mars 2020, la trêve a commencé. Deux semaines plus tôt, rien."
    assert _iso(text, ref)[-1] == ("Deux semaines plus tôt", "2020-02-20")
    assert _iso("5 Mart 2020'de ateşkes başladı. İki gün sonra bozuldu.", ref)[-1] == (
        "İki gün sonra",
        "2020-03-07",
    )
    text = "في 5 آذار 2020 بدأت الهدنة، وبعد ثلاثة أيام انهارت."
    assert _iso(text, ref)[-1] == ("بعد ثلاثة أيام", "2020-03-08")
    # "after Friday" is no count of days
    assert _iso("في 5 آذار 2020 بدأت الهدنة، وبعد يوم الجمعة انهارت.", ref)[0][0] == "5 آذار 2020"
    assert all(not t.startswith("بعد") for t, _ in _iso("وبعد يوم الجمعة انهارت.", ref))
    # "after ten years of war" is a span, no date
    assert _iso("بعد عشر سنوات من الحرب", ref) == []


def test_arabic_days_as_ordinals():
    ref = dt.date(2019, 11, 20)
    assert _iso("في التاسع من أكتوبر 2019 بدأت العملية", ref) == [
        ("التاسع من أكتوبر 2019", "2019-10-09")
    ]
    assert _iso("في الحادي والعشرين من تشرين الأول/أكتوبر الماضي", ref) == [
        ("الحادي والعشرين من تشرين الأول/أكتوبر", "2019-10-21")
    ]


def test_ramadan_and_the_eids_on_the_calendar():
    # Dik Gazete relaying AA (65), 18 June 2017: "in Ramadan too" is Ramadan 1438
    text = (
        "Hamo, AA muhabirine yaptığı açıklamada, Beşşar Esed güçlerinin köylerine yönelik "
        "saldırılarını ramazan ayında da durdurmadığını söyledi."
    )
    assert _dates(text, dt.date(2017, 6, 18)) == [("ramazan", "2017-05-27/2017-06-24")]
    assert _iso("A truce for Eid al-Adha began on Sunday.", dt.date(2019, 8, 12))[0] == (
        "Eid al-Adha",
        "2019-08-11/2019-08-14",
    )
    assert _iso("during Ramadan 2019 the army shelled", dt.date(2020, 1, 1)) == [
        ("Ramadan 2019", "2019-05-06/2019-06-03")
    ]
    # no page date: which Ramadan stays unknown
    assert [m.iso for m in extract_dates("هدنة عيد الأضحى")[0]] == [None]
    # a man named Ramadan, and iftar explained (GFATF, 179), are no dates
    assert _iso("قال رمضان شلح إن القصف استمر", dt.date(2019, 8, 12)) == []
    text = "the meal that breaks day-long fasting during the Muslim holy month of Ramadan."
    assert _iso(text, dt.date(2019, 8, 12)) == []


def test_an_arabic_year_closing_its_phrase_is_a_year():
    # Syria News Agency (166): "since the 2018 settlement agreement"
    text = (
        "في قصف هو الأول من نوعه يشنه النظام على محافظة درعا منذ اتفاق التسوية 2018.\n"
        "وبحسب المصادر فإن القصف الجوي طال موقعين"
    )
    assert _dates(text) == [("2018", "2018")]
    # a count has its noun after it
    assert _dates("قتل 2018 شخصا في المحافظة") == []


def test_a_count_back_to_a_dated_beginning_dates_a_page_without_date():
    # ParsToday (131), no date on the page: the operation began "50 days ago" and "on 20
    # January 2018", so today is 11 March 2018, a Sunday, as the text says; the dates are
    # a reader's inference, flagged as not sure (year_known False)
    text = (
        "Die türkischen Truppen haben heute fünf weitere Dörfer im nord-syrischen Destrikt "
        "Afrin eingenommen. Laut der Nachrichtenagentur Anadolu am Sonntag, brachten die "
        "türkischen Truppen zwei Dörfer unter ihre Kontrolle. Seit Beginn der Operation "
        '"Olivenzweig" vor 50 Tagen hat die türkische Armee im Distrikt Afrin fünf Gemeinden '
        "eingenommen. Die Angriffe auf die nord-syrische Stadt Afrin haben am 20. Januar 2018, "
        "unter dem Vorwand der Wiederherstellung der Sicherheit, begonnen."
    )
    ex = geozones.extract(text)
    got = {d.text: (d.iso, d.year_known) for d in ex.dates}
    assert got["heute"] == ("2018-03-11", False)
    assert got["Sonntag"] == ("2018-03-11", False)
    assert got["vor 50 Tagen"] == ("2018-01-20", False)
    assert got["20. Januar 2018"] == ("2018-01-20", True)
    # a count back to no dated beginning leaves the days unknown
    assert [d.iso for d in geozones.extract("Die Offensive begann vor 50 Tagen.").dates] == [None]


def test_since_a_month_after_a_dated_event_is_the_month_after_it():
    # Agence Afrique (107), no date on the page: "since late April" after the September 2018
    # accord the sentence names is April 2019, and so is the same words' second mention;
    # a reader's inference, flagged year_known False
    text = (
        "Alors que la Russie qui appuie le régime de Bachar El-Assad et la Turquie, parrain de "
        "certains groupes rebelles, ont conclu en septembre 2018 un accord pour éviter une "
        "offensive d’envergure du régime syrien, l’aviation syrienne appuyée par les avions "
        "de chasse russe, a intensifié depuis fin avril, les bombardements sur la province "
        "d’Idleb.\nSelon l’OSDH, plus de 600 civils ont été tués depuis fin avril dans les "
        "bombardements russes ou syriens."
    )
    got = [(d.text, d.iso, d.year_known) for d in geozones.extract(text).dates]
    assert got == [
        ("septembre 2018", "2018-09", True),
        ("fin avril", "2019-04", False),
        ("fin avril", "2019-04", False),
    ]
    # with nothing dated before it in its sentence, the year stays unknown (Spiegel, 108)
    text = "Seit Ende April sind den Aktivisten zufolge mindestens 570 Menschen getötet worden."
    assert [d.iso for d in geozones.extract(text).dates] == [None]


def test_words_of_other_languages_are_no_past_tense():
    # on a page of 16 October 2019 the coming December is the nearest: "Saudi", "a summit",
    # "the war" are no verbs of the past
    ref = dt.date(2019, 10, 16)
    for text in ("Saudi talks in December", "a summit in December", "the war in December"):
        assert _iso(text, ref) == [("December", "2019-12")]


def test_clitics_and_nights_keep_their_words():
    ref = dt.date(2019, 10, 16)
    # the ف of فجر (dawn) is no clitic; the و of وليلة is one
    assert _iso("فجر اليوم الأربعاء", ref) == [("فجر اليوم الأربعاء", "2019-10-16")]
    assert _iso("وليلة الأحد – الاثنين، هزّ تفجير", dt.date(2019, 11, 12)) == [
        ("ليلة الأحد – الاثنين", "2019-11-10")
    ]
    # the night of Tuesday to Wednesday, two weekdays side by side, is Tuesday's
    assert _iso("ليل الثلاثاء الأربعاء", ref) == [("ليل الثلاثاء الأربعاء", "2019-10-15")]
    assert _iso("ekim ayının başında", ref) == [("ekim", "2019-10")]


def test_a_weekday_settles_the_year_of_a_day_on_a_page_without_date():
    # 133's "mardi 3 mai" in a text that writes out 2016: 3 May 2016 was a Tuesday
    ms, _ = extract_dates(
        "En 2016, la bataille d'Alep. Pour la seule journée du mardi 3 mai, 20 morts."
    )
    assert [(m.text, m.iso) for m in ms] == [("2016", "2016"), ("mardi 3 mai", "2016-05-03")]
    # with no year written, it stays unknown
    ms, _ = extract_dates("Pour la seule journée du mardi 3 mai, 20 morts.")
    assert [m.iso for m in ms] == [None]
