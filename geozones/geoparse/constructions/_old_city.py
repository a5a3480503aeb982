"""A city's old city: "the Old City of Raqa" is a part of Raqqa, and a later bare "the Old
City" in the same text is that part again (round 26).

The old city of a town is a quarter of it, which the set marks ``p`` at the town's point,
as it marks a city's quarters. "the Old City of X" (or "the old city of X", "the Old Town
of X") names it, X found as a town; every later "the Old City" with capitals, no "of"
after it, is the same one (one sense per text). Without a town named after "of" nothing is
read: which city's old city "the Old City" is, the text does not say.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .._results import PlaceMention

#: "the Old City of ", "the old city of ", "the Old Town of " right before a town's name.
_OLD_CITY_OF = re.compile(r"\b[Tt]he[ \t]+(?P<name>[Oo]ld[ \t]+(?:[Cc]ity|[Tt]own))[ \t]+of[ \t]+$")
#: A bare "the Old City" (capitalised: the name of that quarter), not "the Old City of".
_BARE_OLD_CITY = re.compile(r"\b[Tt]he[ \t]+(?P<name>Old[ \t]+(?:City|Town))\b(?![ \t]+of\b)")


def old_cities(
    text: str, places: list[PlaceMention], taken: list[tuple[int, int]]
) -> list[PlaceMention]:
    """``places`` with "the Old City of X" and the later bare "the Old City" placed at X.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The place mentions found, in text order.
    taken : list of (int, int)
        Spans already taken by a non-place, a date or a road.

    Returns
    -------
    list of PlaceMention
        ``places`` and the old city's mentions, in text order.

    Examples
    --------
    >>> import geozones
    >>> t = "Troops entered the Old City of Aleppo. The Old City was shelled."
    >>> [(m.text, m.place.name) for m in geozones.extract(t).places]
    [('Old City', 'Aleppo'), ('Aleppo', 'Aleppo'), ('Old City', 'Aleppo')]
    """
    if "ld " not in text:
        return places
    city, first = None, None
    for m in places:
        if m.kind != "place" or m.place.kind != "populated place":
            continue
        head = _OLD_CITY_OF.search(text, max(0, m.start - 24), m.start)
        if head is not None:
            city, first = m, head
            break
    if city is None or first is None:
        return places
    # the gazetteer's own "Old City" (Jerusalem's) gives way wherever the rule reads one
    olds = {id(p) for p in places if _BARE_OLD_CITY.fullmatch("the " + p.text)}
    busy = [(p.start, p.end) for p in places if id(p) not in olds] + taken
    s, e = first.span("name")
    found = [_part(text, city, s, e)]
    for b in _BARE_OLD_CITY.finditer(text, first.end()):
        s, e = b.span("name")
        if not any(a < e and s < z for a, z in busy):
            found.append(_part(text, city, s, e))
    kept = [p for p in places if not any(p.start < f.end and f.start < p.end for f in found)]
    return sorted(kept + found, key=lambda p: p.start)


def _part(text: str, city: PlaceMention, s: int, e: int) -> PlaceMention:
    """The old city's mention at ``text[s:e]``, placed at its city."""
    return replace(city, text=text[s:e], start=s, end=e, name_start=s, name_end=e, part=None)
