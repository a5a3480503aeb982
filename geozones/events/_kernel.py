"""The matching kernel: candidate pairs from a grid index, day arithmetic, exact tests.

For a chunk of events (``x``/``y`` lon/lat, ``day`` int64 days, ``radius``
metres) the kernel returns the (event, feature, certain) triples:

1. **candidates**: the features' bounding boxes, padded by each radius in
   use, are bucketed by cell of a regular lon/lat grid (cells a quarter of a
   typical feature, at most about a million) and by period (a regular split
   of the timeline's dates, a quarter or longer). An event's bucket is
   integer arithmetic on its coordinates and day, so finding the candidate
   features of all events is one vectorized gather: no Python loop, no
   shapely object per event, cost proportional to events + candidates
   whatever the number of features;
2. **dates** on the candidate pairs only: ``start <= day <= end`` as
   integer days, then the padded box;
3. **exact test** of the remaining pairs, sorted by feature (each feature's
   prepared geometry is reused while it is hot in the cache), in one
   vectorized call: ``intersects_xy`` for the point, and for events with an
   uncertainty radius a prepared ``dwithin`` to the feature's boundary in
   metres, which only pairs whose disc box reaches the feature get.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
import shapely

from ._columns import NAT, NEVER
from ._raster import classify

if TYPE_CHECKING:  # pragma: no cover
    from ._plan import _Plan

_M_PER_DEG_LAT = 110_574.0  # metres in a degree of latitude at the equator (the least)
_M_PER_DEG_LON = 111_320.0  # metres in a degree of longitude at the equator
_MAX_CELLS = 1 << 20
_MIN_CELLS = 1 << 16
_MAX_ENTRIES = 100_000  # about how many (feature, cell) pairs a grid classifies, at most
_MIN_ENTRIES = 20_000  # ... and at least (between: a sixteenth of the events joined)
_OUT, _DEEP, _EDGE, _NEAR = 0, 1, 2, 3  # what a feature is in a grid cell (see _bucket)
_M_PER_DEG_MAX = 111_700.0  # metres in a degree of latitude at the poles (the most)
_RASTER_FACTOR = 2  # times more cells in the exact grid (see geozones.events._raster)


class _Grid:
    """Feature boxes padded by ``radius`` metres, bucketed by lon/lat cell and by period.

    A bucket is (cell of a regular lon/lat grid, period of a regular split of
    the timeline's dates); a feature is listed in every bucket its padded box
    and its day range touch. An event looks up the one bucket of its point and
    day, so features far away *or* not in force then are never candidates.
    """

    def __init__(self, plan: _Plan, radius: float, budget: int = _MAX_ENTRIES) -> None:

        self.radius = radius
        # the exact grid is classified by rasterizing outlines (cheap per cell): finer cells
        self.budget = budget * (_RASTER_FACTOR if radius == 0 else 1)
        self.box = _padded(plan.bounds, radius)
        live = np.flatnonzero(np.isfinite(self.box).all(axis=1) & (plan.start <= plan.end))
        self._space(self.box[live])
        self._time(plan.start[live], plan.end[live])
        self._bucket(plan, live)

    def _space(self, box: np.ndarray) -> None:

        if not len(box):
            self.x0 = self.y0 = 0.0
            self.side, self.nx, self.ny = 1.0, 1, 1
            return
        self.x0, self.y0 = box[:, 0].min(), box[:, 1].min()
        width, height = box[:, 2].max() - self.x0, box[:, 3].max() - self.y0
        w, h = box[:, 2] - box[:, 0], box[:, 3] - box[:, 1]
        # the side at which the features' boxes cover about `budget` cells in all:
        # sum((w/side + 1)(h/side + 1)) = budget, a quadratic in 1/side
        a, b, c = float((w * h).sum()), float((w + h).sum()), len(box) - 2.0 * self.budget
        u = (-b + np.sqrt(b * b - 4 * a * c)) / (2 * a) if a > 0 else (-c / b if b > 0 else 1.0)
        cells = min(max(64 * len(box), _MIN_CELLS), _MAX_CELLS)
        self.side = max(1 / max(u, 1e-12), float(np.sqrt(width * height / cells)), 1e-9)
        self.nx, self.ny = int(width // self.side) + 1, int(height // self.side) + 1

    def _time(self, start: np.ndarray, end: np.ndarray) -> None:

        dates = np.concatenate([start, end[end != NEVER]])
        self.t0 = int(dates.min()) if len(dates) else 0
        self.span = int(dates.max()) - self.t0 + 1 if len(dates) else 1
        self.nt, self.tlen = 1, self.span

    def _periods(self, start: np.ndarray, end: np.ndarray) -> None:
        """As many periods (a quarter or longer, at most 64) as the entry budget allows."""

        last = self.t0 + self.span - 1
        share = float(((np.minimum(end, last) - np.maximum(start, self.t0) + 1) / self.span).sum())
        room = (4 * self.budget - len(start)) / max(share, 1e-9)  # entries ≈ S + share × nt
        self.nt = int(min(max(room, 1), max(self.span // 90, 1), 64))
        self.tlen = -(-self.span // self.nt)

    def _period(self, day: np.ndarray) -> np.ndarray:

        return np.clip((day - self.t0) // self.tlen, 0, self.nt - 1)

    def _bucket(self, plan: _Plan, ids: np.ndarray) -> None:
        """CSR arrays: ``feat[indptr[b]:indptr[b + 1]]`` are the features of bucket ``b``.

        ``state`` (aligned with ``feat``) says what the feature is in the
        bucket's cell: :data:`_OUT` (no event there can match),
        :data:`_DEEP` (every event there matches with certainty) or
        :data:`_EDGE` (the exact test decides).
        """

        box = self.box[ids]
        ix0, iy0 = self._cell_xy(box[:, 0], box[:, 1])
        ix1, iy1 = self._cell_xy(box[:, 2], box[:, 3])
        w = ix1 - ix0 + 1
        counts = w * (iy1 - iy0 + 1)
        local = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        wr = np.repeat(w, counts)
        feat = np.repeat(ids, counts)
        cx, cy = np.repeat(ix0, counts) + local % wr, np.repeat(iy0, counts) + local // wr
        state = self._states(plan, feat, cx, cy)
        keep = state != _OUT  # no event in such a cell can match the feature
        feat, cx, cy, state = feat[keep], cx[keep], cy[keep], state[keep]
        self._periods(plan.start[feat], plan.end[feat])
        it0 = self._period(plan.start[feat])
        nper = self._period(np.minimum(plan.end[feat], 2**62)) - it0 + 1
        step = np.arange(nper.sum()) - np.repeat(np.cumsum(nper) - nper, nper)
        cell = np.repeat(cy * self.nx + cx, nper)
        bucket = (np.repeat(it0, nper) + step) * (self.nx * self.ny) + cell
        order = np.argsort(bucket, kind="stable")
        self.feat = np.repeat(feat, nper)[order].astype(np.int32)
        self.state = np.repeat(state, nper)[order]
        size = self.nx * self.ny * self.nt
        self.indptr = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(bucket, minlength=size), out=self.indptr[1:])

    def _states(self, plan: _Plan, feat: np.ndarray, cx: np.ndarray, cy: np.ndarray):
        """:data:`_OUT`, :data:`_DEEP`, :data:`_NEAR` or :data:`_EDGE` per (feature, cell)."""

        if self.radius == 0:
            grid = (self.x0, self.y0, self.side, self.nx, self.ny)
            return classify(plan.geoms, plan.polygonal, feat, cx, cy, grid)
        eps = 1e-9  # cells a hair larger: both answers stay on the safe side
        pad_x = (self.box[feat, 2] - self.box[feat, 0]) - (
            plan.bounds[feat, 2] - plan.bounds[feat, 0]
        )
        pad_y = (self.box[feat, 3] - self.box[feat, 1]) - (
            plan.bounds[feat, 3] - plan.bounds[feat, 1]
        )
        x0, y0 = self.x0 + cx * self.side - eps, self.y0 + cy * self.side - eps
        x1, y1 = x0 + self.side + 2 * eps, y0 + self.side + 2 * eps
        reach = shapely.box(x0 - pad_x / 2, y0 - pad_y / 2, x1 + pad_x / 2, y1 + pad_y / 2)
        geoms = plan.geoms[feat]
        state = np.full(len(feat), _EDGE, dtype=np.int8)
        state[~shapely.intersects(geoms, reach)] = _OUT
        poly = plan.polygonal[feat] & (state == _EDGE)
        state[np.flatnonzero(poly)[shapely.contains(geoms[poly], reach[poly])]] = _DEEP
        if self.radius > 0:
            edge = np.flatnonzero(state == _EDGE)
            state[edge[self._near(plan, feat[edge], x0[edge], y0[edge])]] = _NEAR
        return state

    def _near(self, plan: _Plan, feat: np.ndarray, x0: np.ndarray, y0: np.ndarray) -> np.ndarray:
        """Cells whose every point is closer than the radius to the feature's boundary.

        Measured from the cell's centre, in the plan's metres, less half the
        cell's diagonal (with the most metres a degree can hold, and 1 % for the
        projection's stretch, so only within 1,500 km of its centre): every
        event there matches, and only possibly.
        """

        if not len(feat):
            return np.zeros(0, dtype=bool)
        proj, boundary = plan.metric(feat)
        target = np.where(plan.polygonal[feat], boundary[feat], proj[feat])
        cx, cy = plan.to_metres(x0 + self.side / 2, y0 + self.side / 2)
        half = self.side * _M_PER_DEG_MAX * np.sqrt(2) / 2 * 1.01
        room = self.radius - half - 1.0
        if room <= 0:
            return np.zeros(len(feat), dtype=bool)
        close = np.hypot(cx, cy) < 1.5e6  # the projection stretches lengths < 1 % there
        return close & shapely.dwithin(target, shapely.points(cx, cy), room)

    def _cell_xy(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:

        ix = np.clip(np.floor((x - self.x0) / self.side), 0, self.nx - 1).astype(np.int64)
        iy = np.clip(np.floor((y - self.y0) / self.side), 0, self.ny - 1).astype(np.int64)
        return ix, iy

    def pairs(
        self, x: np.ndarray, y: np.ndarray, day: np.ndarray, idx: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(event, feature, state) candidates of the events ``idx`` from the bucket of each.

        ``state`` :data:`_DEEP`: the pair matches with certainty (if in force);
        :data:`_NEAR`: it matches, possibly; :data:`_EDGE`: the exact test decides.
        """

        fx, fy = (x[idx] - self.x0) / self.side, (y[idx] - self.y0) / self.side
        on = (fx >= 0) & (fx < self.nx) & (fy >= 0) & (fy < self.ny)
        idx = idx[on]
        bucket = (self._period(day[idx]) * self.ny + fy[on].astype(np.int64)) * self.nx
        bucket += fx[on].astype(np.int64)
        first = self.indptr[bucket]
        count = self.indptr[bucket + 1] - first
        ev = np.repeat(idx.astype(np.int32), count)
        pos = np.arange(count.sum()) + np.repeat(first - (np.cumsum(count) - count), count)
        state = self.state[pos]
        keep = state != _OUT
        return ev[keep], self.feat[pos[keep]], state[keep]


def _padded(bounds: np.ndarray, radius: float) -> np.ndarray:
    """Feature boxes grown by ``radius`` metres (generously: degrees shrink towards the poles)."""

    finite = np.isfinite(bounds).all(axis=1)
    b = np.where(finite[:, None], bounds, 0.0)
    if radius > 0:
        pad_y = radius / _M_PER_DEG_LAT * 1.001 + 1e-9
        far = np.minimum(np.maximum(np.abs(b[:, 1]), np.abs(b[:, 3])) + pad_y, 89.9)
        pad_x = radius / (_M_PER_DEG_LON * np.cos(np.radians(far))) * 1.001 + 1e-9
        b = np.column_stack([b[:, 0] - pad_x, b[:, 1] - pad_y, b[:, 2] + pad_x, b[:, 3] + pad_y])
    return np.where(finite[:, None], b, np.array([np.inf, np.inf, -np.inf, -np.inf]))


def grids_for(plan: _Plan, radii: np.ndarray, workers: int = 1) -> dict[float, _Grid]:
    """One :class:`_Grid` per distinct radius (metres) in ``radii``, kept on the plan.

    The first call sizes the grids to its events (set-up work about a
    sixteenth of the events); later calls, such as the next chunks of a file,
    reuse them. Missing grids are built by up to ``workers`` threads at once,
    each with its own prepared copy of the geometry (:meth:`_Plan.for_thread`).
    """

    cache = plan.__dict__.setdefault("_grids", {})
    budget = min(max(len(radii) // 16, _MIN_ENTRIES), _MAX_ENTRIES)
    wanted = [float(r) for r in np.unique(radii[np.isfinite(radii)])]
    todo = [r for r in wanted if r not in cache]

    def build(r: float) -> _Grid:
        return _Grid(plan.for_thread(), r, budget)

    if workers > 1 and len(todo) > 1:
        with ThreadPoolExecutor(
            min(workers, len(todo)), thread_name_prefix="geozones-grid"
        ) as pool:
            built = list(pool.map(build, todo))
    else:
        built = [build(r) for r in todo]
    cache.update(zip(todo, built, strict=True))
    return {r: cache[r] for r in wanted}


def match(
    plan: _Plan,
    grids: dict[float, _Grid],
    x: np.ndarray,
    y: np.ndarray,
    day: np.ndarray,
    radius: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The (event, feature, certain) triples of one chunk, sorted by event then feature.

    ``plan`` must be :meth:`~geozones.events._plan._Plan.ready`; ``grids``
    from :func:`grids_for` must cover every radius in ``radius``.
    """

    with np.errstate(invalid="ignore"):
        ok = np.isfinite(x) & np.isfinite(y) & (day != NAT) & (np.abs(y) <= 90)
    sure, near, edge = [], [], []
    for r, grid in grids.items():
        ev, ft, state = grid.pairs(x, y, day, np.flatnonzero(ok & (radius == r)))
        d = day[ev]
        keep = (d >= plan.start[ft]) & (d <= plan.end[ft])  # dates on candidate pairs only
        ev, ft, state = ev[keep], ft[keep], state[keep]
        sure.append((ev[state == _DEEP], ft[state == _DEEP]))
        near.append((ev[state == _NEAR], ft[state == _NEAR]))
        ev, ft = ev[state == _EDGE], ft[state == _EDGE]
        b, xe, ye = grid.box, x[ev], y[ev]
        keep = (xe >= b[ft, 0]) & (xe <= b[ft, 2]) & (ye >= b[ft, 1]) & (ye <= b[ft, 3])
        edge.append((ev[keep], ft[keep]))
    ev, ft = _cat(edge)
    by_feature = np.argsort(ft, kind="stable")
    ev, ft = ev[by_feature], ft[by_feature]
    hit, certain = _exact(plan, ev, ft, x, y, radius)
    sev, sft = _cat(sure)
    nev, nft = _cat(near)
    ev = np.concatenate([sev, nev, ev[hit]])
    ft = np.concatenate([sft, nft, ft[hit]])
    certain = np.concatenate(
        [np.ones(len(sev), dtype=bool), np.zeros(len(nev), dtype=bool), certain[hit]]
    )
    order = np.lexsort((ft, ev))
    return ev[order].astype(np.int64), ft[order].astype(np.int64), certain[order]


def _cat(pairs: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:

    if not pairs:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
    return np.concatenate([p[0] for p in pairs]), np.concatenate([p[1] for p in pairs])


def _exact(
    plan: _Plan,
    ev: np.ndarray,
    ft: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    radius: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """For the candidate pairs: (matches, certain) boolean arrays.

    A polygon: outside points match when within ``r`` of the boundary;
    inside points are certain when no closer than ``r`` to it. A line or
    point has no inside: a disc is only ever a possible match.
    """

    inside = shapely.intersects_xy(plan.geoms[ft], x[ev], y[ev])
    hit, certain = inside.copy(), inside.copy()
    fz = np.flatnonzero(radius[ev] > 0)
    if not fz.size:
        return hit, certain
    uniq, back = np.unique(ev[fz], return_inverse=True)  # each uncertain event projected once
    pts = shapely.points(*plan.to_metres(x[uniq], y[uniq]))[back]
    r, inf, fk = radius[ev[fz]], inside[fz], ft[fz]
    proj, boundary = plan.metric(fk)
    poly = plan.polygonal[fk]
    out_p, in_p, line = poly & ~inf, poly & inf, ~poly
    hit[fz[out_p]] = shapely.dwithin(boundary[fk[out_p]], pts[out_p], r[out_p])
    certain[fz[in_p]] = ~shapely.dwithin(boundary[fk[in_p]], pts[in_p], np.nextafter(r[in_p], 0))
    hit[fz[line]] = inf[line] | shapely.dwithin(proj[fk[line]], pts[line], r[line])
    certain[fz[out_p | line]] = False
    return hit, certain
