"""Roads in a text: a road word after a road's name, and two towns joined by a dash."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from .._results import PlaceMention, RoadMention

#: Road words that may follow a road's name ("the M4 highway").
ROAD_WORDS = ("highway", "motorway", "expressway", "road", "route", "international highway")


_DASH_PAIR = re.compile(r"^\s*[-–—/]\s*$")
_ROAD_AFTER = re.compile(
    r"^\s*(?:international\s+)?(?P<w>highway|motorway|expressway|road|route)s?\b", re.IGNORECASE
)


def _road_tail(text: str, end: int, matched: str) -> int:
    """Extend a road's span over a road word that follows it ("M4" → "M4 highway")."""
    if re.search(r"(highway|motorway|expressway|road|route)s?$", matched, re.IGNORECASE):
        return end
    m = _ROAD_AFTER.match(text[end : end + 30])
    return end + m.end() if m else end


#: A road word before two towns: "l'autoroute internationale Damas-Alep", "die Autobahn von
#: Damaskus nach Aleppo", "الطريق الدولي حلب - دمشق", "the road from Aleppo to Damascus".
_ROAD_BEFORE = re.compile(
    r"(?:\b(?:autoroute|route|autobahn|fernstraße|straße|strasse|highway|road|motorway)"
    r"(?:\s+(?:internationale?|international|principale))?(?:\s+(?:von|de|from|entre|between))?"
    r"|(?:ال)?طريق(?:\s+(?:ال)?دولي)?)\s+$",
    re.IGNORECASE,
)
_PAIR_GAP = re.compile(r"^\s*(?:[-–—/]|nach|à|to|and|et|und|bis|و|الى|إلى)\s*$", re.IGNORECASE)


def _roads_before(
    text: str, places: list[PlaceMention], roads: list[RoadMention], lookup: Callable[[str], Any]
) -> list[RoadMention]:
    """Roads named by a road word before their two end towns; ``lookup(name)`` finds the
    road the gazetteer names "<A>-<B> highway" (its generated English variants)."""
    out = []
    taken = [(r.start, r.end) for r in roads]
    for a, b in zip(places, places[1:], strict=False):
        if a.kind != "place" or b.kind != "place" or not _PAIR_GAP.match(text[a.end : b.start]):
            continue
        head = _ROAD_BEFORE.search(text[max(0, a.start - 40) : a.start])
        if head is None or any(s < b.end and a.start < e for s, e in taken):
            continue
        road = next(
            (p for n in (f"{a.place.name}-{b.place.name} highway",
                         f"{b.place.name}-{a.place.name} highway")
             for p in lookup(n) if p.kind == "road"),
            None,
        )  # fmt: skip
        if road is not None:
            s = a.start - len(text[max(0, a.start - 40) : a.start]) + head.start()
            out.append(RoadMention(text[s : b.end], s, b.end, road, (a.place, b.place)))
    return out


def _pair_roads(
    text: str, places: list[PlaceMention], roads: list[RoadMention]
) -> tuple[list[PlaceMention], list[RoadMention]]:
    """ "X–Y highway" and "M4 (X–Y)": two towns joined by a dash name a road; the towns
    are its ``endpoints`` and stay in the place mentions."""
    used: set[int] = set()
    road_ends = [r.end for r in roads]  # roads come in text order
    in_road = bytearray(len(text) + 1)  # characters inside a road's name already found
    for r in roads:
        in_road[r.start : r.end] = b"\x01" * (r.end - r.start)
    for i in range(len(places) - 1):
        a, b = places[i], places[i + 1]
        if i in used or a.kind != "place" or b.kind != "place" or in_road[a.start]:
            continue
        if not _DASH_PAIR.match(text[a.end : b.start]):
            continue
        tail = _ROAD_AFTER.match(text[b.end : b.end + 30])
        before = text[max(0, a.start - 40) : a.start]
        after = text[b.end : b.end + 3]
        road = None
        end = b.end
        if tail:
            end = b.end + tail.end()
        elif before.rstrip().endswith("(") and after.lstrip().startswith(")"):
            j = bisect.bisect_right(road_ends, a.start) - 1
            if j < 0 or a.start - road_ends[j] > 6:
                continue
            road = roads[j].road
        else:
            continue
        roads.append(RoadMention(text[a.start : end], a.start, end, road, (a.place, b.place)))
        used.update((i, i + 1))
    roads.sort(key=lambda r: r.start)
    return places, roads  # the towns stay places too: "the Damascus–Daraa highway" names both
