"""A governorate's capital listed with governorates is the governorate too.

Coordinated names share their kind: "في حلب وإدلب" (in Aleppo and Idlib, the towns under
the opposition in the two provinces), "(درعا، القنيطرة، ودمشق)" (the three corners of an
area): when the other members of an Arabic list (its last joined by "و") are read as
governorates, a reader takes
the bare capital among them for its governorate as well, not for the city alone. A capital
after "مدينة" (city) keeps the city, and so do the two ends of a road or a front after "بين"
(between: "الطريق الدولي بين حلب وحماة").

The same holds of parallel phrases "في X" joined by "و" (round 27): "45 حريقاً في اللاذقية
و33 في طرطوس وأخرى في حمص" (fires counted in each governorate): a capital after such a
phrase whose place is read as a governorate is the governorate too.
"""

from __future__ import annotations

import dataclasses
import re

from ...place import Place
from .._results import PlaceMention
from ..places._capitals import capital_governorate
from ._ar_far_listed import arabic_lists

_CITY_BEFORE = re.compile(r"(?:مدينة|مدينتي|مدن)[ \t]+[وبلف]?$")
#: "بين" (between) before a pair: a road's or a front's two ends, towns ("الطريق الدولي بين
#: حلب وحماة").
_BETWEEN = re.compile(r"(?<![\u0621-\u064a])(?:بين|بينَ|ما بين)[ \t]+$")


def _governorate(m: PlaceMention) -> Place | None:
    """The governorate the mention's city is the capital of, among its readings."""
    if m.kind != "place" or m.place.kind != "populated place":
        return None
    return capital_governorate(m)


#: Between two parallel phrases "في X": a closing quotation mark, "و", a number or a word or
#: two ("و33 في", "وأخرى في", "وثلاثة أخرى في"), then "في"; no clause's end.
_PARALLEL_GAP = re.compile(
    r"[\"”»]?[ \t]*،?[ \t]*و[ \t]*(?:[^\s.،؛:\"”«»]+[ \t]+){0,2}?(?:في|ب)[ \t]+"
)
_IN_BEFORE = re.compile(r"(?<![\u0621-\u064a])(?:في|ب)[ \t]*$")


def _parallel(text: str, places: list[PlaceMention], out: list[PlaceMention]) -> None:
    """A capital in a series of phrases "في X" whose member before it is a governorate: the
    governorate (``out`` changed in place)."""
    for i in range(1, len(places)):
        a, b = out[i - 1], places[i]
        gov = _governorate(b)
        if gov is None or a.kind != "region" or a.place.kind != "admin area":
            continue
        if not _PARALLEL_GAP.fullmatch(text, a.end, b.start):
            continue
        if not _IN_BEFORE.search(text, max(0, a.start - 4), a.start):
            continue  # "في" before the first member too: "في اللاذقية و33 في طرطوس"
        alts = (b.place, *(x for x in b.alternatives if x is not gov))
        out[i] = dataclasses.replace(b, place=gov, kind="region", alternatives=alts)


def _with_and(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    return b.text.startswith("و") or text[a.end : b.start].rstrip().endswith("و")


def paired_capitals(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places, a capital listed with governorates read as its governorate.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The place mentions, in text order.

    Returns
    -------
    list of PlaceMention
        The same mentions, such capitals made regions (their governorate).

    Examples
    --------
    >>> import geozones
    >>> t = "وتشهد مدن خاضعة لسيطرة المعارضة في حلب وإدلب تفجيرات."
    >>> [(m.text, m.kind) for m in geozones.extract(t).places]
    [('حلب', 'region'), ('إدلب', 'region')]
    """
    out = list(places)
    for run in arabic_lists(text, places, least=2):
        if not any(places[j].kind == "region" for j in run):
            continue
        if _BETWEEN.search(text, max(0, places[run[0]].start - 12), places[run[0]].start):
            continue
        if not any(_with_and(text, places[j - 1], places[j]) for j in run[1:]):
            continue  # "إدلب، حلب تشهد …": a comma alone may end a clause; a list ends with "و"
        for i in run:
            m = places[i]
            gov = _governorate(m)
            if gov is None or _CITY_BEFORE.search(text, max(0, m.start - 12), m.start):
                continue
            alts = (m.place, *(a for a in m.alternatives if a is not gov))
            out[i] = dataclasses.replace(m, place=gov, kind="region", alternatives=alts)
    _parallel(text, places, out)
    return out
