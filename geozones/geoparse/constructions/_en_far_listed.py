"""A village of an English list read as a namesake far from the list and from the story.

"the villages of al-Khalil and al-Hanah" names two villages of one front: a reader looks
for each name near the other. When one member's reading lies far from every other member
and from the centre of the places the text names outside the list, while the others lie
near that centre, the gazetteer lacks the village the text means (al-Hanah 70 km east, by
al-Bab, in a story on Afrin's Rajo front): it is an unknown place of its list, placed at the
centre of the other members, as the construction rules place unknown names. Its other name
in brackets right after it ("al-Hanah (Zaten)") goes with it, and so does a member the
constructions placed at that other name's far reading. A town the press knows (the seat of a
district or subdistrict: "the border towns of Ras al-Ain and Tal Abyad") is that town. The
Arabic lists have their own rule (``_ar_far_listed``).
"""

from __future__ import annotations

import dataclasses
import re

from ...projection import haversine_km
from .._results import PlaceMention
from ..places._loose import _seat
from ._unknown import _context_place

#: How far (km) a member must lie from every other member and from the story's centre.
FAR_KM = 50.0
#: Population under which a reading is a village (OCHA communities carry none).
VILLAGE_POPULATION = 10_000
_LIST_NOUN = re.compile(r"\b(?:villages|towns|hamlets)[ \t]+of[ \t]+$")
_JOIN = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)")
_BRACKET = re.compile(r"[ \t]*\(")


def _village(m: PlaceMention) -> bool:
    p = m.place
    return (
        m.kind == "place" and p.kind == "populated place"
        and (p.population or 0) < VILLAGE_POPULATION and m.text.isascii() and not _seat(p)
    )  # fmt: skip


def _km(a: PlaceMention, b: PlaceMention) -> float:
    return float(haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon))


def _from(m: PlaceMention, point: tuple[float, float]) -> float:
    return float(haversine_km(m.place.lat, m.place.lon, *point))


def _lists(text: str, places: list[PlaceMention]) -> list[list[int]]:
    """The runs of mentions (indexes) a plural noun of settlement lists ("the villages of
    A, B and C"), two members or more."""
    runs = []
    for i, m in enumerate(places):
        if not _LIST_NOUN.search(text, max(0, m.start - 20), m.start):
            continue
        run = [i]
        for j in range(i + 1, len(places)):
            if _JOIN.fullmatch(text, places[j - 1].end, places[j].start) is None:
                break
            run.append(j)
        if len(run) >= 2:
            runs.append(run)
    return runs


def far_english_members(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """The places, an English list's member read far from its list and the story made an
    unknown place at the centre of the other members.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The place mentions, in text order.
    bias : str
        The home country (for the unknown place).

    Returns
    -------
    list of PlaceMention
        The same mentions, such members (and their bracketed other names) unresolved.

    Examples
    --------
    >>> far_english_members("", [], "SY")
    []
    """
    out = list(places)
    for run in _lists(text, places):
        rest = [
            (m.place.lat, m.place.lon)
            for k, m in enumerate(places)
            if k not in run and m.resolved and m.place.country == bias and m.kind != "country"
        ]
        if not rest:
            continue
        centre = (sum(p[0] for p in rest) / len(rest), sum(p[1] for p in rest) / len(rest))
        for i in run:
            m = places[i]
            others = [places[j] for j in run if j != i and places[j].resolved]
            if not _village(m) or not others or any(_km(m, o) <= FAR_KM for o in others):
                continue
            if _from(m, centre) <= FAR_KM or any(_from(o, centre) > FAR_KM for o in others):
                continue  # the other members, not this one, lie where the story is
            lat = sum(o.place.lat for o in others) / len(others)
            lon = sum(o.place.lon for o in others) / len(others)
            for k in (i, i + 1):
                if k == i + 1 and not (
                    k < len(places)
                    and _BRACKET.fullmatch(text, m.end, places[k].start)
                    and places[k].place.lat == m.place.lat
                    and places[k].place.lon == m.place.lon
                ):
                    break  # "al-Hanah (Zaten)": the other name read at the same point
                unknown = _context_place(places[k].text, (lat, lon), bias)
                out[k] = dataclasses.replace(
                    places[k], place=unknown, resolved=False, alternatives=()
                )
    return out
