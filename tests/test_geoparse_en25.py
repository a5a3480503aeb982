"""Round 25, English places and dates in both languages: each rule on sentences of our own,
firing where it should and silent where it must not."""

from __future__ import annotations

import datetime as dt

import geozones
from geozones.geoparse.dates import extract_dates


def _dates(text: str, ref: dt.date | None = None) -> list[tuple[str, str | None]]:
    ms, _ = extract_dates(text, ref)
    return [(m.text, m.iso) for m in ms]


# --------------------------------------------------------------------------- dates


def test_a_weekday_takes_the_one_full_day_the_text_writes_on_that_weekday():
    text = (
        "Rebels paraded their new tanks in Homs on Sunday, officials said.\n"
        "A picture taken in Homs on March 12, 2017 shows the tanks."
    )  # 12 March 2017 was a Sunday; no page date
    assert _dates(text) == [("on Sunday", "2017-03-12"), ("March 12, 2017", "2017-03-12")]


def test_a_weekday_stays_unresolved_when_the_written_day_falls_on_another_weekday():
    text = (
        "Rebels paraded their new tanks in Homs on Saturday, officials said.\n"
        "A picture taken in Homs on March 12, 2017 shows the tanks."
    )  # a Sunday: no Saturday the text dates
    assert _dates(text)[0] == ("on Saturday", None)
    # nor when two written days fall on that weekday
    text = (
        "The talks resumed on Sunday.\nThey first met on March 12, 2017.\n"
        "They met again on March 19, 2017."
    )
    assert _dates(text)[0] == ("on Sunday", None)


def test_a_day_after_every_or_each_is_no_date():
    assert _dates("The group marks its founding every March 3rd.", dt.date(2019, 5, 1)) == []
    assert _dates("Protesters gather each Friday in the square.", dt.date(2019, 5, 1)) == []
    assert _dates("Protesters gathered on Friday in the square.", dt.date(2019, 5, 1)) == [
        ("on Friday", "2019-04-26")
    ]


def test_a_weekday_after_a_participle_of_its_own_clause_is_past():
    text = "The prisoners are to be freed under an agreement signed late on Monday."
    assert _dates(text, dt.date(2018, 6, 13)) == [("late on Monday", "2018-06-11")]
    # a passive after "be" keeps the sentence's future
    text = "The prisoners will be released on Monday, the mediators said."
    assert _dates(text, dt.date(2018, 6, 13)) == [("on Monday", "2018-06-18")]
    # and a participle of a plan too
    text = "The prisoners are to be freed in a handover scheduled on Monday."
    assert _dates(text, dt.date(2018, 6, 13)) == [("on Monday", "2018-06-18")]


def test_a_range_of_two_yearless_days_shares_the_year_of_its_end():
    text = "From January 20 to April 3, the brigade shelled the town."
    assert _dates(text, dt.date(2019, 10, 2)) == [
        ("January 20 to April 3", "2019-01-20/2019-04-03")
    ]
    # a range over the new year keeps its start in the year before
    text = "From December 28 to January 4, the crossing was shut."
    assert _dates(text, dt.date(2019, 1, 20)) == [
        ("December 28 to January 4", "2018-12-28/2019-01-04")
    ]


def test_month_of_year():
    assert _dates("The brigade was founded in March of 2013.", dt.date(2019, 1, 1)) == [
        ("March of 2013", "2013-03")
    ]
    # "of" without a year after it is no part of the month
    got = _dates("In March of that year the brigade was founded.", dt.date(2019, 1, 1))
    assert got == [("March", "2018-03")]


def test_a_vague_period_leading_to_its_day_is_no_date_of_its_own():
    text = "Earlier this week on July 2, 2019, the council closed the market."
    assert _dates(text, dt.date(2019, 7, 4)) == [("July 2, 2019", "2019-07-02")]
    # a day outside the period leaves both
    text = "Earlier this week, on June 20, 2019 a court had ruled."
    got = _dates(text, dt.date(2019, 7, 4))
    assert ("June 20, 2019", "2019-06-20") in got and len(got) == 2


def test_the_day_before_an_event_the_text_dated():
    text = (
        "The minister called off his tour of Daraa, planned for May 4, 2018. Gunmen had "
        "seized two officers the day before the tour near the governor's office."
    )
    assert ("the day before the tour", "2018-05-03") in _dates(text)
    # an event the dated sentence does not name: no day
    text = (
        "The minister called off his tour of Daraa, planned for May 4, 2018. Gunmen had "
        "seized two officers the day before the vote near the governor's office."
    )
    assert [t for t, _ in _dates(text)] == ["May 4, 2018"]


# --------------------------------------------------------------------------- places


def _places(text: str) -> list[tuple[str, str, str, str]]:
    ex = geozones.extract(text)
    return [(m.text, m.kind, m.place.name, m.place.country) for m in ex.places]


def test_a_loose_spelling_of_a_governorate_capital_after_a_preposition_is_kept():
    got = _places("The convoy drove from Raqqa to al-Hassakeh overnight.")
    assert ("al-Hassakeh", "region", "Al-Hasakeh", "SY") in got
    # a word that only sounds like a capital, with no preposition of place before it
    got = _places("L'Observatoire des droits de l'Hommes a compté les morts à Raqqa.")
    assert not [g for g in got if g[0] == "Hommes"]


def test_a_us_state_is_a_region_of_the_united_states():
    got = _places("A National Guard unit from North Carolina moved into eastern Syria.")
    assert ("North Carolina", "region", "North Carolina", "US") in got
    assert ("Virginia", "region", "Virginia", "US") in _places("Officials in Virginia said so.")
    # the capital, the city and the country keep their readings
    assert _places("Officials in Washington said so.")[0][2:] == ("Washington", "US")
    assert _places("Officials in New York said so.")[0][2:] == ("New York City", "US")
    assert _places("Georgia and Russia signed it.")[0][1:] == ("country", "Georgia", "GE")


def test_a_list_with_its_count_and_noun_is_a_list_of_towns():
    text = "The deal trades the evacuation of Zardana and Kafraya, two besieged towns in Idlib."
    assert [g[0] for g in _places(text)][:2] == ["Zardana", "Kafraya"]
    text = "The deal trades the evacuation of Qaddoura and Kafraya, two besieged towns in Idlib."
    assert "Qaddoura" in [g[0] for g in _places(text)]
    # a count that disagrees with the list says nothing of it
    text = "The deal trades the evacuation of Qaddoura and Kafraya, three besieged towns in Idlib."
    assert "Qaddoura" not in [g[0] for g in _places(text)]


def test_a_quarter_named_after_a_verb_of_taking():
    text = "The offensive to capture the Qaddoura neighborhood of the city of Daraa failed."
    assert ("Qaddoura", "place") in [g[:2] for g in _places(text)]
    # no verb of taking and no preposition before it: nothing tells a place
    text = "Officials said Qaddoura neighborhood committees met in the city of Daraa."
    assert "Qaddoura" not in [g[0] for g in _places(text)]


def test_a_country_named_as_a_source_is_the_country():
    got = _places("The shipments carry arms (according to Turkey, also fuel) to Idlib.")
    assert ("Turkey", "country", "Turkey", "TR") in got
    ex = geozones.extract("According to Reuters, the convoy reached Idlib.")
    assert [e.text for e in ex.entities if e.kind == "news"] == ["Reuters"]


def test_a_capital_that_is_a_port_or_a_city_is_the_city():
    got = _places("Tartous is Syria's second commercial port, officials said.")
    assert got[0][:2] == ("Tartous", "place")
    got = _places("Tartous province is Syria's quietest, officials said.")
    assert got[0][:2] == ("Tartous province", "region")


def test_a_tell_name_in_two_words_reaches_its_glued_spelling_in_the_story_region():
    got = _places("Rebels in Idlib province said a checkpoint near Tel Aad was attacked.")
    assert ("Tel Aad", "place", "Tilaada", "SY") in got
    # in a story on Hama, the Tal Ada of Hama
    got = _places("Rebels in Hama province said a checkpoint near Tel Aad was attacked.")
    assert ("Tel Aad", "place", "Tal Ada", "SY") in got
    # with no region to choose by, two namesakes are a guess: none
    assert _places("A checkpoint near Tel Aad was attacked overnight.") == []


def test_a_market_named_after_a_far_village_is_a_site_of_the_story_city():
    ex = geozones.extract("HOMS, Syria - Traders said the Kafraya souk stayed shut.")
    market = [m for m in ex.places if m.text == "Kafraya"][0]
    assert not market.resolved and round(market.place.lat, 1) == 34.7  # Homs, not Idlib's
    # a town the press knows keeps its own market
    ex = geozones.extract("DAMASCUS, Syria - Airstrikes hit the Maaret al-Numan market.")
    market = [m for m in ex.places if m.text == "Maaret al-Numan"][0]
    assert market.resolved and market.place.name == "Ma'arrat An Nu'man"
    # a market in a text with no city to put it in stays the village
    ex = geozones.extract("Traders said the Hamidiyeh souk stayed shut.")
    assert ex.places[0].resolved
