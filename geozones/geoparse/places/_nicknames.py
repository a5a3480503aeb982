"""A nickname of an area, reused: the "Triangle of Death" of Hama is not the one of Daraa.

Named regions (``data/geoparse/regions.yaml``) include nicknames the press gives to a
front ("the Triangle of Death", "the Death Triangle"), and the press gives one nickname to
several fronts over the years. A writer marks a nickname as such, in quotes or with
"so-called"; a reader places it with the towns its sentence names ("the so-called
“Triangle of Death,” an area between the towns of Ltamenah, Kafr Zita and al-Zakah"). A
named region written as a nickname that lies farther than :data:`NICKNAME_FAR_KM` from the
group its sentence's towns form is placed at their centre (approximate, unresolved, the
gazetteer's region kept as an alternative).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...projection import haversine_km
from .._results import PlaceMention
from ._town_centre import _cluster_centre, _sentence, _Towns

#: A nickname this far (km) from its sentence's towns names another area than the gazetteer's.
NICKNAME_FAR_KM = 100.0
_MARKED = re.compile(
    r"(?:so-called|so called|dubbed|known as)\s+(?:the\s+)?[\"“‘']?\s*$|[\"“‘']\s*$"
)


def place_nicknames(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """``places`` with each far nickname moved to the towns of its sentence.

    Examples
    --------
    >>> place_nicknames("", [], "SY")
    []
    """
    towns = _Towns(places, bias)
    out = list(places)
    for i, m in enumerate(places):
        if m.kind != "region" or not m.place.extra.get("region") or not m.resolved:
            continue
        if not _MARKED.search(text[max(0, m.start - 20) : m.start]):
            continue
        a, b = _sentence(text, m.start)
        group = towns.within(a, b, m.start)
        where = _cluster_centre(group, m.start, True) if len(group) >= 2 else None
        if where is None or haversine_km(m.place.lat, m.place.lon, *where) <= NICKNAME_FAR_KM:
            continue
        place = replace(m.place, lat=where[0], lon=where[1], precision="context")
        out[i] = replace(m, place=place, alternatives=(m.place, *m.alternatives), resolved=False)
    return out
