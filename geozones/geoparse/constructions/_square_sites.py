"""A named square or roundabout is a site of the city its sentence names, and only then.

A name before "Square", "roundabout" or glued to "-Platz" ("the Al-Masri roundabout",
"Saadallah al-Jabiri Square", "der Tahrir-Platz") is a site inside a city, which the set
places at the city's point; :mod:`._unknown` finds it by that cue and places it with the
towns around it. A square is named in many a city abroad ("Red Square", "Tahrir Square" in
Cairo), so the site is kept only when its own sentence names a place at home (a town, or a
governorate named after its capital): a square whose sentence names none is left out (the
text's nearest town is a guess).
"""

from __future__ import annotations

import re

from .._results import PlaceMention
from ..places._town_centre import _sentence

#: The cue after a site's name (a named hospital, the older cue, is kept as it was).
_SQUARE = re.compile(r"(?:[ \t]+(?:Square|[Rr]oundabout)|-Platz)$")


def keep_anchored_squares(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """``places`` without the squares and roundabouts placed by their context whose sentence
    names no town at home.

    Examples
    --------
    >>> keep_anchored_squares("", [], "SY")
    []
    """
    squares = [m for m in places if m.place.source == "context" and _SQUARE.search(m.text)]
    if not squares:
        return places
    drop = set()
    for m in squares:
        a, b = _sentence(text, m.start)
        if not any(
            o is not m and a <= o.start < b and o.kind != "country" and o.resolved
            and o.place.country == bias
            for o in places
        ):  # fmt: skip
            drop.add(id(m))
    return [m for m in places if id(m) not in drop]
