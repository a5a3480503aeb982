"""Rivers that locate a place: "سد الطبقة على نهر الفرات", "شرق نهر الفرات".

A river is a region of the story (``r``), and a line: the stretch a text means is the one
by the places it names. A name the river table (``data/geoparse/rivers.yaml``, Natural
Earth's rivers) holds, written in Arabic with the noun "نهر" after a word that places
something by it — "على" (on: "سد الطبقة على نهر الفرات"), a compass word ("جنوب نهر
الفرات", south of it) — is reported as the river, placed at its point nearest the
resolved places of its sentence (else of the whole text; with none, at the middle of its
course). The river as a thing crossed, or its bank ("عبور نهر الفرات", "على ضفة نهر
الفرات", "الضفاف الشمالية لنهر الفرات": the set marks the bank two ways), is left alone,
as are the bare name ("الفرات" names a university, a dam, an operation: "درع الفرات")
and the other languages (the set marks "the Euphrates River" as no place of its own); a
mention other rules read ("شرق نهر الفرات", East of the Euphrates, a region of its own)
stays theirs.
"""

from __future__ import annotations

import functools
import re

import yaml

from ..._io import data_path
from ...place import Place
from ...projection import haversine_km
from .._results import PlaceMention
from ..places._town_centre import _sentence

#: Compass words that place something by the river ("شرق نهر الفرات", east of it).
_COMPASS = "شرق|غرب|شمال|جنوب"
#: The score of a river placed by its sentence (a gazetteer region is 1).
RIVER_SCORE = 0.6


@functools.lru_cache(maxsize=1)
def _rivers() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple], ...]:
    """(name, names, admin, points) of each river of ``rivers.yaml``."""
    with open(data_path("geoparse", "rivers.yaml"), encoding="utf-8") as fh:
        rows = yaml.safe_load(fh)
    return tuple(
        (r["name"], tuple(r["names"]), tuple(r.get("admin") or ()),
         tuple((float(a), float(b)) for a, b in r["points"]))
        for r in rows
    )  # fmt: skip


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    ar = [n[2:] if n.startswith("ال") else n for r in _rivers() for n in r[1] if _arabic(n)]
    ar_names = "|".join(sorted(map(re.escape, ar), key=len, reverse=True))
    return re.compile(
        rf"(?<![\u0621-\u064a])(?:على|و?(?:{_COMPASS})ي?)[ \t]+"
        rf"(?P<ar>نهر[ \t]+ال(?:{ar_names}))(?![\u0621-\u064a])"
    )


def _arabic(name: str) -> bool:
    return any("\u0621" <= c <= "\u064a" for c in name)


def _river_of(written: str) -> tuple | None:
    for r in _rivers():
        if any(n in written or n.removeprefix("ال") in written for n in r[1]):
            return r
    return None


def _nearest(points: tuple, around: list[PlaceMention]) -> tuple[float, float]:
    if not around:
        return points[len(points) // 2]
    lat = sum(m.place.lat for m in around) / len(around)
    lon = sum(m.place.lon for m in around) / len(around)
    return min(points, key=lambda p: haversine_km(p[0], p[1], lat, lon))


def river_mentions(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """``places`` with the rivers the text names with a river's noun, in text order.

    Examples
    --------
    >>> import geozones
    >>> t = "تقع القرية على نهر الفرات قرب دير الزور."
    >>> [(m.text, m.kind) for m in geozones.extract(t).places]
    [('نهر الفرات', 'region'), ('دير الزور', 'place')]
    """
    if "نهر" not in text:
        return places
    found = []
    for m in _pattern().finditer(text):
        s, e = m.span("ar")
        river = _river_of(text[s:e])
        if river is None or any(p.start < e and s < p.end for p in places):
            continue
        a, b = _sentence(text, s)
        resolved = [p for p in places if p.resolved and p.place.country == bias]
        around = [p for p in resolved if a <= p.start < b] or resolved
        lat, lon = _nearest(river[3], around)
        place = Place(
            river[0], lat, lon, "region", river[2], "natural-earth", river[0], RIVER_SCORE,
            text[s:e], bias, None, "approximate", 0, {"position": "nearest the story"},
        )  # fmt: skip
        found.append(PlaceMention(text[s:e], s, e, place, "region", s, e))
    return sorted(places + found, key=lambda p: p.start) if found else places
