""" "Kafr Zita province": a province word on a name that names no province.

In Syria a province is a governorate (and, loosely, a district). Wire copy translated in a
hurry writes "province" after a town whose subdistrict bears its name ("Syrian army retakes
Kafr Zita province in Hama", TASS): no governorate or district bears that name, so the
province word is the translator's, and a reader reads the town the story is about. A
region mention whose area is only a subdistrict (admin level 3 or lower) and whose cue is
"province" or "governorate" is read as the town of that name when there is one nearby.

"X front" likewise names an area only when X is the seat of one (round 27): "in Rajou front"
(Raju, seat of its subdistrict) is the subdistrict, as the set reads "the Hama front"; "along
the Jisreen front" (Jisrein, a village of Kafr Batna's subdistrict) is the village the front
runs by.
"""

from __future__ import annotations

import re

from ...projection import haversine_km
from .._results import PlaceMention

_PROVINCE = re.compile(r"[\s-]*(?:province|governorate)\b", re.IGNORECASE)
#: The town must lie this close (km) to the subdistrict's point to be the one it names.
TOWN_OF_AREA_KM = 15.0


def province_word_towns(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` with "X province", X a subdistrict only, read as the town X.

    Examples
    --------
    >>> province_word_towns("", [])
    []
    """
    out = []
    for m in places:
        p = m.place
        if (
            m.kind == "region"
            and p.kind == "admin area"
            and (p.level or 0) >= 3
            and m.name_end > m.name_start
            and _PROVINCE.match(text, m.name_end)
        ):
            town = next(
                (
                    a
                    for a in m.alternatives
                    if a.kind == "populated place"
                    and a.country == p.country
                    and haversine_km(a.lat, a.lon, p.lat, p.lon) <= TOWN_OF_AREA_KM
                ),
                None,
            )
            if town is not None:
                alts = (p, *(a for a in m.alternatives if a is not town))
                m = PlaceMention(
                    text[m.name_start : m.name_end], m.name_start, m.name_end,
                    town.with_score(p.score, p.matched), "place", m.name_start, m.name_end,
                    alternatives=alts,
                )  # fmt: skip
        out.append(m)
    return out


_FRONT = re.compile(r"[ \t]+front$")


def front_word_towns(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` with "X front", X a town that is the seat of no area, read as the town.

    Examples
    --------
    >>> import geozones
    >>> t = "Rebels clashed along the Beit Sawa front in Eastern Ghouta."
    >>> [(m.text, m.kind) for m in front_word_towns(t, geozones.extract(t).places)][:1]
    [('Beit Sawa', 'place')]
    """
    out = []
    for m in places:
        p = m.place
        if (
            m.kind == "region"
            and p.kind == "populated place"
            and m.name_end > m.name_start
            and _FRONT.match(text, m.name_end, m.end)
            and p.name not in p.admin[1:]
        ):
            m = PlaceMention(
                text[m.name_start : m.name_end], m.name_start, m.name_end, p, "place",
                m.name_start, m.name_end, alternatives=m.alternatives,
            )  # fmt: skip
        out.append(m)
    return out
