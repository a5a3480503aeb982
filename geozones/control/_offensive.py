"""The ground an offensive took: the area its captures enclose with the party's front, and
the way from the front to a town taken ahead of it.

Reports name the towns taken, rarely every village between them. When a party takes
towns ahead of its front, the ground enclosed between its front before the offensive
and those towns was taken too. The rule (applied on each day with captures):

- the *offensive* of a party on day d is its captures (with a point) of the last
  ``window_days`` days up to d (``settings.control_offensive_days``, 45), within
  ``reach_m`` (``settings.control_offensive_reach_m``, 30 km) of one of d's captures;
- its *hull* is the convex hull of those capture points together with, for each, the
  nearest cell the party held before it (its front), if within ``reach_m``;
- every cell whose interior point lies in the hull and that is held by a party that
  lost one of those towns to it changes hands; a cell in several pieces, and a cell one
  of its pieces touches, is left to the named captures (``Cells.tied``), so no piece
  of a cell is left as a pocket (a third party's cells never do; cells
  nobody holds never do).

So a line of towns taken along a road carries the strip back to the front, and a
report that names only the furthest towns still moves the ground behind them.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

import numpy as np
import shapely

from .. import settings
from ..projection import haversine_m
from ._cells import Cells
from ._enclaves import NOBODY


def advance_cells(
    cells: Cells,
    h: np.ndarray,
    taken: np.ndarray,
    at: tuple[float, float],
    party: int,
    max_m: float | None = None,
) -> np.ndarray:
    """The cells on the straight way from the party's nearest held cell to a captured place.

    A town taken ahead of the front means the ground between was taken too: the cells
    (held by another party) that the straight line from the nearest cell the party
    already holds, within ``max_m`` (default ``settings.control_advance_max_m``; 0 = off),
    to the place ``at`` crosses (the place's own cell among them). ``taken`` are the
    capture's own cells (never the start of the way).

    Examples
    --------
    >>> import numpy as np, shapely
    >>> c = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(4)])
    >>> advance_cells(c, np.array([0, 1, 1, 1]), np.array([3]), (3.5, 0.5), 0, 1e9).tolist()
    [1, 2, 3]
    """
    max_m = settings.control_advance_max_m if max_m is None else max_m
    none = np.zeros(0, dtype=np.int64)
    held = np.flatnonzero(h == party)
    held = held[~np.isin(held, taken)]
    if max_m <= 0 or not len(held):
        return none
    x, y = cells.centroid_lonlat
    dist = haversine_m(at[1], at[0], y[held], x[held])
    j = int(np.argmin(dist))
    if dist[j] > max_m:
        return none
    way = shapely.LineString([at, (x[held[j]], y[held[j]])])
    hits = cells._tree.query(way, predicate="intersects")
    return hits[(h[hits] != party) & (h[hits] != NOBODY)]


@dataclass(frozen=True)
class Taken:
    """A capture remembered for the offensive rule (its point, front cell and losers)."""

    date: _dt.date
    party: int
    at: tuple[float, float]
    front: tuple[float, float] | None
    losers: frozenset[int]


def front_point(
    cells: Cells, h: np.ndarray, party: int, at: tuple[float, float], reach_m: float
) -> tuple[float, float] | None:
    """The interior point of the party's nearest held cell to ``at`` (None: too far).

    Examples
    --------
    >>> import numpy as np, shapely
    >>> c = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(3)])
    >>> front_point(c, np.array([0, 1, 1]), 0, (2.5, 0.5), 1e9)
    (0.5, 0.5)
    """
    held = np.flatnonzero(h == party)
    if not len(held):
        return None
    x, y = cells.centroid_lonlat
    dist = haversine_m(at[1], at[0], y[held], x[held])
    j = int(np.argmin(dist))
    if dist[j] > reach_m:
        return None
    return float(x[held[j]]), float(y[held[j]])


def offensive_cells(
    cells: Cells,
    h: np.ndarray,
    taken: list[Taken],
    day: _dt.date,
    party: int,
    *,
    window_days: int | None = None,
    reach_m: float | None = None,
) -> np.ndarray:
    """The cells the party's offensive up to ``day`` encloses (see the module notes).

    ``window_days`` and ``reach_m`` default to ``settings.control_offensive_days`` and
    ``settings.control_offensive_reach_m``, read at each call.

    Examples
    --------
    >>> import datetime, numpy as np, shapely
    >>> c = Cells.from_polygons([shapely.box(i, j, i + 1, j + 1)
    ...                          for j in range(3) for i in range(3)])
    >>> h = np.array([0, 1, 1, 0, 1, 1, 0, 1, 1])
    >>> d = datetime.date(2020, 1, 1)
    >>> t = [Taken(d, 0, (2.5, 0.5), (0.5, 0.5), frozenset({1})),
    ...      Taken(d, 0, (2.5, 2.5), (0.5, 2.5), frozenset({1}))]
    >>> offensive_cells(c, h, t, d, 0, reach_m=1e9).tolist()  # 5's point is on the hull
    [4]
    """

    if window_days is None:
        window_days = settings.control_offensive_days
    if reach_m is None:
        reach_m = settings.control_offensive_reach_m
    today = [t for t in taken if t.party == party and t.date == day]
    if not today or reach_m <= 0:
        return np.zeros(0, dtype=np.int64)
    lo = day - _dt.timedelta(days=window_days)
    tx = np.array([t.at[0] for t in today])
    ty = np.array([t.at[1] for t in today])
    pts: list = []
    losers: set = set()
    for t in taken:
        if t.party != party or not lo <= t.date <= day:
            continue
        if haversine_m(t.at[1], t.at[0], ty, tx).min() > reach_m:
            continue
        pts.append(t.at)
        if t.front is not None:
            pts.append(t.front)
        losers |= t.losers
    hull = shapely.convex_hull(shapely.multipoints(pts))
    if hull.geom_type != "Polygon" or not losers:
        return np.zeros(0, dtype=np.int64)
    cand = cells._tree.query(hull)
    cand = cand[np.isin(h[cand], list(losers)) & ~cells.tied[cand]]
    return np.sort(cand[shapely.contains(hull, cells._points[cand])])
