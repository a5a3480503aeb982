"""Parts of places: "northern Hama", "the southern countryside of Idlib", "ريف إدلب
الجنوبي", "the outskirts of Saraqib", "south of Khan Sheikhun".

A part is described by :class:`Part` (a compass direction, and a ring around a town or
the whole area) and drawn on demand by :func:`part_geometry`: the sector of the admin
area's polygon that lies in that direction from its centre, or a ring (sector) around a
town, in metres in a local projection. At extraction time only a cheap point is placed
(:func:`shift`), so that a part of a governorate is reported tens of kilometres from the
governorate's centre in the direction the text names, never at the centre itself.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..place import Place
from ..projection import LocalProjection

#: Compass bearings (degrees clockwise from north) of the direction words.
_BEARINGS = {"north": 0, "north-east": 45, "east": 90, "south-east": 135, "south": 180,
             "south-west": 225, "west": 270, "north-west": 315}  # fmt: skip
_WORDS = {
    "north": "north", "northern": "north", "nord": "north", "nördlich": "north",
    "kuzey": "north", "kuzeyi": "north", "kuzeyinde": "north", "شمال": "north",
    "شمالي": "north", "الشمالي": "north", "south": "south", "southern": "south",
    "sud": "south", "süd": "south", "südlich": "south", "güney": "south", "güneyi": "south",
    "güneyinde": "south", "جنوب": "south", "جنوبي": "south", "الجنوبي": "south",
    "east": "east", "eastern": "east", "est": "east", "ost": "east", "östlich": "east",
    "doğu": "east", "doğusu": "east", "شرق": "east", "شرقي": "east", "الشرقي": "east",
    "west": "west", "western": "west", "ouest": "west", "westlich": "west", "batı": "west",
    "batısı": "west", "غرب": "west", "غربي": "west", "الغربي": "west",
}  # fmt: skip
#: Distances (km) from the centre of an admin area to the middle of its directional part,
#: by admin level (governorate, district, subdistrict), for the cheap point.
_SHIFT_KM = {1: 30.0, 2: 15.0, 3: 7.0}
#: Rings around a town, in km, by what the text calls the part.
RINGS_KM = {"outskirts": (0.5, 4.0), "countryside": (2.0, 20.0), "direction": (1.0, 10.0)}


@functools.lru_cache(maxsize=4096)  # a few direction words, asked for every mention
def compass(words: str | None) -> str | None:
    """The compass direction ("south-east") of direction words in any supported language.

    Examples
    --------
    >>> compass("south-eastern"), compass("الجنوبي الشرقي"), compass("nordöstlich")
    ('south-east', 'south-east', 'north-east')
    """
    if not words:
        return None
    w = words.lower().replace("ة", "")
    w = re.sub(r"(north|south|nord|süd)[- ]?(east|west|öst|ost)", r"\1 \2", w)
    found = []
    for tok in re.findall(r"[^\W\d_]+", w):
        tok = tok.removesuffix("ern")
        d = _WORDS.get(tok) or _WORDS.get(tok + "ern")
        if d and d not in found:
            found.append(d)
    ns = next((d for d in found if d in ("north", "south")), None)
    ew = next((d for d in found if d in ("east", "west")), None)
    if ns and ew:
        return f"{ns}-{ew}"
    return ns or ew


@dataclass(frozen=True)
class Part:
    """Which part of a place a mention means.

    Attributes
    ----------
    direction : str or None
        Compass direction ("north", "south-east"), None for a ring all round.
    ring : str or None
        ``outskirts`` or ``countryside`` around a town, ``direction`` for "south of
        X", None for a sector of an admin area or region.
    """

    direction: str | None
    ring: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"direction": self.direction, "ring": self.ring}


def shift(place: Place, direction: str | None) -> Place:
    """The place moved from its centre into the part the direction names (approximate).

    Examples
    --------
    >>> p = Place(name="Hama", lat=35.2, lon=36.9, kind="admin area", level=1)
    >>> round(shift(p, "north").lat, 2)
    35.47
    """
    if direction is None or place.kind != "admin area":
        return place
    km = _SHIFT_KM.get(place.level or 1, 15.0)
    b = math.radians(_BEARINGS[direction])
    dlat = km * math.cos(b) / 111.2
    dlon = km * math.sin(b) / (111.2 * max(0.2, math.cos(math.radians(place.lat))))
    extra = {**place.extra, "part_of": place.name, "direction": direction}
    return dataclasses.replace(
        place, lat=place.lat + dlat, lon=place.lon + dlon, precision="approximate", extra=extra
    )


def part_geometry(place: Place, part: Part) -> Any:
    """The polygon of the part of a place (lon/lat, EPSG:4326).

    An admin area: its polygon cut to the 90° sector around the direction, seen from the
    polygon's centroid. A town (or a named region, which has only a centre point): a
    ring around it (``RINGS_KM``), cut to the sector when a direction is given.

    Examples
    --------
    >>> town = Place(name="Saraqib", lat=35.86, lon=36.80, kind="populated place")
    >>> g = part_geometry(town, Part("south", "direction"))
    >>> g.centroid.y < 35.86
    True
    """
    import shapely  # lazy: only to draw a part's geometry; extract() needs no shapely

    area = _admin_polygon(place)
    if area is not None:
        c = area.centroid
        proj = LocalProjection(c.y, c.x)
        shape = proj.forward(area)
        if part.direction is None:
            return area
        return proj.inverse(shape.intersection(_wedge(part.direction, 500_000.0)))
    proj = LocalProjection(place.lat, place.lon)
    inner, outer = RINGS_KM.get(part.ring or "countryside", RINGS_KM["countryside"])
    if place.extra.get("region"):
        inner, outer = 0.0, 15.0
    ring = shapely.Point(0, 0).buffer(outer * 1000.0, 64)
    if inner > 0:
        ring = ring.difference(shapely.Point(0, 0).buffer(inner * 1000.0, 64))
    if part.direction is not None:
        ring = ring.intersection(_wedge(part.direction, outer * 1000.0 * 1.5))
    return proj.inverse(ring)


def _admin_polygon(place: Place) -> Any:
    if place.kind != "admin area" or place.extra.get("region") or not place.source_id:
        return None
    from .. import boundaries  # lazy: reads the boundary layers (geopandas)

    try:
        return boundaries.geometry_of(place.source_id)
    except InputError:
        return None


def _wedge(direction: str, radius: float) -> Any:
    """A 90° wedge from the origin around a compass direction, in metres."""
    import shapely  # lazy: only to draw a part's geometry; extract() needs no shapely

    b = _BEARINGS[direction]
    pts = [(0.0, 0.0)]
    for k in range(-45, 46, 5):
        a = math.radians(b + k)
        pts.append((radius * math.sin(a), radius * math.cos(a)))
    return shapely.Polygon(pts)
