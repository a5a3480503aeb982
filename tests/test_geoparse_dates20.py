"""Round 20 of issue 16, the dates part: the dates heldout19 missed (passages 436-483) and
the general forms behind them, each rule tested on the real sentence of its passage
(benchmarks/geoparse_real/) and on sentences made for the general form (Arabic and English
at least, other languages where they write the same form), and on the readings a rule must
not take."""

from __future__ import annotations

import datetime as dt

import geozones

#: A Friday, the page's date of the sentences made for the general forms.
PAGE = dt.date(2020, 10, 9)


def _dates(text: str, published: dt.date | str | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in geozones.extract(text, published=published).dates]


def test_a_list_of_days_of_one_month_is_one_span():
    # Syrians for Truth and Justice (441): "on 7, 8 and 9 Sep. 2018" read from the 8th only
    text = (
        "Rebels shelled Mahardah and Suqaylabiyah, in Hama northern and western countryside, "
        "on 7, 8 and 9 Sep. 2018, leaving civilian casualties."
    )
    assert ("7, 8 and 9 Sep. 2018", "2018-09-07/2018-09-09") in _dates(text)
    # the general form: the days listed before "and" in Arabic, French, German, English
    # with its serial comma and the month first
    for sentence, written in [
        ("قصفت الطائرات البلدة أيام 7 و8 و9 أيلول 2018.", "7 و8 و9 أيلول 2018"),
        ("قصفت الطائرات البلدة في 7، 8 و9 أيلول 2018.", "7، 8 و9 أيلول 2018"),
        ("La ville a été bombardée les 7, 8 et 9 septembre 2018.", "7, 8 et 9 septembre 2018"),
        ("Die Stadt wurde am 7., 8. und 9. September 2018 beschossen.",
         "7., 8. und 9. September 2018"),
        ("The town was shelled on September 7, 8, and 9, 2018.", "September 7, 8, and 9, 2018"),
    ]:  # fmt: skip
        assert _dates(sentence) == [(written, "2018-09-07/2018-09-09")], sentence
    # numbers before a date are no list of its days: a count, a year, another date
    assert _dates("On 7 September 2018, 12 and 13 were hit.") == [
        ("7 September 2018", "2018-09-07")
    ]


def test_a_month_with_two_days_joined_by_and():
    # Al-Shahid Witness (452), a page of May 2018: the Astana talks "on May 14th and 15th"
    text = (
        "In other news, the Kazakh Foreign Ministry announced that the 9th round of Syria "
        "Peace Talks in Astana will be held on May 14th and 15th."
    )
    assert _dates(text, "2018-05") == [("May 14th and 15th", "2018-05-14/2018-05-15")]
    # the same with a list and a year; the day-first form already took "and"
    assert _dates("Talks were held on March 3, 4 and 5, 2019.") == [
        ("March 3, 4 and 5, 2019", "2019-03-03/2019-03-05")
    ]
    # "and" before a count is no span: "on May 5 and 6 civilians died" names one day
    assert _dates("Shelling on May 5 and 6 civilians died.", PAGE) == [("May 5", "2020-05-05")]


def test_a_date_written_year_first_with_dots():
    # UAport (457) carrying Naharnet: the item's stamp "Naharnet 2020.02.17 19:02"
    text = "Naharnet 2020.02.17 19:02\nThe airport of Aleppo is to reopen to civilian flights."
    assert [iso for _, iso in _dates(text)][0].startswith("2020-02-17")
    assert _dates("وأعلنت الوزارة في 2019.08.21 أن المعبر سيفتح.") == [("2019.08.21", "2019-08-21")]
    # a version number or a month that does not exist is no date
    assert _dates("The app was updated to version 2020.1.2 last night.", PAGE) == [
        ("last night", "2020-10-08")
    ]
    assert _dates("Its code was 2020.13.45 in the file.", PAGE) == []


def test_an_ordinal_day_of_the_month_named_with_its_word_month():
    # Asima Online (479), a page of 16 September 2017: "الذي قُرر في الرابع من شهر أيار
    # الماضي" (decided on the fourth of last May) was read as the month alone
    text = (
        "وذلك بعد ساعات من انتهاء مؤتمر (أستانا 6) الذي أكد على تمديد اتفاق خفض التصعيد "
        "الذي قُرر في الرابع من شهر أيار الماضي."
    )
    assert _dates(text, dt.date(2017, 9, 16)) == [("الرابع من شهر أيار", "2017-05-04")]
    # the general form: "شهر" between a day (a word or digits) and its month, both series
    for sentence, iso in [
        ("قصفت الطائرات المدينة في الخامس من شهر آذار 2019.", "2019-03-05"),
        ("قصفت الطائرات المدينة في 5 من شهر مارس 2019.", "2019-03-05"),
        ("قصفت الطائرات المدينة في العاشر من شهر تموز الماضي.", "2020-07-10"),
    ]:
        assert [d for _, d in _dates(sentence, PAGE)] == [iso], sentence
    # "من الشهر الجاري" stays a day of the page's month, "شهر" alone no date
    assert _dates("قصفت المدينة في الخامس من الشهر الجاري.", PAGE) == [
        ("الخامس من الشهر الجاري", "2020-10-05")
    ]
    assert _dates("استمر القصف أكثر من شهر كامل.", PAGE) == []


def test_an_arabic_ordinal_after_its_noun_is_no_day():
    # "الأسبوع الأول من آذار" is the first week of March: the ordinal qualifies the week
    # (as "النصف الثاني", the second half), the month alone is the date; after a weekday,
    # "اليوم" or "الموافق" the ordinal is the day itself
    for sentence, got in [
        ("قتل العشرات في الأسبوع الأول من آذار.", [("آذار", "2020-03")]),
        ("قتل العشرات في الأسبوع الأول من شهر آذار 2019.", [("آذار 2019", "2019-03")]),
        ("قتل العشرات في النصف الثاني من شهر آب.", [("آب", "2020-08")]),
        ("قتل العشرات يوم الخميس الرابع من آذار 2021.", [("يوم الخميس الرابع من آذار 2021",
                                                         "2021-03-04")]),
        ("قتل العشرات في الأول من آذار.", [("الأول من آذار", "2020-03-01")]),
    ]:  # fmt: skip
        assert _dates(sentence, PAGE) == got, sentence


def test_days_of_a_month_after_of_or_min_shahr():
    # the same spans with "of"/"من (شهر)" before the month, as the single days take them
    assert _dates("Talks were held on the 14th and 15th of May 2018.") == [
        ("14th and 15th of May 2018", "2018-05-14/2018-05-15")
    ]
    assert _dates("عقدت المحادثات يومي 14 و15 من شهر أيار 2018.") == [
        ("14 و15 من شهر أيار 2018", "2018-05-14/2018-05-15")
    ]
    # a day of another month after "and" is that month's ("between March 5 and 9 April")
    assert _dates("Talks were held between March 5 and 9 April 2019.") == [
        ("March 5 and 9 April 2019", "2019-03-05/2019-04-09")
    ]


def test_days_as_arabic_ordinals_make_a_span():
    for sentence, written, iso in [
        ("قصفت الطائرات البلدة في السابع والثامن من أيلول 2018.", "السابع والثامن من أيلول 2018",
         "2018-09-07/2018-09-08"),
        ("قصفت الطائرات البلدة بين الخامس والتاسع من شهر آذار 2019.",
         "الخامس والتاسع من شهر آذار 2019", "2019-03-05/2019-03-09"),
        ("قصفت الطائرات البلدة في السابع والعشرين والثامن والعشرين من آب 2018.",
         "السابع والعشرين والثامن والعشرين من آب 2018", "2018-08-27/2018-08-28"),
    ]:  # fmt: skip
        assert _dates(sentence) == [(written, iso)], sentence
    # a compound ordinal is one day, not a span: "السابع والعشرين" is the 27th
    assert _dates("قصفت الطائرات البلدة في السابع والعشرين من شهر آب 2018.") == [
        ("السابع والعشرين من شهر آب 2018", "2018-08-27")
    ]
    # ordinals of the weeks before them are no days
    assert _dates("قتل العشرات خلال الأسبوعين الأول والثاني من آذار 2019.", PAGE) == [
        ("آذار 2019", "2019-03")
    ]


def test_a_span_over_two_months_takes_its_year_from_its_end():
    # the first day's year is the last one's, in the year before when it would fall after it;
    # the page's year (2020) does not place it
    for sentence, written, iso in [
        ("The town was besieged from 30 August to 2 September 2018.",
         "30 August to 2 September 2018", "2018-08-30/2018-09-02"),
        ("The town was besieged from August 30 to September 2, 2018.",
         "August 30 to September 2, 2018", "2018-08-30/2018-09-02"),
        ("حوصرت البلدة من 30 آب حتى 2 أيلول 2018.", "30 آب حتى 2 أيلول 2018",
         "2018-08-30/2018-09-02"),
        ("حوصرت البلدة بين 28 كانون الأول و2 كانون الثاني 2019.",
         "28 كانون الأول و2 كانون الثاني 2019", "2018-12-28/2019-01-02"),
        ("La ville a été assiégée du 28 décembre au 2 janvier 2019.",
         "28 décembre au 2 janvier 2019", "2018-12-28/2019-01-02"),
    ]:  # fmt: skip
        assert _dates(sentence, PAGE) == [(written, iso)], sentence
    # two days joined by "and" without "between" stay two dates, the first in the same year
    assert _dates("Planes struck on 30 August and 2 September 2018.", PAGE) == [
        ("30 August", "2018-08-30"),
        ("2 September 2018", "2018-09-02"),
    ]
    # a weekday is no day of a month: it stays the page's week's
    got = _dates("The siege lasted from Monday to 2 September 2018.", PAGE)
    assert got[0][0] == "Monday" and got[0][1].startswith("2020-10-"), got


def test_a_date_year_first_with_one_digit_parts():
    assert _dates("أعلنت الوزارة في 2020/2/17 أن المطار سيفتح.") == [("2020/2/17", "2020-02-17")]
    assert _dates("Updated 2019-8-5, the report counts 12 dead.") == [("2019-8-5", "2019-08-05")]


def test_a_span_of_days_of_the_page_month():
    # the list of days again, of the page's month or the one before it
    for sentence, written, iso in [
        ("قصفت الطائرات البلدة خلال يومي 7 و8 من الشهر الجاري.", "7 و8 من الشهر الجاري",
         "2020-10-07/2020-10-08"),
        ("قصفت الطائرات البلدة في السابع والثامن من الشهر الماضي.",
         "السابع والثامن من الشهر الماضي", "2020-09-07/2020-09-08"),
        ("Planes struck the town on the 7th and 8th of last month.",
         "7th and 8th of last month", "2020-09-07/2020-09-08"),
    ]:  # fmt: skip
        assert _dates(sentence, PAGE) == [(written, iso)], sentence
    # one day stays one day; numbers before a count are no days
    assert _dates("قصفت الطائرات البلدة في العاشر من الشهر الجاري.", PAGE) == [
        ("العاشر من الشهر الجاري", "2020-10-10")
    ]
    assert _dates("قتل 7 و8 جرحى في القصف.", PAGE) == []
