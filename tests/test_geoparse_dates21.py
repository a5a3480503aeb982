"""Round 21 of issue 16, the dates part: bugs of generality found by rewriting the gold dates
of the dev passages (1-483) in other values and neighbouring forms
(benchmarks/date_variants.py), each fix tested on the real sentence of its passage
(benchmarks/geoparse_real/), on a few of the variants that failed, and on readings it must
not take."""

from __future__ import annotations

import datetime as dt

import geozones


def _dates(text: str, published: dt.date | str | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in geozones.extract(text, published=published).dates]


def test_a_numeric_date_with_a_blank_around_each_separator():
    # Al-Simer (384) dates its report "الثلاثاء 04 . 08 . 2020": only the weekday was read,
    # so the date held only while the page's date was known
    line = "السيمر / فيينا / الثلاثاء 04 . 08 . 2020 — اقتحم المئات من أبناء العشائر العربية"
    assert ("الثلاثاء 04 . 08 . 2020", "2020-08-04") in _dates(line)
    # variants of dev dates that failed (day first and year first, dots and slashes)
    for sentence, written, iso in [
        ("Shelling hit the town on 05 . 06 . 2017, the monitor said.", "05 . 06 . 2017",
         "2017-06-05"),
        ("Shelling hit the town on 26 / 04 / 2011, the monitor said.", "26 / 04 / 2011",
         "2011-04-26"),
        ("Posted 2015 / 05 / 21 in Aleppo.", "2015 / 05 / 21", "2015-05-21"),
        ("قصفت الطائرات البلدة يوم 2012 . 03 . 06 وفق المرصد.", "2012 . 03 . 06", "2012-03-06"),
    ]:  # fmt: skip
        assert (written, iso) in _dates(sentence), sentence
    # the forms read before stay read
    assert ("11. 01. 2018", "2018-01-11") in _dates("Aleppo, 11. 01. 2018 — shelling")
    assert ("2020.02.17", "2020-02-17") in _dates("Posted 2020.02.17 in Aleppo.")


def test_blanks_that_differ_around_the_separators_make_no_date():
    # the blank must be the same around every separator; a month above 12 is no month
    for sentence in [
        "The scores were 26 /04/ 2011 and more.",
        "The scores were 26 / 04-2011 and more.",
        "Ratios of 10 . 30 . 2019 were reported.",
    ]:
        assert not any(iso and iso.startswith("2011-04") for _, iso in _dates(sentence))
        assert not any(iso and "-30" in iso for _, iso in _dates(sentence))


def test_a_day_run_into_the_arabic_word_before_it():
    # Thiqa (352): "صباح يوم الجمعة17-تشرين الثاني- نوفمبر", the day run into its weekday,
    # was not read at all; the page shows no date, so with one the day resolves
    text = (
        "شن الطيران الحربي عشرات الغارات الجوية على مدن وبلدات الغوطة الشرقية ما ادى الى "
        "استشهاد العديد من المدنيين وعناصر من الدفاع المدين صباح يوم الجمعة17-تشرين الثاني- "
        "نوفمبر"
    )
    assert ("17-تشرين الثاني- نوفمبر", "2017-11-17") in _dates(text, dt.date(2017, 11, 18))
    # the same run-together day in the variants of other dev dates: a date, a span of days
    for sentence, written, iso in [
        ("اشتباكات يوم الاثنين14 أيار 2018 أسفرت عن قتلى.", "14 أيار 2018", "2018-05-14"),
        ("قصفت الطائرات البلدة يومي الاثنين14 و15 أيار 2018.", "14 و15 أيار 2018",
         "2018-05-14/2018-05-15"),
        ("وقعت الغارة يوم السبت3 آذار/مارس 2018 على دوما.", "3 آذار/مارس 2018", "2018-03-03"),
    ]:  # fmt: skip
        assert (written, iso) in _dates(sentence), sentence


def test_a_number_run_into_an_arabic_word_is_no_day_without_a_month():
    # a count run into its verb is no date, nor a count before a noun
    assert _dates("قتل14 شخصا في المدينة وجرح20 آخرون.", dt.date(2018, 5, 20)) == []


def test_a_day_slash_month_name_slash_year():
    # the date line of 234, "الأربعاء 21/مارس/2018 - 01:01 م", was read only through its
    # weekday and the page's date: without the page's date it named no day
    assert ("الأربعاء 21/مارس/2018", "2018-03-21") in _dates("الأربعاء 21/مارس/2018 - 01:01 م")
    for sentence, written, iso in [
        ("قصفت الطائرات البلدة السبت 21/ديسمبر/2024 فجرا.", "السبت 21/ديسمبر/2024", "2024-12-21"),
        ("قصفت الطائرات البلدة يوم 5/ أيار/ 2013.", "5/ أيار/ 2013", "2013-05-05"),
        ("The town was shelled on 21/March/2018.", "21/March/2018", "2018-03-21"),
    ]:  # fmt: skip
        assert (written, iso) in _dates(sentence), sentence
    # a fraction or a count out of a total is no date
    assert _dates("قتل 5/10 من المسلحين ونسبة 3/4 من السكان نزحوا.") == []


def test_a_numeric_date_run_into_its_weekday():
    # variants of 283's "الإثنين 4/12/2017" and 384's "الثلاثاء 04 . 08 . 2020" with the day
    # run into the weekday, as 352 writes "الجمعة17"
    for sentence, written, iso in [
        ("قصفت الطائرات البلدة الجمعة14/9/2012 وفق المرصد.", "14/9/2012", "2012-09-14"),
        ("قصفت الطائرات البلدة الثلاثاء20 . 12 . 2022 وفق المرصد.", "20 . 12 . 2022",
         "2022-12-20"),
    ]:  # fmt: skip
        assert (written, iso) in _dates(sentence), sentence


def test_an_arabic_month_first_span_joined_by_and():
    # 433 writes the month first in Arabic ("حزيران 09, 2020"); its span joins the days with
    # "و" as Arabic always does ("and" alone was read before)
    assert _dates("حزيران 09, 2020") == [("حزيران 09, 2020", "2020-06-09")]
    text = "وقعت الاشتباكات في شباط 13 و14, 2012 قرب المدينة."
    assert ("شباط 13 و14, 2012", "2012-02-13/2012-02-14") in _dates(text)
    # a month's day and a count after "و" is no span ("أيار 13 و20 قتيلا")
    assert not any("/" in (iso or "") for _, iso in _dates("قصف في أيار 13 و20 قتيلا.", None))


def test_a_day_and_two_month_names_joined_by_hyphens():
    # 352's "صباح يوم الجمعة17-تشرين الثاني- نوفمبر": the two names of the month joined by
    # a hyphen belong to the date, as "/" joins them; and the year after them
    text = "استشهاد العديد من المدنيين صباح يوم الجمعة17-تشرين الثاني- نوفمبر"
    assert ("17-تشرين الثاني- نوفمبر", "2017-11-17") in _dates(text, dt.date(2017, 11, 18))
    sentence = "اشتباكات يوم الاثنين 14-أيار- مايو 2018 أسفرت عن قتلى."
    assert _dates(sentence) == [("يوم الاثنين 14-أيار- مايو 2018", "2018-05-14")]
    assert _dates("اشتباكات يوم 14-أيار 2018 أسفرت عن قتلى.") == [("14-أيار 2018", "2018-05-14")]
    # a count after the month is no year
    assert _dates("في 5-أيار 200 قتيل", dt.date(2018, 5, 20)) == [("5-أيار", "2018-05-05")]
