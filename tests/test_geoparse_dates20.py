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
