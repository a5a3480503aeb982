"""A village of an Arabic list read as a namesake far from every other village of it.

A list of villages ("غرانيج والكشكية وأبو حمام والبحرة وحوامه") names places of one
area: a reader looks for each name near the others. When the only reading of one member
is a small village far from all the others (Bahra near Hama, 300 km from the Hajin pocket
the others lie in), the gazetteer lacks the village the text means: it is an unknown
place among its list, placed at the centre of the others (as the construction rules place
unknown names), not the far namesake. In a long list (four other members or more read in
the gazetteer, its unread items between them) the area is the group most of them form,
and a member is far from its centre: one more namesake far off does not hide the area.
"""

from __future__ import annotations

import dataclasses
import re

from ..._text import has_arabic_letter
from ...place import Place
from ...projection import haversine_km
from .._results import PlaceMention
from ._unknown import _context_place

#: How far (km) a member's reading must lie from every other member to be a namesake …
FAR_KM = 100.0
#: … while the other members lie within this distance of their centre.
NEAR_KM = 50.0
#: Population under which a reading is a village (OCHA communities carry none).
VILLAGE_POPULATION = 10_000
#: What joins two members of an Arabic list: "و" clinging to the next, a comma, or both.
_JOIN = re.compile(r"[ \t]*(?:[،,][ \t]*)?و?$")
#: … or, in a comma list, items the gazetteer does not read between them, or the head words
#: of the next item ("الصيان، حقل نفط الثورة، محطة نفط الرصافة"): three words at most each.
_W = r"[^\s.،,:;!؟()\d\"“”«»]+"
_JOIN_PAST = re.compile(
    rf"[ \t]*(?:،[ \t]*{_W}(?:[ \t]+{_W}){{0,2}}[ \t]*)*،[ \t]*(?:{_W}[ \t]+){{0,2}}و?"
)


def _arabic(m: PlaceMention) -> bool:
    return has_arabic_letter(m.text)


def _joined(text: str, a: PlaceMention, b: PlaceMention, past: bool = False) -> bool:
    if not (_arabic(a) and _arabic(b)):
        return False  # "Hama and Idlib, Aleppo was calm": an English comma ends a clause
    gap = text[a.end : b.start]
    if b.text.startswith("و") and not gap.strip():
        return bool(gap)  # "والبحرة": the "و" is in the mention
    if past and _JOIN_PAST.fullmatch(gap) is not None:
        return True  # "، حقل نفط الثورة، محطة نفط ": unread items of the comma list
    return _JOIN.fullmatch(gap) is not None and ("،" in gap or "," in gap or gap.endswith("و"))


def arabic_lists(
    text: str, places: list[PlaceMention], least: int = 3, past: bool = False
) -> list[list[int]]:
    """The runs of place mentions (their indexes) that an Arabic list joins, ``least``
    members or more ("غرانيج والكشكية وأبو حمام", "درعا، القنيطرة، ودمشق").

    Examples
    --------
    >>> arabic_lists("", [])
    []
    """
    runs, run = [], [0] if places else []
    for i in range(1, len(places)):
        if _joined(text, places[i - 1], places[i], past):
            run.append(i)
        else:
            runs.append(run)
            run = [i]
    if run:
        runs.append(run)
    return [r for r in runs if len(r) >= least]


def _village(m: PlaceMention) -> bool:
    p = m.place
    return (
        m.resolved and m.kind == "place" and p.kind == "populated place"
        and (p.population or 0) < VILLAGE_POPULATION
        and _arabic(m)
    )  # fmt: skip


#: A list of more read members than this is not grouped (the medoid costs their square).
GROUP_MAX = 60


def _group(points: list[Place]) -> list[int]:
    """The members (indexes into ``points``) that make the list's area: those within
    :data:`NEAR_KM` of the member nearest to all the others, when they are most of them
    (one more far namesake among a long list, "أبو سوسة" north of Raqqa among villages
    south of it, does not hide the area); all of them otherwise, and for a short list."""
    every = list(range(len(points)))
    if not 5 <= len(points) <= GROUP_MAX:
        return every

    def km(a: Place, b: Place) -> float:
        return float(haversine_km(a.lat, a.lon, b.lat, b.lon))

    medoid = min(points, key=lambda p: sum(km(p, o) for o in points))
    near = [k for k, o in enumerate(points) if km(medoid, o) <= NEAR_KM]
    return near if 2 * len(near) > len(points) else every


def far_list_members(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """The places, a list member read as a far namesake made an unknown place among its list.

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
        The same mentions, such members unresolved at the centre of the others.

    Examples
    --------
    >>> far_list_members("", [], "SY")
    []
    """
    out = list(places)
    for run in arabic_lists(text, places, past=True):
        read = [j for j in run if places[j].resolved]
        area = {read[k] for k in _group([places[j].place for j in read])}  # once a list
        for i in run:
            m = places[i]
            others = [places[j].place for j in read if j != i]
            if not _village(m) or len(others) < 2:
                continue
            group = [places[j].place for j in read if j != i and j in area]
            if len(group) < 2:
                continue
            lat = sum(p.lat for p in group) / len(group)
            lon = sum(p.lon for p in group) / len(group)
            if any(haversine_km(lat, lon, p.lat, p.lon) > NEAR_KM for p in group):
                continue
            if len(group) < len(others):  # a long list's area, its far namesakes left out
                far = haversine_km(m.place.lat, m.place.lon, lat, lon) > FAR_KM
            else:
                far = all(haversine_km(m.place.lat, m.place.lon, p.lat, p.lon) > FAR_KM
                          for p in group)  # fmt: skip
            if far:
                name = m.text[1:] if m.text.startswith("و") and len(m.text) > 4 else m.text
                unknown = _context_place(name, (lat, lon), bias)
                out[i] = dataclasses.replace(m, place=unknown, resolved=False, alternatives=())
    return out
