"""The ground an offensive took: the area its captures enclose with the party's front.

Reports name the towns taken, rarely every village between them. When a party takes
towns ahead of its front, the ground enclosed between its front before the offensive
and those towns was taken too. The rule (applied on each day with captures):

- the *offensive* of a party on day d is its captures (with a point) of the last
  ``window_days`` days up to d, within ``reach_m`` of one of d's captures;
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

from ..projection import haversine_m
from ._cells import Cells

#: Captures of one party within this many days are one offensive.
WINDOW_DAYS = 45
#: A capture further than this from the day's captures (or a front cell further than
#: this from its capture) is not part of the hull.
REACH_M = 30_000.0


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
    # projection is a foundation module: imported here like the rest of the engine
    from ..projection import haversine_m

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
    window_days: int = WINDOW_DAYS,
    reach_m: float = REACH_M,
) -> np.ndarray:
    """The cells the party's offensive up to ``day`` encloses (see the module notes).

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

    today = [t for t in taken if t.party == party and t.date == day]
    if not today:
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
