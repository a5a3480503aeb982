"""Round 17 of issue 16, item 2: the dates heldout16 missed (passages 340-363), each rule
tested on the real sentence of its passage (benchmarks/geoparse_real/) and on sentences made
for the general form (other languages, other units, the readings a rule must not take)."""

from __future__ import annotations

import datetime as dt

import geozones

#: A Monday, the page's date of the sentences made for the general forms.
PAGE = dt.date(2019, 7, 22)


def _dates(text: str, published: dt.date | str | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in geozones.extract(text, published=published).dates]


def _known(text: str, published: dt.date | None = None) -> list[tuple[str, str | None, bool]]:
    return [
        (d.text, d.iso, d.year_known) for d in geozones.extract(text, published=published).dates
    ]


def test_today_before_the_written_date_is_that_date():
    # Kurdistan Antenna (348), a page dated the next morning: "this evening" is Saturday 20
    # June, the day the text writes, not the page's 21 June
    text = (
        "An explosion rocked Afrin city this evening Saturday 20 June 2020, near Al-Villat Street."
    )
    # side by side, one date (round 19: as the set marks it; after a comma, two)
    assert _dates(text, dt.date(2020, 6, 21)) == [
        ("this evening Saturday 20 June 2020", "2020-06-20"),
    ]
    # Rebaz News (356): "اليوم, الأربعاء 13 تشرين الثاني/نوفمبر 2019"
    got = _dates(
        "أفادت مصادر اليوم, الأربعاء 13 تشرين الثاني/نوفمبر 2019 بقصف", dt.date(2019, 11, 14)
    )
    assert got == [("اليوم", "2019-11-13"), ("الأربعاء 13 تشرين الثاني/نوفمبر 2019", "2019-11-13")]
    # "yesterday (5 March)", "aujourd'hui, 5 mars", "heute, 5. März": the written day
    for sentence, word in [
        ("The army shelled Saraqib yesterday (20 July).", "yesterday"),
        ("Les frappes ont repris aujourd'hui, 20 juillet, à Idleb.", "aujourd'hui"),
        ("Die Armee griff heute, 20. Juli, Idlib an.", "heute"),
    ]:
        assert _dates(sentence, PAGE)[0] == (word, "2019-07-20")
    # a word of a count ("two days ago") or a weekday is not "today"; a date in another
    # sentence is no apposition
    assert _dates("Two days ago, 5 July, the army shelled Saraqib.", PAGE)[0][1] == "2019-07-20"
    assert _dates("The army shelled Saraqib today. 5 July saw more.", PAGE)[0] == (
        "today",
        "2019-07-22",
    )


def test_a_weekday_named_alone_and_with_its_date_dates_the_story():
    # Arutz Sheva (347), a page without date: "Thursday night" is the "Thursday, August 15,
    # 2019" of the quoted statement, and the story is told from that day
    text = (
        "Syrian media reported on Thursday night that explosions were heard in the Masyaf "
        "District. “At 23:06 on Thursday, August 15, 2019, our air defense detected a hostile "
        "target,” said the ministry. Last month, Syria accused Israel of attacking several "
        "targets. Earlier that month, Syria accused Israel of carrying out an air strike."
    )
    assert _dates(text) == [
        ("on Thursday", "2019-08-15"),
        ("23:06 on Thursday, August 15, 2019", "2019-08-15"),
        ("Last month", "2019-07"),
        ("Earlier that month", "2019-07"),
    ]
    # Arabic, the weekday again alone: the same day
    text = (
        "قصف الطيران مدينة دوما يوم الجمعة 17 تشرين الثاني 2017. وقال ناشطون إن قصف الجمعة قتل 5."
    )
    assert [iso for _, iso in _dates(text)] == ["2017-11-17", "2017-11-17"]
    # a weekday the calendar does not give the date dates nothing ("Tuesday 15/12/2017" was
    # a Friday: NSO, 342), nor two different dates for the weekday
    assert _dates("Clashes on Tuesday. Until Tuesday 15/12/2017 they went on.")[0][1] is None
    lead = "Fighting went on in the south of the province. " * 8  # past the lead's day
    text = lead + "Raids on Friday. On Friday, 5 July 2019 and on Friday, 12 July 2019 too."
    assert _dates(text)[0][1] is None
    # a page date still rules
    text = lead + "Raids on Thursday. On Thursday, August 8, 2019 too."
    got = _dates(text, dt.date(2019, 8, 17))
    assert got[0] == ("on Thursday", "2019-08-15")


def test_years_ago_on_a_page_without_date_counts_from_the_latest_year_written():
    # NSO (342): "the Sheitat massacre 3 years ago", in a text dated "15/12/2017": 2014, a
    # guess said so (the page could be a later year's)
    text = (
        "SDF didn't capture all of the countryside until Tuesday 15/12/2017. Warplanes targeted "
        "Abu Hamam village where ISIS committed Sheitat massacre 3 years ago."
    )
    assert _known(text)[-1] == ("3 years ago", "2014", False)
    for sentence, word, iso in [
        ("The town fell in 2016. Last year the army returned.", "Last year", "2015"),
        ("وسقطت البلدة عام 2018، وكانت قد حوصرت قبل عامين.", "قبل عامين", "2016"),
        (
            "Die Stadt fiel im März 2018, vor drei Jahren war sie belagert.",
            "vor drei Jahren",
            "2015",
        ),
    ]:
        got = _known(sentence)
        assert (word, iso, False) in got, got
    # with no year written it stays unresolved; with a page date it is counted from the page
    assert _known("The massacre 3 years ago.") == [("3 years ago", None, True)]
    assert _known("The town fell in 2016. Last year the army returned.", PAGE)[-1] == (
        "Last year",
        "2018",
        True,
    )
    # days and months are not counted from a year
    assert _known("The town fell in 2016. Two days ago the army returned.")[-1][1] is None


def test_that_month_and_that_year_are_those_of_the_date_named_before():
    # Arutz Sheva (347): "Last month … Earlier that month"
    for sentence, word in [
        ("Israel struck in July 2019. Earlier that month, Syria accused Israel.",
         "Earlier that month"),
        ("Israel struck on 5 July 2019. Later that month, Syria accused Israel.",
         "Later that month"),
        ("Israel struck in July 2019. Le même mois, la Syrie a accusé Israël.", "Le même mois"),
        ("Israel griff im Juli 2019 an. Im selben Monat beschuldigte Syrien Israel.",
         "Im selben Monat"),
        ("قصفت إسرائيل في تموز 2019. وفي الشهر نفسه اتهمت سوريا إسرائيل.", "الشهر نفسه"),
        ("قصفت إسرائيل في تموز 2019. وفي ذلك الشهر اتهمت سوريا إسرائيل.", "ذلك الشهر"),
    ]:  # fmt: skip
        got = _dates(sentence, PAGE)
        assert got[-1][1] == "2019-07" and word in got[-1][0], got
    for sentence in [
        "Israel struck in July 2018. That same year, Syria accused Israel.",
        "Israel struck on 5 July 2018. Later that year, Syria accused Israel.",
        "قصفت إسرائيل في تموز 2018. وفي العام نفسه اتهمت سوريا إسرائيل.",
        "İsrail Temmuz 2018'de vurdu. Aynı yıl Suriye İsrail'i suçladı.",
    ]:
        assert _dates(sentence, PAGE)[-1][1] == "2018", sentence
    # "that month" after a year alone says no month
    got = _dates("Israel struck in 2018. Later that month, Syria accused Israel.", PAGE)
    assert got == [("2018", "2018")]


def test_a_day_and_month_joined_by_hyphens():
    # the form of Thiqa (352), "17-تشرين الثاني- نوفمبر", here with its year
    assert _dates("قصف يوم الجمعة 17-تشرين الثاني-2017 على دوما", dt.date(2017, 11, 18)) == [
        ("يوم الجمعة 17-تشرين الثاني-2017", "2017-11-17")
    ]
    got = _dates("Shelling on 17-Nov-2017 and 3 March, 2017 and 4-5 March 2017.", PAGE)
    assert got == [
        ("17-Nov-2017", "2017-11-17"),
        ("3 March, 2017", "2017-03-03"),
        ("4-5 March 2017", "2017-03-04/2017-03-05"),
    ]
    # without its year, from the page
    assert _dates("قصف في 17-تموز/يوليو على دوما", PAGE) == [("17-تموز/يوليو", "2019-07-17")]
