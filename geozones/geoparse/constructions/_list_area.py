"""Where a list's village lies when its sentence has one town: in the governorate named.

A village listed with one resolved town, far from it, is another village of that name
when the sentence (else the text) names a governorate that holds the town but not the
village's namesake (:func:`._unknown.rechoose_near`); a town whose own neighbour in the list
lies near it is itself (:func:`beside_in_list`).
"""

from __future__ import annotations

import re

from ...projection import haversine_km
from .._results import PlaceMention

#: A village read in the governorates its text (not its sentence) names only when its
#: namesake lies farther than this (km) from the list's town: one just over a border stays.
TEXT_AREA_FAR_KM = 75.0


def one_in_named_area(
    m: PlaceMention, group: list[PlaceMention], places: list[PlaceMention], a: int, b: int
) -> tuple[float, float] | None:
    """The position of the one resolved town of a list when the sentence names a
    governorate that holds it but not ``m`` ("قرى رأس العين ومسعدة … جنوب شرق إدلب": a
    Masaada of Homs is another village of that name); a sentence that names none is read
    in the governorates the text names ("تلال الكبينة والخضر والحدادة" in ريف اللاذقية).

    Examples
    --------
    >>> one_in_named_area(None, [], [], 0, 0) is None
    True
    """
    if len(group) != 1:
        return None
    named = [p for p in places if p.place.kind == "admin area" and p.place.level == 1]
    areas = {p.place.name for p in named if a <= p.start < b}
    town = group[0].place
    if not areas and haversine_km(town.lat, town.lon, m.place.lat, m.place.lon) > TEXT_AREA_FAR_KM:
        areas = {p.place.name for p in named}
    if areas & set(town.admin) and not areas & set(m.place.admin):
        return town.lat, town.lon
    return None


#: Between two names side by side in a list: a comma, "and", "و" (the next name's own).
_SIDE_GAP = re.compile(r"\s*(?:[,،]\s*)?(?:(?:and|et|und|ve)\s+)?")


def beside_in_list(text: str, i: int, places: list[PlaceMention], reach_km: float) -> bool:
    """Whether a name right before or after mention ``i`` in a list ("جرابلس والراعي
    والباب") is a town within ``reach_km`` of it: its own neighbour in the list places it,
    whatever the sentence's other towns.

    Examples
    --------
    >>> beside_in_list("", 0, [], 50.0)
    False
    """
    if not places:
        return False
    m = places[i]
    side = [
        o for o in (places[i - 1] if i else None, places[i + 1] if i + 1 < len(places) else None)
        if o is not None and o.kind == "place" and o.resolved
        and _SIDE_GAP.fullmatch(text[min(o.end, m.end) : max(o.start, m.start)])
    ]  # fmt: skip
    return any(
        haversine_km(o.place.lat, o.place.lon, m.place.lat, m.place.lon) <= reach_km for o in side
    )
