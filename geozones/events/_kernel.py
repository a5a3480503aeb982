"""The matching kernel: candidate pairs from a grid index, day arithmetic, exact tests.

For a chunk of events (``x``/``y`` lon/lat, ``day`` int64 days, ``radius``
metres) the kernel returns the (event, feature, certain) triples:

1. **candidates**: the features' bounding boxes, padded by each radius in
   use, are bucketed into the cells of a regular lon/lat grid (cells about
   the size of a typical feature, at most about a million of them). An
   event's cell is integer arithmetic on its coordinates, so finding the
   candidate features of all events is one vectorized gather: no Python
   loop, no shapely object per event, cost proportional to events +
   candidates whatever the number of features;
2. **dates** on the candidate pairs only: ``start <= day <= end`` as
   integer days;
3. **exact test** of the remaining pairs, sorted by feature (each feature's
   prepared geometry is reused while it is hot in the cache), in one
   vectorized call: ``intersects_xy`` for the point, and for events with an
   uncertainty radius a prepared ``dwithin`` to the feature's boundary in
   metres, which only pairs whose disc box reaches the feature get.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._columns import NAT

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from ._plan import _Plan

_M_PER_DEG_LAT = 110_574.0  # metres in a degree of latitude at the equator (the least)
_M_PER_DEG_LON = 111_320.0  # metres in a degree of longitude at the equator
_MAX_CELLS = 1 << 20


class _Grid:
    """Feature boxes padded by ``radius`` metres, bucketed into the cells of a lon/lat grid."""

    def __init__(self, bounds: np.ndarray, radius: float) -> None:
        import numpy as np

        finite = np.isfinite(bounds).all(axis=1)
        b = np.where(finite[:, None], bounds, 0.0)
        pad_y = radius / _M_PER_DEG_LAT * 1.001 + 1e-9 if radius > 0 else 0.0
        far = np.minimum(np.maximum(np.abs(b[:, 1]), np.abs(b[:, 3])) + pad_y, 89.9)
        pad_x = radius / (_M_PER_DEG_LON * np.cos(np.radians(far))) * 1.001 + 1e-9
        pad_x = pad_x if radius > 0 else np.zeros(len(b))
        box = np.column_stack([b[:, 0] - pad_x, b[:, 1] - pad_y, b[:, 2] + pad_x, b[:, 3] + pad_y])
        self.box = np.where(finite[:, None], box, np.array([np.inf, np.inf, -np.inf, -np.inf]))
        live = box[finite]
        if not len(live):
            self.x0 = self.y0 = 0.0
            self.side, self.nx, self.ny = 1.0, 1, 1
            self.indptr, self.feat = np.zeros(2, dtype=np.int64), np.zeros(0, dtype=np.int64)
            return
        self.x0, self.y0 = live[:, 0].min(), live[:, 1].min()
        width, height = live[:, 2].max() - self.x0, live[:, 3].max() - self.y0
        extent = np.maximum(live[:, 2] - live[:, 0], live[:, 3] - live[:, 1])
        cells = min(max(16 * len(live), 1024), _MAX_CELLS)
        self.side = max(float(np.median(extent)), float(np.sqrt(width * height / cells)), 1e-9)
        self.nx, self.ny = int(width // self.side) + 1, int(height // self.side) + 1
        self._bucket(np.flatnonzero(finite), live)

    def _bucket(self, ids: np.ndarray, live: np.ndarray) -> None:
        """CSR arrays: ``feat[indptr[c]:indptr[c + 1]]`` are the features touching cell ``c``."""
        import numpy as np

        ix0, iy0 = self._cell_xy(live[:, 0], live[:, 1])
        ix1, iy1 = self._cell_xy(live[:, 2], live[:, 3])
        w = ix1 - ix0 + 1
        counts = w * (iy1 - iy0 + 1)
        local = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        wr = np.repeat(w, counts)
        cell = (
            (np.repeat(iy0, counts) + local // wr) * self.nx + np.repeat(ix0, counts) + local % wr
        )
        order = np.argsort(cell, kind="stable")
        self.feat = np.repeat(ids, counts)[order]
        self.indptr = np.zeros(self.nx * self.ny + 1, dtype=np.int64)
        np.cumsum(np.bincount(cell, minlength=self.nx * self.ny), out=self.indptr[1:])

    def _cell_xy(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        ix = np.clip(np.floor((x - self.x0) / self.side), 0, self.nx - 1).astype(np.int64)
        iy = np.clip(np.floor((y - self.y0) / self.side), 0, self.ny - 1).astype(np.int64)
        return ix, iy

    def pairs(self, x: np.ndarray, y: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(event, feature) pairs of the events ``idx`` whose point is in a padded feature box."""
        import numpy as np

        fx, fy = (x[idx] - self.x0) / self.side, (y[idx] - self.y0) / self.side
        on = (fx >= 0) & (fx < self.nx) & (fy >= 0) & (fy < self.ny)
        idx = idx[on]
        cell = fy[on].astype(np.int64) * self.nx + fx[on].astype(np.int64)
        first = self.indptr[cell]
        count = self.indptr[cell + 1] - first
        ev = np.repeat(idx, count)
        pos = np.arange(count.sum()) + np.repeat(first - (np.cumsum(count) - count), count)
        ft = self.feat[pos]
        b = self.box[ft]
        xe, ye = x[ev], y[ev]
        keep = (xe >= b[:, 0]) & (xe <= b[:, 2]) & (ye >= b[:, 1]) & (ye <= b[:, 3])
        return ev[keep], ft[keep]


def grids_for(plan: _Plan, radii: np.ndarray) -> dict[float, _Grid]:
    """One :class:`_Grid` per distinct radius (metres) in ``radii``."""
    import numpy as np

    return {float(r): _Grid(plan.bounds, float(r)) for r in np.unique(radii[np.isfinite(radii)])}


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
    import numpy as np

    with np.errstate(invalid="ignore"):
        ok = np.isfinite(x) & np.isfinite(y) & (day != NAT) & (np.abs(y) <= 90)
    evs, fts = [], []
    for r, grid in grids.items():
        ev, ft = grid.pairs(x, y, np.flatnonzero(ok & (radius == r)))
        d = day[ev]
        live = (d >= plan.start[ft]) & (d <= plan.end[ft])  # dates on candidate pairs only
        evs.append(ev[live])
        fts.append(ft[live])
    ev = np.concatenate(evs) if evs else np.zeros(0, dtype=np.int64)
    ft = np.concatenate(fts) if fts else np.zeros(0, dtype=np.int64)
    by_feature = np.argsort(ft, kind="stable")
    ev, ft = ev[by_feature], ft[by_feature]
    hit, certain = _exact(plan, ev, ft, x, y, radius)
    ev, ft, certain = ev[hit], ft[hit], certain[hit]
    order = np.lexsort((ft, ev))
    return ev[order], ft[order].astype(np.int64), certain[order]


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
    import numpy as np
    import shapely

    inside = shapely.intersects_xy(plan.geoms[ft], x[ev], y[ev])
    hit, certain = inside.copy(), inside.copy()
    fz = np.flatnonzero(radius[ev] > 0)
    if not fz.size:
        return hit, certain
    uniq, back = np.unique(ev[fz], return_inverse=True)  # each uncertain event projected once
    pts = shapely.points(*plan.to_metres(x[uniq], y[uniq]))[back]
    r, inf, fk = radius[ev[fz]], inside[fz], ft[fz]
    poly = plan.polygonal[fk]
    out_p, in_p, line = poly & ~inf, poly & inf, ~poly
    hit[fz[out_p]] = shapely.dwithin(plan.boundary[fk[out_p]], pts[out_p], r[out_p])
    certain[fz[in_p]] = ~shapely.dwithin(
        plan.boundary[fk[in_p]], pts[in_p], np.nextafter(r[in_p], 0)
    )
    hit[fz[line]] = inf[line] | shapely.dwithin(plan.proj[fk[line]], pts[line], r[line])
    certain[fz[out_p | line]] = False
    return hit, certain
