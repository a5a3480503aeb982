"""A governorate's capital listed with governorates is the governorate too.

Coordinated names share their kind: "في حلب وإدلب" (in Aleppo and Idlib, the towns under
the opposition in the two provinces), "(درعا، القنيطرة، ودمشق)" (the three corners of an
area): when the other members of an Arabic list (its last joined by "و") are read as
governorates, a reader takes
the bare capital among them for its governorate as well, not for the city alone. A capital
after "مدينة" (city) keeps the city, and so do the two ends of a road or a front after "بين"
(between: "الطريق الدولي بين حلب وحماة").
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
    return out
