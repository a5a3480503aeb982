"""Round 26 of issue 16, the dates part: the general forms behind heldout24's date misses (a
span of months or years named as one period, whole months and years counted back on a page
dated by its month, a part of the week, "earlier June", the night after a day named before,
an outlet named "<X> اليوم" before a dateline's dash, a "today" of a state), each tested on
sentences made for it and on the readings it must not take."""

from __future__ import annotations

import datetime as dt

import geozones

#: A Saturday, the page's date of the sentences made for the general forms.
PAGE = dt.date(2017, 3, 18)


def _dates(text: str, published: dt.date | str | None = PAGE) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in geozones.extract(text, published=published).dates]


# --------------------------------------------------------------------------- 1. periods


def test_a_span_of_months_named_as_one_period_is_one_interval():
    for sentence, iso in [
        ("The survey ran for two years, from March 2012 to March 2014, in three camps.",
         "2012-03/2014-03"),
        ("The camp was closed during the period from May 2015 to January 2016.",
         "2015-05/2016-01"),
        ("أغلق المعبر في الفترة الممتدة بين تشرين الأول 2012 وشباط 2013، ثم أعيد فتحه.",
         "2012-10/2013-02"),
        ("أغلق المعبر خلال الفترة من أيار 2014 حتى آب 2015.", "2014-05/2015-08"),
        ("Le camp a été fermé pendant la période de mai 2015 à janvier 2016.",
         "2015-05/2016-01"),
        ("Im Zeitraum von März 2015 bis Mai 2016 blieb das Lager geschlossen.",
         "2015-03/2016-05"),
    ]:  # fmt: skip
        got = _dates(sentence)
        assert [iso for _, iso in got] == [iso], (sentence, got)


def test_a_span_of_years_named_as_one_period_is_one_interval():
    got = _dates("The town changed hands often in the period between 2012 and 2016.")
    assert [iso for _, iso in got] == ["2012/2016"]
    got = _dates("سيطر التنظيم على البلدة في الفترة بين عامي 2014 و2017.")
    assert [iso for _, iso in got] == ["2014/2017"]


def test_months_or_years_without_a_word_of_one_period_stay_two_dates():
    # the written evaluation texts mark these as two dates ("from December 2019 to March
    # 2020 government forces moved", "Between 2017 and 2019, the front lines barely moved")
    got = _dates("From June 2016 to August 2017 the army advanced slowly.")
    assert [iso for _, iso in got] == ["2016-06", "2017-08"]
    got = _dates("Between 2013 and 2015, the front barely moved.")
    assert [iso for _, iso in got] == ["2013", "2015"]
    # two months of one period without their years stay as the round-23 rule reads them
    got = _dates("In May and June 2016 the town was shelled.")
    assert [iso for _, iso in got] == ["2016-05-01/2016-06-30"]
    # a period up to the page ("from June 2019 until today") is not joined
    got = _dates("خلال الفترة الممتدة من حزيران 2016 حتى اليوم قتل 50 شخصا.")
    assert [iso for _, iso in got] == ["2016-06", "2017-03-18"]


def test_years_before_1800_in_a_span_from_one_to_the_other():
    got = _dates("The crusaders held the castle from 1110 to 1188, when Saladin took it.")
    assert got == [("from 1110 to 1188", "1110/1188")]
    # a count changing, or a count of something, is no span of years
    assert _dates("The number of fighters rose from 1200 to 1500.") == []
    assert _dates("The camp grew from 1200 to 1500 families last winter.") == [
        ("last winter", "2016-12/2017-02")
    ]
    assert _dates("Between 1200 and 1500 people fled.") == []


# --------------------------------------------------------------------------- 2. counted back


def test_whole_months_and_years_counted_back_on_a_month_page():
    month_page = "2018-03"
    for sentence, iso in [
        ("سيطرت الفصائل على القرية قبل ست سنوات.", "2012"),
        ("سيطرت الفصائل على القرية قبل خمسة أعوام.", "2013"),
        ("سيطرت الفصائل على القرية قبل ثلاثة أشهر.", "2017-12"),
        ("سيطرت الفصائل على القرية قبل عشر سنوات.", "2008"),
        ("سيطرت الفصائل على القرية قبل السنوات الثلاث.", "2015"),
        ("The rebels took the village seven years ago.", "2011"),
        ("Die Rebellen nahmen das Dorf vor zwei Jahren ein.", "2016"),
        ("Les rebelles ont pris le village il y a trois mois.", "2017-12"),
    ]:
        assert [iso for _, iso in _dates(sentence, month_page)] == [iso], sentence


def test_days_weeks_and_halves_counted_back_on_a_month_page_stay_unresolved():
    for sentence in [
        "سيطرت الفصائل على القرية قبل ثلاثة أيام.",
        "سيطرت الفصائل على القرية قبل أسبوعين.",
        "Die Rebellen nahmen das Dorf vor anderthalb Jahren ein.",
        "The rebels took the village a year and a half ago.",
    ]:
        assert [iso for _, iso in _dates(sentence, "2018-03")] == [None], sentence


def test_arabic_numbers_one_to_ten_counted_back_from_a_day():
    page = dt.date(2018, 3, 15)
    for word, n in [("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                    ("ثماني", 8), ("تسع", 9), ("عشر", 10)]:  # fmt: skip
        got = _dates(f"دخل الجيش المدينة قبل {word} سنوات.", page)
        assert [iso for _, iso in got] == [str(2018 - n)], word
    for word, n in [("ثلاثة", 3), ("خمسة", 5), ("ستة", 6), ("عشرة", 10)]:
        got = _dates(f"دخل الجيش المدينة قبل {word} أيام.", page)
        assert [iso for _, iso in got] == [(page - dt.timedelta(days=n)).isoformat()], word


def test_since_a_count_stays_a_span():
    # "منذ ست سنوات" (for six years, up to the page) is a span, as the set leaves it
    assert _dates("تحاصر القوات البلدة منذ ست سنوات.", dt.date(2018, 3, 15)) == []


def test_after_a_count_of_weeks_is_counted_from_the_day_before():
    got = _dates("دخل الجيش البلدة في 3 آذار 2017، وبعد ثلاثة أسابيع انسحب منها.")
    assert [iso for _, iso in got] == ["2017-03-03", "2017-03-24"]


# --------------------------------------------------------------------------- 3. week parts


def test_a_part_of_the_week_is_the_whole_week():
    for sentence, iso in [
        ("وصلت القافلة في بداية الأسبوع إلى المدينة.", "2017-03-13/2017-03-19"),
        ("وصلت القافلة مطلع الأسبوع الماضي إلى المدينة.", "2017-03-06/2017-03-12"),
        ("وصلت القافلة في أواخر الأسبوع الجاري إلى المدينة.", "2017-03-13/2017-03-19"),
        ("The convoy arrived early this week.", "2017-03-13/2017-03-19"),
        ("The convoy arrived late last week.", "2017-03-06/2017-03-12"),
        ("Der Konvoi kam Anfang der Woche an.", "2017-03-13/2017-03-19"),
        ("Le convoi est arrivé en début de semaine.", "2017-03-13/2017-03-19"),
    ]:
        assert [iso for _, iso in _dates(sentence)] == [iso], sentence


def test_the_weekend_stays_the_weekend():
    got = _dates("وصلت القافلة خلال عطلة نهاية الأسبوع.")
    assert [iso for _, iso in got] == ["2017-03-18/2017-03-19"]


# --------------------------------------------------------------------------- 4. earlier June


def test_earlier_or_later_before_a_month_is_the_month():
    page = dt.date(2018, 7, 1)
    assert [iso for _, iso in _dates("Two fighters were killed earlier June.", page)] == ["2018-06"]
    assert [iso for _, iso in _dates("The town fell later March.", page)] == ["2018-03"]
    assert [iso for _, iso in _dates("The town fell earlier in May.", page)] == ["2018-05"]
    # "May" the verb or a name after "later" is no month
    assert _dates("Two weeks later may come the talks.", page) == []


# --------------------------------------------------------------------------- 5. the night after


def test_the_following_night_is_the_day_named_before():
    page = dt.date(2018, 5, 22)
    for sentence, iso in [
        ("The first buses left on Sunday and more left the following night.", "2018-05-20"),
        ("Les bus sont partis le 20 mai 2018 et la nuit suivante d'autres.", "2018-05-20"),
        ("غادرت الحافلات يوم الأحد، وفي الليلة التالية غادرت دفعة ثانية.", "2018-05-20"),
        ("Die Busse fuhren am 20. Mai 2018 ab, in der Nacht darauf weitere.", "2018-05-20"),
        ("The first buses left on Sunday and more left the following morning.", "2018-05-21"),
    ]:
        got = _dates(sentence, page)
        assert [iso for _, iso in got] == ["2018-05-20", iso], (sentence, got)


def test_that_night_and_a_night_without_a_day_before_name_no_day():
    page = dt.date(2018, 5, 22)
    assert _dates("On 3 May the jets came; that night we left.", page) == [("3 May", "2018-05-03")]
    assert _dates("قال: تركنا منازلنا في تلك الليلة.", page) == []
    assert _dates("More buses left the following night.", page) == []


# --------------------------------------------------------------------------- 6. "X اليوم"-place


def test_an_outlet_named_today_before_a_datelines_dash():
    text = "عنوان الخبر\nدمشق اليوم-حمص\nقصفت الطائرات بلدة تلبيسة، الأحد، 12 آذار 2017."
    r = geozones.extract(text, published=PAGE)
    assert [e.text for e in r.entities if e.kind == "news"] == ["دمشق اليوم"]
    assert "اليوم" not in [d.text for d in r.dates]
    assert [p.text for p in r.places if p.start > text.index("-")][:1] == ["حمص"]
    # the credit after the dash stays the credit ("حمص-لبنان اليوم")
    text = "عنوان الخبر\nحمص-لبنان اليوم\nقصفت الطائرات بلدة تلبيسة."
    r = geozones.extract(text, published=PAGE)
    assert [e.text for e in r.entities if e.kind == "news"] == ["لبنان اليوم"]
    assert r.dates == []


# --------------------------------------------------------------------------- 7. today of a state


def test_today_of_a_state_is_no_day():
    page = dt.date(2019, 10, 25)
    assert _dates("Its population today, according to various estimates, is 80,000.", page) == []
    assert _dates("The town's population today is about 20,000.", page) == []


def test_today_of_an_event_keeps_its_day():
    page = dt.date(2019, 10, 25)
    for sentence in [
        "Three civilians were killed today in the town.",
        "The ministry said today that the road was open.",
        "Five villages were entered by the army today.",
        "The army today is advancing on the town.",
        "Its population today was counted by the council.",
    ]:
        assert [iso for _, iso in _dates(sentence, page)] == ["2019-10-25"], sentence


# --------------------------------------------------------------------------- a page's age


def test_a_pages_age_after_its_stamp_is_no_date():
    page = dt.date(2019, 8, 11)
    got = _dates(
        "Source: the agency | Published on Friday, August 9 2019 8:15 (about 3 weeks ago)", page
    )
    assert [iso for _, iso in got] == ["2019-08-09T08:15"]
    got = _dates("Posted 12 March 2019 (2 days ago)", page)
    assert [iso for _, iso in got] == ["2019-03-12"]
    # a count back in brackets after no stamp keeps its date
    got = _dates("The army took the town (two years ago) from the rebels.", page)
    assert [iso for _, iso in got] == ["2017"]
