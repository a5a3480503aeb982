"""Round 24 of issue 16, the dates part: the general forms behind heldout22's date misses
(a counted part of a month, a month named again after its year on a page without date, a
day of the month just named, a weekday in quotes beside "yesterday", an embedded tweet's
own date), each tested on sentences made for it and on the readings it must not take."""

from __future__ import annotations

import datetime as dt

import geozones

#: A Thursday, the page's date of the sentences made for the general forms.
PAGE = dt.date(2020, 10, 15)


def _dates(text: str, published: dt.date | str | None = PAGE) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in geozones.extract(text, published=published).dates]


def test_the_first_or_last_n_weeks_or_days_of_a_month_are_an_interval():
    for sentence, written, iso in [
        ("In the first two weeks of August the town was shelled.",
         "the first two weeks of August", "2020-08-01/2020-08-14"),
        ("During the last ten days of March 2019 the town was shelled.",
         "the last ten days of March 2019", "2019-03-22/2019-03-31"),
        ("Pendant les deux premières semaines d'août, la ville fut bombardée.",
         "les deux premières semaines d'août", "2020-08-01/2020-08-14"),
        ("Die letzten zehn Tage im März 2019 waren ruhig.",
         "letzten zehn Tage im März 2019", "2019-03-22/2019-03-31"),
        ("Ağustos'un ilk iki haftasında kent bombalandı.",
         "Ağustos'un ilk iki haftasında", "2020-08-01/2020-08-14"),
        ("قصفت المدينة خلال الأسبوعين الأولين من آب.",
         "الأسبوعين الأولين من آب", "2020-08-01/2020-08-14"),
        ("قصفت المدينة خلال الأيام العشرة الأخيرة من شهر آذار 2019.",
         "الأيام العشرة الأخيرة من شهر آذار 2019", "2019-03-22/2019-03-31"),
        ("قصفت المدينة في آخر عشرة أيام من شباط 2020.",
         "آخر عشرة أيام من شباط 2020", "2020-02-20/2020-02-29"),
    ]:  # fmt: skip
        assert _dates(sentence) == [(written, iso)], sentence


def test_a_part_of_a_month_not_counted_stays_the_month():
    # no count: "early", "mid", "the first week(s)" read as the month, as the set marks them
    assert _dates("In mid-August the town was shelled.") == [("mid-August", "2020-08")]
    assert _dates("In the first week of August the town was shelled.") == [("of August", "2020-08")]
    assert _dates("قتل العشرات في الأسبوع الأول من آذار.") == [("آذار", "2020-03")]
    # "may" the verb after a count is no month
    assert _dates("In the last two days of may be shelled.") == []


def test_a_month_named_again_after_its_year_on_a_page_without_date():
    text = (
        "The valley has become restive in the first weeks of August 2019. In addition "
        "mid-August was the anniversary. In the first two weeks of August a series of "
        "incidents was seen."
    )
    assert _dates(text, None) == [
        ("August 2019", "2019-08"),
        ("mid-August", "2019-08"),
        ("the first two weeks of August", "2019-08-01/2019-08-14"),
    ]
    # another month or a day stays unknown: the story's year does not date it
    got = _dates("The siege began in October 2017. It was lifted on March 23.", None)
    assert got == [("October 2017", "2017-10"), ("March 23", None)]
    # nor a month its words count from the page ("August last year")
    got = _dates("Talks began in August 2017 and resumed in August last year.", None)
    assert got[-1][1] is None


def test_a_day_of_the_month_just_named():
    for sentence, day in [
        ("بدأت الحملة في الـ4 من شباط الجاري وانتهت في الـ14 منه.", "في الـ14 منه"),
        ("بدأت الحملة في 4 شباط وانتهت يوم 14 منه.", "يوم 14 منه"),
        ("The talks began on 4 February and ended on the 14th of the same month.",
         "the 14th of the same month"),
        ("Les pourparlers ont commencé le 4 février et fini le 14 du même mois.",
         "le 14 du même mois"),
        ("Die Gespräche begannen am 4. Februar und endeten am 14. desselben Monats.",
         "am 14. desselben Monats"),
    ]:  # fmt: skip
        assert _dates(sentence)[-1] == (day, "2020-02-14"), sentence
    # without a date before it, or as a count ("14 منها", fourteen of them), no date
    assert _dates("دمرت الغارات 20 آلية في 4 شباط، وأصيب 14 منها.") == [("4 شباط", "2020-02-04")]
    assert _dates("وانتهت في الـ14 منه.") == []
    # on a page without date the day's year is as unknown as its month's
    got = _dates("بدأت الحملة في 4 من شباط الجاري وانتهت في الـ14 منه.", None)
    assert [iso for _, iso in got] == [None, None] and len(got) == 2


def test_a_weekday_in_quotes_beside_yesterday_is_one_date():
    assert _dates("شنوا يوم أمس “الأربعاء” هجوما على البلدة.") == [
        ("يوم أمس “الأربعاء”", "2020-10-14")
    ]
    assert _dates("قصفت الطائرات أمس (الأربعاء) البلدة.") == [("أمس (الأربعاء", "2020-10-14")]
    # a quoted name ending in a weekday's word stays a name
    assert _dates("قال “ياسر الخميس” إن البلدة قصفت.") == []


def test_an_embedded_tweet_counts_its_days_from_its_own_date():
    text = (
        "A jet was downed near the town.\n\nVideo of a jet downed in the south today\n\n"
        "– Jane Roe (@janeroe) February 3, 2018 The ministry confirmed it."
    )
    assert _dates(text, "2018-02") == [("today", "2018-02-03"), ("February 3, 2018", "2018-02-03")]
    # the tweet's own date wins over the page's, the day it was posted again
    got = _dates(text, dt.date(2018, 2, 10))
    assert got[0] == ("today", "2018-02-03")
    # a "today" outside the tweet, or a date after no handle, counts from the page
    text = "A jet was downed today, the ministry said on February 3, 2018."
    assert _dates(text, dt.date(2018, 2, 10))[0] == ("today", "2018-02-10")
