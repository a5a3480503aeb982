"""One place per name in a text, for the names the gazetteer lacks.

A village the gazetteer does not hold is placed by its construction (:mod:`._unknown`,
:mod:`._anchor`): at the anchor its clause names ("in Al-Shuhayl and Theban towns in the
eastern countryside of Deir Ezzor") or at the centre of the towns around it. Written again
later ("between the SDF-held town of Al-Shuhayl and the government-held town of Baqrus"),
the name is the same village: a reader does not move it to wherever the later sentence's
towns happen to lie. Its later mentions take the first mention's point, and a village
placed only by its sentence's context beside such a repeated name is placed with it. A
name the text resolved earlier (its first mention read by its sound, "around the town of
al-Koum": Kum) is that place when it comes again in a construction that would place it by
its context alone ("between al-Koum and the town of al-Sukhna", round 27).
"""

from __future__ import annotations

from dataclasses import replace

from ..._text import fold
from .._results import PlaceMention
from ..places._town_centre import _sentence


def follow_first_unresolved(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` (in text order) with each unresolved name written again placed where its
    first mention is, and the unresolved names of that later sentence with no resolved town
    of their own placed there too.

    Examples
    --------
    >>> follow_first_unresolved("", [])
    []
    """
    first: dict[str, PlaceMention] = {}
    known: dict[str, PlaceMention] = {}  # the first resolved mention of each name
    out = list(places)
    moved: list[tuple[int, int, PlaceMention]] = []  # the sentences a repeated name settles
    for i, m in enumerate(places):
        if m.kind != "place":
            continue
        key = fold(text[m.name_start : m.name_end] if m.name_end > m.name_start else m.text)
        if m.resolved:
            known.setdefault(key, m)
            continue
        if key in known and key not in first:  # read before: the same place
            k = known[key]
            out[i] = replace(m, place=k.place, alternatives=k.alternatives, resolved=True)
            continue
        ref = first.setdefault(key, m)
        if ref is m or (ref.place.lat, ref.place.lon) == (m.place.lat, m.place.lon):
            continue
        out[i] = replace(m, place=replace(m.place, lat=ref.place.lat, lon=ref.place.lon))
        moved.append((*_sentence(text, m.start), out[i]))
    for a, b, ref in moved:
        if any(o.resolved and o.kind == "place" and a <= o.start < b for o in out):
            continue  # the sentence's own towns placed its other names
        for j, o in enumerate(out):
            if a <= o.start < b and not o.resolved and o.kind == "place" and o is not ref:
                if fold(o.text) not in first or first[fold(o.text)] is o:
                    out[j] = replace(
                        o, place=replace(o.place, lat=ref.place.lat, lon=ref.place.lon)
                    )
    return out
