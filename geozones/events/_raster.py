"""Grid cells classified by rasterizing feature outlines (the exact join's fast set-up).

A cell that no segment of a feature's outline passes through lies wholly
inside or wholly outside the feature, so one point test at its centre
classifies every event that can fall in it. The outline's segments are
split to at most half a cell, and each one marks the cells of the box of its
two end cells (a straight segment never leaves the box of its ends), so the
marked set is a superset of the cells the outline touches: the cost is
numpy work on the features' vertices plus one prepared point test per
unmarked cell, instead of a polygon-box predicate per cell.
"""

from __future__ import annotations

import numpy as np
import shapely

_SIMPLE = (0, 1, 2, 3, 4, 5, 6)  # point, line, ring, polygon and their multi- types


def outline_cells(
    geoms: np.ndarray, ids: np.ndarray, grid: tuple[float, float, float, int, int]
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique :func:`_key` of the (feature, cell) pairs each outline may touch.

    ``geoms[i]`` is the geometry of feature ``ids[i]``; polygons contribute
    their rings, lines their segments, points their own cell. Also returns
    the features whose type is not simple (collections): they are left to
    the exact test in every cell.
    """
    x0, y0, side, _, _ = grid
    types = shapely.get_type_id(geoms)
    odd = ~np.isin(types, _SIMPLE)
    poly = np.isin(types, (3, 6))
    none = np.full(len(geoms), None, dtype=object)
    lines = np.where(poly, shapely.boundary(np.where(poly, geoms, none)), geoms)
    lines = np.where(odd, none, lines)
    parts, owner = shapely.get_parts(lines, return_index=True)
    parts = shapely.segmentize(parts, side / 2)  # a segment then spans at most 2 × 2 cells
    xy, part = shapely.get_coordinates(parts, return_index=True)
    feat = np.asarray(ids)[owner[part]]
    cx = np.floor((xy[:, 0] - x0) / side).astype(np.int64)
    cy = np.floor((xy[:, 1] - y0) / side).astype(np.int64)
    own = _key(feat, cx, cy, grid)  # every vertex's cell
    keep = np.ones(len(own), dtype=bool)
    keep[1:] = own[1:] != own[:-1]  # most runs of vertices stay in one cell
    pieces = [own[keep]]
    cross = np.flatnonzero((part[1:] == part[:-1]) & keep[1:])  # segment k → k + 1
    a, b = cross, cross + 1
    far = (np.abs(cx[b] - cx[a]) > 1) | (np.abs(cy[b] - cy[a]) > 1)  # rounding: never seen
    odd = np.union1d(np.asarray(ids)[odd], feat[a[far]])  # ... its features: tested everywhere
    pieces += [_key(feat[a], cx[a], cy[b], grid), _key(feat[a], cx[b], cy[a], grid)]
    return np.unique(np.concatenate(pieces)), odd


def _key(feat: np.ndarray, cx: np.ndarray, cy: np.ndarray, grid: tuple) -> np.ndarray:
    """One int64 per (feature, cell); cells beyond the grid's edges are merged into a rim."""

    nx, ny = grid[3], grid[4]
    gx = np.minimum(np.maximum(cx, -1), nx) + 1
    gy = np.minimum(np.maximum(cy, -1), ny) + 1
    return feat.astype(np.int64) * np.int64((nx + 2) * (ny + 2)) + gy * (nx + 2) + gx


def classify(
    geoms: np.ndarray,
    polygonal: np.ndarray,
    feat: np.ndarray,
    cx: np.ndarray,
    cy: np.ndarray,
    grid: tuple[float, float, float, int, int],
) -> np.ndarray:
    """0 (no event there matches), 1 (every event there matches) or 2 (test) per (feature, cell).

    ``geoms``/``polygonal`` are indexed by feature (``geoms`` prepared);
    ``grid`` is ``(x0, y0, side, nx, ny)``: cell ``(cx, cy)`` holds the
    points whose ``floor((x - x0) / side)`` is ``cx`` (and so for y).
    """
    x0, y0, side, _, _ = grid
    ids = np.flatnonzero(np.bincount(feat))
    keys, odd = outline_cells(geoms[ids], ids, grid)
    mine = _key(feat, cx, cy, grid)
    pos = np.minimum(np.searchsorted(keys, mine), max(len(keys) - 1, 0))
    edge = (keys[pos] == mine) if len(keys) else np.zeros(len(feat), dtype=bool)
    edge |= np.isin(feat, odd)
    px, py = x0 + (cx + 0.5) * side, y0 + (cy + 0.5) * side
    edge |= (np.floor((px - x0) / side) != cx) | (np.floor((py - y0) / side) != cy)
    state = np.where(edge, 2, 0).astype(np.int8)
    test = np.flatnonzero(~edge & polygonal[feat])
    inside = shapely.intersects_xy(geoms[feat[test]], px[test], py[test])
    state[test[inside]] = 1
    return state
