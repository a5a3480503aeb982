"""Where a name lies by the text's other towns: the centre of the resolved towns of its
sentence (else the sentences around it, its paragraph, the text), those that gather around
their medoid, or the point its own measure gives ("15 km southeast of Ras al-Ayn")."""

from __future__ import annotations

import bisect
import math
import re
from typing import Any

from ...projection import haversine_km
from .._parts import _BEARINGS, compass
from .._results import PlaceMention

#: The resolved towns that give an unknown place its position must lie within this distance
#: of their medoid; farther ones are left out of the centre.
CONTEXT_CLUSTER_KM = 30.0


#: How far (characters) a sentence or paragraph is searched for its ends, and how many
#: towns nearest in the text give a position: the work per name stays bounded, so a long
#: text costs linear time.
_WINDOW = 2000
_MAX_TOWNS = 24


_MEASURED = re.compile(
    r",?\s*(?:about\s+|some\s+|around\s+|nearly\s+)?(?P<km>\d{1,3}(?:\.\d)?)\s*"
    r"(?:km|kilomet(?:re|er)s?)\s+(?P<dir>(?:north|south)?-?(?:east|west)|north|south)\s+of\s+"
    r"(?:the\s+(?:city|town|village)\s+of\s+)?",
    re.IGNORECASE,
)


def _measured_from(text: str, end: int, towns: _Towns) -> tuple[float, float] | None:
    """The point a name's own measure gives ("the village of Katouf, 15 km southeast of Ras
    al-Ayn"): that far from the resolved town named right after, in that direction."""
    m = _MEASURED.match(text, end, end + 60)
    if m is None:
        return None
    i = bisect.bisect_left(towns.starts, m.start("dir"))  # "southeast of Ras al-Ayn" or the town
    if i == len(towns.towns) or towns.starts[i] > m.end():
        return None
    town = towns.towns[i].place
    d = compass(m.group("dir"))
    if d is None:
        return None
    b, r = math.radians(_BEARINGS[d]), float(m.group("km")) / 6371.0
    lat0, lon0 = math.radians(town.lat), math.radians(town.lon)
    lat = math.asin(math.sin(lat0) * math.cos(r) + math.cos(lat0) * math.sin(r) * math.cos(b))
    lon = lon0 + math.atan2(math.sin(b) * math.sin(r) * math.cos(lat0),
                            math.cos(r) - math.sin(lat0) * math.sin(lat))  # fmt: skip
    return math.degrees(lat), math.degrees(lon)


class _Towns:
    """The resolved towns of a text at home, in text order, for windows by offset."""

    def __init__(self, places: list[PlaceMention], bias: str) -> None:
        self.towns = sorted(
            (m for m in places if m.kind == "place" and m.place.country == bias and m.resolved),
            key=lambda m: m.start,
        )
        self.starts = [m.start for m in self.towns]

    def within(self, lo: int, hi: int, pos: int) -> list[PlaceMention]:
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        if j - i > _MAX_TOWNS:  # the towns nearest in the text
            k = min(max(bisect.bisect_left(self.starts, pos) - _MAX_TOWNS // 2, i), j - _MAX_TOWNS)
            i, j = k, k + _MAX_TOWNS
        return self.towns[i:j]


def _context_point(
    text: str,
    pos: int,
    towns: _Towns,
    exclude: PlaceMention | None = None,
    majority: bool = False,
) -> tuple[float, float] | None:
    """The centre of the resolved towns of the sentence, else of the sentence before, the
    sentence after, the paragraph, the text."""
    a, b = _sentence(text, pos)
    j = len(text[max(0, a - _WINDOW) : a].rstrip(" \t\n.!?")) - 1 + max(0, a - _WINDOW)
    k = b + len(text[b : b + _WINDOW]) - len(text[b : b + _WINDOW].lstrip(" \t\n.!?"))
    before, after = _sentence(text, max(0, j)), _sentence(text, k)
    for lo, hi in ((a, b), before, after, _paragraph(text, pos), (0, len(text))):
        near = [t for t in towns.within(lo, hi, pos) if t is not exclude]
        if near:  # the same towns (a sentence's) come back for each name among them: their
            # centre is kept on ``towns`` (which holds them, so their ids stay theirs)
            key = (majority, None if majority else pos, *map(id, near))
            memo = towns.__dict__.setdefault("_centres", {})
            got = memo.get(key, False)
            if got is False:
                got = memo[key] = _cluster_centre(near, pos, majority, _pairwise(towns, near))
            return got
    return None


def _sentence(text: str, pos: int) -> tuple[int, int]:
    w0, w1 = max(0, pos - _WINDOW), min(len(text), pos + _WINDOW)
    a = max(max(text.rfind(c, w0, pos) for c in ".\n!?") + 1, w0)
    ends = [i for i in (text.find(c, pos, w1) for c in ".\n!?") if i != -1]
    return a, min(ends) if ends else w1


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    w0, w1 = max(0, pos - 2 * _WINDOW), min(len(text), pos + 2 * _WINDOW)
    a = max(text.rfind("\n\n", w0, pos) + 1, w0)
    b = text.find("\n\n", pos, w1)
    return a, b if b != -1 else w1


#: Up to this many towns in a text, their distances are computed once, in one matrix.
_MATRIX_TOWNS = 64


def _pairwise(towns: _Towns, near: list[PlaceMention]) -> Any:
    """The distances between ``near`` (towns of ``towns``), taken from the matrix of all of
    them computed once per text (numpy gives each element the value a smaller matrix would
    give), or None for a text of more than ``_MATRIX_TOWNS`` towns."""
    if len(towns.towns) > _MATRIX_TOWNS:
        return None
    import numpy as np  # lazy, as in _cluster_centre

    memo = towns.__dict__
    if "_matrix" not in memo:
        lat = np.array([m.place.lat for m in towns.towns])
        lon = np.array([m.place.lon for m in towns.towns])
        memo["_matrix"] = haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
        memo["_at"] = {id(m): i for i, m in enumerate(towns.towns)}
    idx = [memo["_at"][id(m)] for m in near]
    return memo["_matrix"][np.ix_(idx, idx)]


def _cluster_centre(
    towns: list[PlaceMention], pos: int, majority: bool = False, pairs: Any = None
) -> tuple[float, float] | None:
    """Mean of the towns within ``CONTEXT_CLUSTER_KM`` of their medoid (an outlier, a
    namesake chosen wrong, does not drag the centre away); when the towns do not gather
    (no group holds most of them), of those around the town nearest in the text ("the
    village of Katouf, 15 km southeast of Ras al-Ayn"), unless ``majority`` asks for a
    group of most of them (then None)."""
    import numpy as np  # lazy, as in geozones.projection: importing the geoparser stays light

    lat = np.array([m.place.lat for m in towns])
    lon = np.array([m.place.lon for m in towns])
    d = (
        haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
        if pairs is None
        else pairs
    )  # all pairs
    row = d[int(np.argmin(d.sum(axis=1)))]
    if 2 * int((row <= CONTEXT_CLUSTER_KM).sum()) <= len(towns) or (
        majority and int((row <= CONTEXT_CLUSTER_KM).sum()) < 2
    ):
        if majority:
            return None  # the towns do not gather: no group to measure a namesake against
        row = d[min(range(len(towns)), key=lambda i: abs(towns[i].start - pos))]
    near = row <= CONTEXT_CLUSTER_KM
    return float(lat[near].mean()), float(lon[near].mean())
