"""Capitals, parts and dates by the text's own context, round 27.

Each rule is shown firing on a sentence written for it and staying silent where it must:

* the fighting over a governorate's capital and forces withdrawing from it ("the fighting
  over X", "units will withdraw from X") are counted among the text's city cues (the
  capital guideline's rule 3: the battle for the city, people leaving it): two of them, more
  than the area cues, make its bare mentions the city; one alone, or against more area
  cues, leaves the reading as it was;
* the streets of a capital ("يجوبون الشوارع الرئيسية والساحات في X", "the streets of X")
  are the city's; "ساحات" alone (expanses) says nothing;
* the building a governorate is governed from ("مبنى محافظة X", a hashtag too: "محافظة
  #X") stands in its capital: the city; "مركز محافظة X" after a town (the governorate's
  centre) keeps the governorate;
* a list of governorates after "محافظات" runs over a compass part of the country ("محافظات
  اللاذقية وطرطوس في الغرب وحمص في الوسط"); another "في" phrase still ends it;
* parallel phrases "في X" joined by "و" ("12 إصابة في إدلب و7 في حماة وأخرى في حمص"): a
  capital after a member read as a governorate is the governorate; after a city it keeps
  its reading;
* "مقاطعة X" (the Autonomous Administration's word for a province) is an area cue like
  "محافظة X";
* "the <compass> parts of X" is "<compass> X": the part on that side;
* a weekday whose sentence's "will" stands in a relative clause after it ("began leaving
  Saturday under a deal that will bring …") is read in the past; a "will" of its own
  clause still makes it the next one;
* "over the previous year" is a span lasting up to the time told (no year); "in the
  previous year" after a year is still the year before it;
* a weekly rite named by its weekday ("تعليق صلاة الجمعة", "Friday prayers were cancelled")
  is no date; after a word of time ("بعد صلاة الجمعة", "after Friday prayers") it is that
  Friday;
* "من الغد" (from tomorrow) is tomorrow; a tomorrow (or yesterday) counted from an event
  its sentence dates only as "recently" ("أعلنت مؤخرا … اعتبارا من الغد") is a day unknown;
  after a dated announcement it is the page's tomorrow.
"""

from __future__ import annotations

import datetime as dt

import geozones


def _kinds(text: str, name: str) -> list[str]:
    return [m.place.kind for m in geozones.extract(text).places if m.text.endswith(name)]


# -- the battle for the city, forces leaving it -------------------------------------------


def test_fighting_over_and_withdrawing_from_the_capital_make_it_the_city():
    t = (
        "Kurdish units seized key buildings in Hasakah after a week of clashes. The fighting "
        "over Hasakah drew air strikes on the Hasakah region. Under the truce both armies "
        "will withdraw from Hasakah by Friday."
    )
    assert _kinds(t, "Hasakah") == ["populated place"] * 3


def test_one_city_cue_against_area_cues_leaves_the_governorate():
    t = (
        "The fighting over Hasakah went on. Jets struck villages across Hasakah province, "
        "and Hasakah province saw more raids. Rebels attacked positions in Hasakah."
    )
    assert _kinds(t, "Hasakah")[-1] == "admin area"


# -- the city's streets -------------------------------------------------------------------


def test_the_streets_of_a_capital_are_the_city():
    t = "وخرج مئات المحتجين يجوبون الشوارع الرئيسية والساحات في درعا، مرددين الشعارات."
    assert _kinds(t, "درعا") == ["populated place"]
    assert _kinds("Crowds marched through the streets of Daraa on Friday.", "Daraa") == [
        "populated place"
    ]


def test_expanses_in_a_capital_say_nothing_of_the_city():
    assert _kinds("وسيطرت الفصائل على ساحات واسعة في إدلب.", "إدلب") == ["admin area"]


# -- the governorate's building -----------------------------------------------------------


def test_the_governorate_building_stands_in_its_capital():
    assert _kinds("واحتشد الأهالي أمام مبنى محافظة #درعا، مطالبين بالإفراج.", "درعا") == [
        "populated place"
    ]
    assert _kinds("واعتصم العمال أمام مقر محافظة حماة.", "حماة") == ["populated place"]


def test_the_governorate_named_alone_or_as_a_towns_centre_stays_the_area():
    assert _kinds("وقصفت الطائرات قرى في محافظة #درعا.", "درعا") == ["admin area"]
    t = "وهاجمت الفصائل مدينة البعث مركز محافظة القنيطرة."
    assert _kinds(t, "القنيطرة") == ["admin area"]


# -- a list of governorates over a compass part -------------------------------------------


def test_a_list_of_governorates_runs_over_a_compass_part():
    t = "وامتدت النيران في أرياف محافظات اللاذقية وطرطوس في الغرب وحمص في الوسط."
    assert _kinds(t, "حمص") == ["admin area"]


def test_another_in_phrase_ends_the_list():
    t = "وامتدت النيران في محافظات اللاذقية وطرطوس في غابات الساحل وحمص."
    assert _kinds(t, "حمص") == ["populated place"]


def test_a_capital_in_parallel_in_phrases_after_a_governorate_is_the_governorate():
    t = "وسجلت الوزارة 12 إصابة في إدلب و7 في حماة وأخرى في حمص."
    assert _kinds(t, "حمص") == ["admin area"]


def test_a_capital_after_a_city_in_parallel_keeps_its_reading():
    assert _kinds("وقتل شخص في دمشق وآخر في حمص.", "حمص") == ["populated place"]


# -- مقاطعة -------------------------------------------------------------------------------


def test_muqataa_is_an_area_cue():
    t = "ودعت الرئيسة المشتركة لهيئة الصحة في مقاطعة الرقة إلى المساعدة."
    assert _kinds(t, "الرقة") == ["admin area"]
    assert _kinds("وعاد آلاف السكان إلى الرقة.", "الرقة") == ["populated place"]


# -- the compass parts of X ---------------------------------------------------------------


def test_the_compass_parts_of_x_is_its_part():
    ms = geozones.extract("Fires spread in the southern parts of Idlib on Sunday.").places
    assert [(m.place.kind, m.part is not None and m.part.direction) for m in ms] == [
        ("admin area", "south")
    ]


def test_parts_with_no_compass_give_no_part():
    ms = geozones.extract("Fires spread in parts of Idlib on Sunday.").places
    assert [m.part for m in ms] == [None]


# -- a weekday and a relative clause's future ---------------------------------------------


def _day(text: str, published: str) -> dt.date:
    return next(d.start_date for d in geozones.extract(text, published=published).dates)


def test_a_relative_clauses_will_leaves_the_weekday_past():
    t = "Fighters began leaving the besieged town Saturday under a pact that will end the siege."
    assert _day(t, "2019-05-13") == dt.date(2019, 5, 11)  # Monday's page: the Saturday before


def test_the_weekdays_own_will_makes_it_the_next():
    assert _day("Fighters will leave the town Saturday.", "2019-05-13") == dt.date(2019, 5, 18)
    t = "The convoy that will leave Saturday was announced."
    assert _day(t, "2019-05-13") == dt.date(2019, 5, 18)


# -- a span "over the previous year" --------------------------------------------------------


def _dates(text: str, published: str) -> list[tuple[str, dt.date | None]]:
    return [(d.text, d.start_date) for d in geozones.extract(text, published=published).dates]


def test_over_the_previous_year_is_a_span_no_year():
    t = "The war began in 2011. Refugees have crossed at a growing rate over the previous year."
    assert _dates(t, "2017-03-20") == [("2011", dt.date(2011, 1, 1))]


def test_the_previous_year_after_a_year_is_the_year_before():
    t = "The war began in 2011. In the previous year, protests were rare."
    assert ("the previous year", dt.date(2010, 1, 1)) in _dates(t, "2017-03-20")


# -- a weekly rite named by its weekday -----------------------------------------------------


def test_the_friday_prayer_is_no_date():
    assert _dates("وقررت الوزارة إلغاء صلاة الجمعة في جميع المساجد.", "2020-04-05") == []
    assert _dates("Friday prayers were cancelled in all mosques.", "2020-04-05") == []


def test_after_the_friday_prayer_is_that_friday():
    got = _dates("وخرج المئات في مظاهرة بعد صلاة الجمعة في بصرى.", "2020-04-05")
    assert got == [("الجمعة", dt.date(2020, 4, 3))]
    got = _dates("Hundreds marched after Friday prayers in Busra.", "2020-04-05")
    assert got == [("Friday", dt.date(2020, 4, 3))]


# -- tomorrow of an event dated only "recently" ---------------------------------------------


def test_tomorrow_of_a_recent_announcement_is_unknown():
    t = "وكانت البلدية قد أعلنت مؤخراً إغلاق الأسواق اعتبارا من الغد، للحد من العدوى."
    assert _dates(t, "2020-04-05") == [("من الغد", None)]
    t = "The council recently said the markets would close tomorrow."
    assert _dates(t, "2020-04-05") == [("tomorrow", None)]


def test_tomorrow_of_a_dated_announcement_is_the_pages():
    t = "وأعلنت البلدية اليوم إغلاق الأسواق اعتبارا من الغد."
    assert ("من الغد", dt.date(2020, 4, 6)) in _dates(t, "2020-04-05")
