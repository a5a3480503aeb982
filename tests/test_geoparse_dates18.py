"""Round 18 of issue 16, item 2: the dates heldout17 missed (passages 364-411), each rule
tested on the real sentence of its passage (benchmarks/geoparse_real/) and on sentences made
for the general form (both Arabic month series, Arabic-Indic digits, other languages, and
the readings a rule must not take)."""

from __future__ import annotations

import datetime as dt

import geozones

#: A Monday, the page's date of the sentences made for the general forms.
PAGE = dt.date(2020, 7, 13)


def _dates(text: str, published: dt.date | str | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in geozones.extract(text, published=published).dates]


def _known(text: str, published: dt.date | None = None) -> list[tuple[str, str | None, bool]]:
    return [
        (d.text, d.iso, d.year_known) for d in geozones.extract(text, published=published).dates
    ]


def test_levantine_months_written_without_their_article():
    # Yemenat relaying Yemeress (376), a page without date: "ديسمبر/كانون أول 2016" dates
    # the story, and its "الخميس الماضي" and "السبت" count from that Saturday
    text = (
        'عاد تنظيم الدولة الاسلامية "داعش" مساء السبت 10 ديسمبر/كانون أول 2016، إلى مدينة '
        "تدمر الاثرية. و شن التنظيم الخميس الماضي سلسلة هجمات على حقول للنفط و الغاز."
    )
    assert _dates(text) == [
        ("مساء السبت 10 ديسمبر/كانون أول 2016", "2016-12-10"),
        ("الخميس الماضي", "2016-12-08"),
    ]
    # the four months the Levantine series writes in two words, without "ال", both digit sets
    for sentence, iso in [
        ("وقع الهجوم في 3 كانون ثاني 2017", "2017-01-03"),
        ("وقع الهجوم في ٥ تشرين أول ٢٠١٩", "2019-10-05"),
        ("وقع الهجوم في 21 تشرين ثاني 2018", "2018-11-21"),
        ("بدأت العملية في كانون أول 2019", "2019-12"),
        ("بدأت العملية في كانون الأول 2019", "2019-12"),  # with the article, as before
    ]:
        assert _dates(sentence, PAGE)[0][1] == iso, sentence


def test_tomorrow_in_an_arabic_construct():
    # Al-Azmenah (403), a page of Friday 20 April 2018 (its date line in Arabic-Indic digits)
    text = (
        "الجمعة، ٢٠ أبريل ٢٠١٨\nتوصلت الجهات المعنية إلى اتفاق يقضي بخروج الإرهابيين من "
        "الرحيبة وجيرود والناصرية يبدأ تنفيذه صباح غد"
    )
    assert _dates(text, dt.date(2018, 4, 20)) == [
        ("الجمعة، ٢٠ أبريل ٢٠١٨", "2018-04-20"),
        ("صباح غد", "2018-04-21"),
    ]
    for sentence, iso in [
        ("ستبدأ المفاوضات مساء غد في جنيف", "2020-07-14"),
        ("ستبدأ المفاوضات يوم الغد في جنيف", "2020-07-14"),
        ("ستبدأ المفاوضات غداً في جنيف", "2020-07-14"),
        ("ستبدأ المفاوضات بعد غد في جنيف", "2020-07-15"),
        ("The talks start the day after tomorrow in Geneva.", "2020-07-15"),
        ("Les pourparlers reprendront après-demain à Genève.", "2020-07-15"),
        ("Görüşmeler öbür gün başlayacak.", "2020-07-15"),
    ]:
        assert _dates(sentence, PAGE)[-1][1] == iso, sentence
    # a newspaper named "Tomorrow" is no date
    assert _dates("نشرت صحيفة الغد تقريرا", PAGE) == []


def test_this_day_of_ours_is_today():
    # Dar al-Hilal (407), a page without date: "until this day of ours" names today, whose
    # date the page does not give
    text = (
        "خلال الفترة الممتدة من يونيو 2019 حتى يومنا هذا 813 هجمة واغتيال، فيما وصل عدد "
        "الذين لقوا حتفهم"
    )
    got = _dates(text)
    assert got[0] == ("يونيو 2019", "2019-06")
    assert got[1][0] == "يومنا هذا" and got[1][1] is None
    assert _dates("استمر القصف حتى يومنا هذا", PAGE) == [("يومنا هذا", "2020-07-13")]


def test_a_weekday_before_its_date_after_an_arabic_comma():
    # the date line of Al-Azmenah (403): "الجمعة، ٢٠ أبريل ٢٠١٨" is one date
    assert _dates("الجمعة، ٢٠ أبريل ٢٠١٨", PAGE) == [("الجمعة، ٢٠ أبريل ٢٠١٨", "2018-04-20")]
    assert _dates("وقع الهجوم الجمعة، 10 تموز 2020", PAGE) == [
        ("الجمعة، 10 تموز 2020", "2020-07-10")
    ]
    # a weekday after its day, the Arabic comma between: "١٠ تموز، الجمعة"
    assert _dates("وقع الهجوم في ١٠ تموز ٢٠٢٠، الجمعة", PAGE)[0][1] == "2020-07-10"
    # a blank before the comma, as typed pages have it
    assert _dates("الجمعة ، ٢٠ أبريل ٢٠١٨", PAGE) == [("الجمعة ، ٢٠ أبريل ٢٠١٨", "2018-04-20")]
    assert _dates("Friday , April 20, 2018", PAGE) == [("Friday , April 20, 2018", "2018-04-20")]


def test_today_beside_a_written_date_in_brackets_is_two_mentions():
    # Al-Simer relaying Sputnik (384): "اليوم (الثلاثاء 4 آب/ أغسطس)"
    text = "خرجوا، اليوم (الثلاثاء 4 آب/ أغسطس)، بمظاهرات شعبية كبيرة"
    assert _dates(text, dt.date(2020, 8, 4)) == [
        ("اليوم", "2020-08-04"),
        ("الثلاثاء 4 آب/ أغسطس", "2020-08-04"),
    ]
    assert _dates("Protesters gathered today (Monday, 13 July) in Idlib.", PAGE) == [
        ("today", "2020-07-13"),
        ("Monday, 13 July", "2020-07-13"),
    ]
    # a weekday alone in the brackets is today's name: one mention, as before
    assert _dates("تمكن الجيش السوري اليوم (الاثنين) من السيطرة", PAGE) == [
        ("اليوم (الاثنين", "2020-07-13")
    ]


def test_the_weekday_settles_a_month_pair_that_disagrees():
    # Ayyam Syria (409): "أمس الأحد 12 حزيران/ يوليو 2020" mixes June and July; 12 July
    # 2020 was a Sunday, 12 June a Friday
    text = 'شن عناصر تنظيم "داعش" أمس الأحد 12 حزيران/ يوليو 2020، استهدف حافلة.'
    assert _dates(text, dt.date(2020, 7, 13)) == [("أمس الأحد 12 حزيران/ يوليو 2020", "2020-07-12")]
    for sentence, iso in [
        # the other order, brackets, Arabic-Indic digits, English
        ("هاجم التنظيم يوم الأحد 12 يونيو (تموز) 2020 حافلة", "2020-07-12"),
        ("هاجم التنظيم أمس الأحد ١٢ حزيران/ يوليو ٢٠٢٠ حافلة", "2020-07-12"),
        ("On Sunday, 12 June/July 2020 they attacked.", "2020-07-12"),
        # the weekday fits the first name: kept
        ("هاجم التنظيم يوم الجمعة 12 حزيران/ يوليو 2020 حافلة", "2020-06-12"),
        # no weekday: the first name, as before
        ("هاجم التنظيم في 12 حزيران/ يوليو 2020 حافلة", "2020-06-12"),
    ]:
        assert _dates(sentence, PAGE)[0][1] == iso, sentence


def test_a_part_of_the_current_year_is_the_year():
    # Ayyam Syria (409): "منذ بداية العام الجاري" on a page of July 2020
    text = "وشنت خلايا التنظيم منذ بداية العام الجاري سلسلة كمائن وهجمات"
    assert _dates(text, dt.date(2020, 7, 13)) == [("بداية العام الجاري", "2020")]


def test_a_month_before_the_event_it_dates():
    # Arab News (364), a page of 5 January 2017: "the May attacks" are those of May 2016
    text = (
        "At least 150 people were killed in May when bombs hit the town. Islamic State "
        "claimed the May attacks in a statement posted online."
    )
    assert _dates(text, dt.date(2017, 1, 5)) == [("May", "2016-05"), ("May", "2016-05")]
    assert _dates("Rebels recalled the August offensive.", PAGE) == [("August", "2019-08")]
    # Arabic: the month after its event ("هجمات أيار"), or with its adjective after it
    # whatever the word before ("تفجيرات مايو الماضي"), either series
    page = dt.date(2017, 1, 5)
    assert _dates("تبنى التنظيم هجمات أيار في بيان", page) == [("أيار", "2016-05")]
    assert _dates("تبنى التنظيم تفجيرات مايو الماضي في بيان", page) == [("مايو", "2016-05")]
    assert _dates("وقع ذلك أيار/مايو الماضي", page) == [("أيار/مايو", "2016-05")]
    # a name (Nissan) without a word of time is no month
    assert _dates("سيارات نيسان الجديدة", page) == []
    # a verb, a name, a month before a noun of no event: no date
    assert _dates("The May government fell.", PAGE) == []
    assert _dates("They took part in the march protests.", PAGE) == []
    assert _dates("It may attack again.", PAGE) == []


def test_the_last_year_is_a_span_not_the_year_before():
    # SouthFront (371) and Mideast Discourse (372): "over the last year" names no date
    text = (
        "From there, several attacks were carried out against SAA troops and Syrian security "
        "forces over the last year."
    )
    assert _dates(text, dt.date(2020, 3, 1)) == []
    assert _dates("ISIS cells increased their activity over the last year.", PAGE) == []
    assert _dates("In the past month, 30 people died.", PAGE) == []
    # without the article it is the calendar year, month or week before the page's
    assert _dates("Last year, the army took the town.", PAGE) == [("Last year", "2019")]
    assert _dates("The army took it last month.", PAGE) == [("last month", "2020-06")]


def test_more_than_n_years_ago_says_its_year_is_not_sure():
    # Reuters via Paralel (392): "The civil war in Syria began more than seven years ago."
    text = "The civil war in Syria began more than seven years ago."
    assert _known(text, dt.date(2018, 10, 15)) == [("seven years ago", "2011", False)]
    assert _known("The war began almost ten years ago.", PAGE) == [("ten years ago", "2010", False)]
    # a count with no bound is read as before
    assert _known("The war began seven years ago.", PAGE) == [("seven years ago", "2013", True)]
