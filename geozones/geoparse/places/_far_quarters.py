"""A city quarter named bare in a story told elsewhere: a namesake, not the quarter.

The gazetteer's quarters (:mod:`._neighbourhoods`) are taken with no cue and no city named
when their name is their own ("oil-rich Rumaila": a quarter of Raqqa, and no other place of
that name). In a story whose every other place at home lies far from that city (al-Hasakah,
Qamishli, al-Malikiyah: the Rmelan oil fields), the name is another place the gazetteer does
not know as such; placing it in Raqqa is a wrong point. Such a quarter is dropped when the
text names other places at home and all lie farther than :data:`QUARTER_FAR_KM` from it. A
quarter named with its cue ("the Rumaila neighbourhood") stays.
"""

from __future__ import annotations

import re

from ...projection import haversine_km
from .._results import PlaceMention

#: A quarter named bare farther than this (km) from every other place at home of its text
#: is not that quarter.
QUARTER_FAR_KM = 60.0
#: A quarter's cue around its name ("neighbourhood", "district", "حي", "quartier").
_CUE = re.compile(
    r"neighbou?rhood|district|quarter|suburb|quartier|Viertel|Stadtteil|mahalle|semt|حي|أحياء",
    re.IGNORECASE,
)


def drop_far_quarters(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """``places`` without the bare city quarters far from every other place at home.

    Examples
    --------
    >>> drop_far_quarters("", [], "SY")
    []
    """
    quarters = [m for m in places if m.place.source == "neighbourhoods" and m.kind == "place"]
    if not quarters:
        return places
    others = [
        m.place for m in places
        if m.place.source != "neighbourhoods" and m.kind != "country" and m.resolved
        and m.place.country == bias
    ]  # fmt: skip
    if not others:
        return places
    far = {
        id(m) for m in quarters
        if not _CUE.search(text[max(0, m.start - 20) : m.end + 20])
        and all(haversine_km(m.place.lat, m.place.lon, o.lat, o.lon) > QUARTER_FAR_KM
                for o in others)
    }  # fmt: skip
    return [m for m in places if id(m) not in far]
