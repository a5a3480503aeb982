"""A market named after a village far away is a site of the story's city: "Hamidiyeh souk"
in a story datelined Damascus is the covered market of Damascus's old city, not the village
of Hamidiyeh near Aleppo (round 25).

A city's markets bear the names of quarters, families and towns ("Hamidiyeh souk", "Souq
al-Hal", "the Bzourieh market"), which the gazetteer may hold as villages elsewhere. A name
right before a market's noun (souk, souq, market, bazaar) whose reading lies farther than
:data:`FAR_KM` from the story's city is the market: the mention becomes a site, unresolved,
at the city, as the set places a site at its town's point. The story's city is its
dateline's ("Damascus:", "HOMS, Syria"), else the one town at home the text names besides.
A market named after a town nearby ("the Saraqib market" in a story on Saraqib) stays that
town, and so does one named after a town the press knows (a district's or subdistrict's seat,
or a town of 10,000 people or more: "the Maarat al-Numan market" in a story datelined
Damascus is that town's).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...projection import haversine_km
from .._results import PlaceMention
from ..places._capitals import dateline_place
from ..places._loose import _seat
from ._unknown import _context_place

#: A market's noun right after a name ("Hamidiyeh souk", "Hamidiyeh Market").
_MARKET_AFTER = re.compile(r"[ \t]+(?:[Ss]ou[kq]s?|[Ss]uqs?|[Mm]arkets?|[Bb]azaars?)\b")
_MARKET_WORD = re.compile(r"\b(?:[Ss]ou[kq]|[Ss]uq|[Mm]arket|[Bb]azaar)")
#: A reading this far (km) from the story's city is not the market's.
FAR_KM = 25.0


def city_markets(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """``places`` with each market named after a far village made a site of the story's city.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The place mentions found, in text order.
    bias : str
        The home country.

    Returns
    -------
    list of PlaceMention
        The same mentions, such a market placed (unresolved) at the story's city.

    Examples
    --------
    >>> import geozones
    >>> t = "Damascus: The shops closed. Hamidiyeh souk was deserted."
    >>> [(m.text, m.resolved, round(m.place.lat, 1)) for m in geozones.extract(t).places]
    [('Damascus', True, 33.5), ('Hamidiyeh', False, 33.5)]
    """
    if not _MARKET_WORD.search(text):  # a cheap test first (no run of blanks to try)
        return places
    out = list(places)
    for i, m in enumerate(places):
        if m.kind != "place" or not m.resolved or not _MARKET_AFTER.match(text, m.end):
            continue
        if _seat(m.place):
            continue  # "the Maarat al-Numan market": a town the press knows, its own market
        city = _story_city(text, places, m, bias)
        if city is None or city.place.name == m.place.name:
            continue
        if haversine_km(m.place.lat, m.place.lon, city.place.lat, city.place.lon) <= FAR_KM:
            continue
        place = _context_place(m.text, (city.place.lat, city.place.lon), bias)
        out[i] = replace(m, place=place, alternatives=(m.place, *m.alternatives), resolved=False)
    return out


def _home_town(m: PlaceMention, bias: str) -> bool:
    """Whether a mention is a town of the home country the text resolved (a site's town)."""
    return (
        m.kind == "place" and m.resolved and m.place.country == bias
        and m.place.kind == "populated place"
    )  # fmt: skip


def _story_city(
    text: str, places: list[PlaceMention], m: PlaceMention, bias: str
) -> PlaceMention | None:
    """The town of the text's dateline, else the one town at home it names besides ``m``."""
    towns = [o for o in places if o is not m and _home_town(o, bias)]
    for o in towns:
        if o.start < 80 and dateline_place(text, o.start, o.end, any_colon=True):
            return o
    names = {o.place.name for o in towns}
    return towns[0] if len(names) == 1 else None


#: A shopping centre named by a name of its own: "the Castello shopping center", "the Cham
#: City Center mall".
_MALL = re.compile(
    r"\bthe[ \t]+(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]+"
    r"(?:shopping[ \t]+(?:cent(?:er|re)|mall|complex)|mall)\b"
)


def shopping_centres(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """``places`` with each shopping centre the text names by a name of its own ("the
    Castello shopping center") as a site of the town the text names last before it: a
    building named by a name of its own is a place at its town's point, as the set marks
    it. The name and its noun make the mention; one that holds a place already found ("the
    Aleppo mall") is left to it, and one with no home town before it is not placed.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The place mentions found, in text order.
    bias : str
        The home country.

    Returns
    -------
    list of PlaceMention
        ``places`` and the shopping centres, in text order, unresolved at their town.

    Examples
    --------
    >>> import geozones
    >>> t = "Shells fell on Homs near the Palladium shopping mall on Friday."
    >>> [(m.text, round(m.place.lat, 1)) for m in geozones.extract(t).places]
    [('Homs', 34.7), ('Palladium shopping mall', 34.7)]
    """
    if "mall" not in text and "shopping" not in text:  # a cheap test first
        return places
    added = []
    for mm in _MALL.finditer(text):
        s, e = mm.start("name"), mm.end()
        if any(p.start < e and s < p.end for p in places):
            continue
        before = [p for p in places if p.end <= s and _home_town(p, bias)]
        if not before:
            continue
        town = before[-1].place
        place = _context_place(text[s:e], (town.lat, town.lon), bias)
        added.append(PlaceMention(text[s:e], s, e, place, "place", s, e, resolved=False))
    return sorted(places + added, key=lambda m: m.start) if added else places
